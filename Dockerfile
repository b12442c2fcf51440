# syntax=docker/dockerfile:1
#
# One image for every process of the platform; the command picks the role. It runs compiled
# JavaScript (`npm run build`: one bundle per process in dist/, the workflow code prebuilt), with
# production dependencies only, as the unprivileged `node` user:
#   api (default):  node dist/api/src/main.js          (serves dist/web/dist too)
#   worker:         node dist/worker/src/main.js       (WORKFLOW_BUNDLE: the prebuilt workflow bundle)
#   migrate:        node dist/tools/migrate/migrate.js (the one migrate command, as `npm run migrate`)
#   health check:   node dist/tools/health/worker-polls.js
#
# Test production-build reproduces the runtime stage without Docker (tools/build/runtime-stage.ts:
# keep the two in step).
#
# glibc (Debian), not Alpine: the Temporal SDK's native core ships for glibc only.

ARG NODE_IMAGE=node:20-bookworm-slim

# --- every dependency, for the build (cached until a manifest or the lock file changes) ---
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
RUN npm ci --no-audit --no-fund && npm cache clean --force

# --- the build: web app, process bundles, workflow bundle -> dist/ ---
FROM deps AS build
COPY . .
RUN npm run build

# --- production dependencies of the workspaces production runs (no tsx, vite, test tools) ---
FROM deps AS prod-deps
RUN rm -rf node_modules */node_modules \
 && npm ci --omit=dev --no-audit --no-fund \
      --workspace=domain --workspace=db --workspace=workflows --workspace=worker --workspace=api \
 && npm cache clean --force

# --- runtime ---
FROM ${NODE_IMAGE} AS runtime
WORKDIR /app
ENV NODE_ENV=production \
    PORT=3000 \
    WEB_DIST_DIR=/app/dist/web/dist \
    WORKFLOW_BUNDLE=/app/dist/worker/workflow-bundle.js
COPY --from=prod-deps /app /app
COPY --from=build /app/dist /app/dist
# Files stay root-owned and read-only to the process.
USER node
EXPOSE 3000
CMD ["node", "dist/api/src/main.js"]
