import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Express, Response } from 'express';
import express from 'express';
import { constants } from 'node:zlib';
import compression from 'compression';

/** A year: the longest a browser is asked to keep a file. */
const YEAR_SECONDS = 365 * 24 * 60 * 60;
/** Vite names what it builds into assets/ by its content (`index-BLo5wk9l.js`): a changed file has a new name. */
const HASHED_ASSET = /^\/assets\/.+-[A-Za-z0-9_-]{8,}\.[a-z0-9.]+$/;

/**
 * Every text answer (JSON, problem+json, HTML, JS, CSS, CSV, metrics) is sent compressed when the
 * client accepts it, brotli before gzip. Below 512 bytes the headers outweigh the saving. Brotli at
 * quality 5, not the middleware's 4: the entry script comes out 5% smaller than in gzip instead of
 * about the same size, in about the time gzip takes.
 */
export function compressResponses(): express.RequestHandler {
  return compression({ threshold: 512, brotli: { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } } });
}

function noCache(res: Response): void {
  // Kept, but asked about again each time: a new release is seen at the next load.
  res.setHeader('Cache-Control', 'no-cache');
}

/** The encodings the web build writes beside each script and style sheet (web/vite.config.ts), best first. */
const PRECOMPRESSED = [
  { encoding: 'br', suffix: '.br' },
  { encoding: 'gzip', suffix: '.gz' },
] as const;

/**
 * A hashed asset the build also wrote compressed (brotli at quality 11, gzip at level 9) is sent as
 * that file, in the best encoding the client accepts: fewer bytes than compressing at each request,
 * and no work for the server. Any other file goes on to express.static and the compression middleware.
 */
function precompressedAssets(assets: string): express.RequestHandler {
  const written = new Set(existsSync(assets) ? readdirSync(assets) : []);
  return (req, res, next) => {
    const name = req.path.slice(1);
    if ((req.method !== 'GET' && req.method !== 'HEAD') || name.includes('/') || !HASHED_ASSET.test(`/assets/${name}`)) return next();
    const chosen = PRECOMPRESSED.find(({ encoding, suffix }) => written.has(name + suffix) && req.acceptsEncodings(encoding) === encoding);
    if (!chosen) return next();
    res.setHeader('Content-Encoding', chosen.encoding);
    res.setHeader('Vary', 'Accept-Encoding');
    res.setHeader('Cache-Control', `public, max-age=${YEAR_SECONDS}, immutable`);
    res.type(path.extname(name));
    res.sendFile(path.join(assets, name + chosen.suffix), { cacheControl: false }, (error) => error && next(error));
  };
}

/**
 * Serves the built web app (web/dist) when it is there: hashed assets immutable for a year (each
 * script and style sheet as the build compressed it), everything else (index.html for any page
 * path) revalidated on each load.
 */
export function serveWebApp(app: Express, dist: string): void {
  if (!existsSync(path.join(dist, 'index.html'))) return;
  app.use('/assets', precompressedAssets(path.join(dist, 'assets')));
  app.use(
    express.static(dist, {
      index: false,
      setHeaders: (res, file) => {
        const url = `/${path.relative(dist, file).split(path.sep).join('/')}`;
        if (HASHED_ASSET.test(url)) res.setHeader('Cache-Control', `public, max-age=${YEAR_SECONDS}, immutable`);
        else noCache(res);
      },
    }),
  );
  app.get('/{*path}', (_req, res) => {
    noCache(res);
    res.sendFile(path.join(dist, 'index.html'), { cacheControl: false });
  });
}
