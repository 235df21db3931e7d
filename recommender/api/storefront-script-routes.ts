/** Serves the storefront script (`/storefront.js`, built by web/build.mjs from web/storefront/) to the stores' pages. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Router } from 'express';
import { HttpError } from '../../platform/http/errors';

/** Mounts `GET /storefront.js` and its source map. */
export function storefrontScriptRoutes(deps: { webAssetsDir: string }): Router {
  const router = Router();
  const script = join(deps.webAssetsDir, 'storefront.js');
  router.get('/storefront.js', (_req, res, next) => {
    if (!existsSync(script)) return next(new HttpError(503, 'assets_not_built', 'The storefront script is not built; run `npm run build`.'));
    // Stores embed it on their own domains: short caching keeps updates flowing, and other origins may load it.
    res.set('Cache-Control', 'public, max-age=300');
    res.set('Cross-Origin-Resource-Policy', 'cross-origin');
    res.sendFile(script);
  });
  router.get('/storefront.js.map', (_req, res, next) => {
    const map = `${script}.map`;
    if (!existsSync(map)) return next(new HttpError(404, 'not_found', 'No source map.'));
    res.sendFile(map);
  });
  return router;
}
