# syntax=docker/dockerfile:1
#
# One image for every process of the platform; the command picks the role:
#   api (default):  node --import tsx api/src/main.ts        (serves web/dist too)
#   worker:         node --import tsx worker/src/main.ts
#   migrate:        node --import tsx tools/migrate/migrate.ts   (the one migrate command, as `npm run migrate`)
#
# glibc (Debian), not Alpine: the Temporal SDK's native core ships for glibc only.

ARG NODE_IMAGE=node:20-bookworm-slim

# --- dependencies (cached until a manifest or the lock file changes) ---
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
# The npm the lock file and package.json "allowScripts" were written with.
RUN npm install -g npm@11.19.1 && npm cache clean --force
COPY package.json package-lock.json ./
COPY domain/package.json domain/
COPY db/package.json db/
COPY workflows/package.json workflows/
COPY worker/package.json worker/
COPY api/package.json api/
COPY web/package.json web/
COPY tools/package.json tools/
COPY test/package.json test/
# Dev dependencies stay: the processes run TypeScript through tsx, and vite builds the web app.
RUN npm ci --no-audit --no-fund && npm cache clean --force

# --- sources and the built web app ---
FROM deps AS build
COPY . .
RUN npm run build --workspace web

# --- runtime ---
FROM ${NODE_IMAGE} AS runtime
WORKDIR /app
COPY --from=build /app /app
ENV NODE_ENV=production \
    PORT=3000 \
    WEB_DIST_DIR=/app/web/dist
# Files stay root-owned and read-only to the process; tsx keeps its cache in /tmp.
USER node
EXPOSE 3000
CMD ["node", "--import", "tsx", "api/src/main.ts"]
