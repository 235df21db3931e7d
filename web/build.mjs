// Builds the browser side of the web chat: bundles web/widget/index.ts into dist/web/widget.js and copies the
// demo storefront to dist/web/demo/. Plain Node ESM so it runs before anything else is compiled:
//
//   node web/build.mjs
//
// Paths are resolved from this file, not the working directory, so it also works when run from elsewhere.
import { build } from 'esbuild';
import { cpSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const webDir = dirname(fileURLToPath(import.meta.url));
const repoRoot = dirname(webDir);
const outDir = join(repoRoot, 'dist', 'web');
const bundlePath = join(outDir, 'widget.js');

mkdirSync(outDir, { recursive: true });

await build({
  absWorkingDir: repoRoot,
  entryPoints: [join(webDir, 'widget', 'index.ts')],
  outfile: bundlePath,
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: 'es2020',
  minify: true,
  sourcemap: true,
  legalComments: 'eof',
  // The widget runs on other people's pages: no Node globals, and socket.io-client's production (non-debug) build.
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'warning',
});

const demoOut = join(outDir, 'demo');
rmSync(demoOut, { recursive: true, force: true });
cpSync(join(webDir, 'demo'), demoOut, { recursive: true });

const size = statSync(bundlePath).size;
const gzipped = gzipSync(readFileSync(bundlePath)).length;
const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
console.log(`${relative(process.cwd(), bundlePath) || bundlePath}: ${kib(size)} (${kib(gzipped)} gzipped)`);
console.log(`${relative(process.cwd(), demoOut) || demoOut}/: demo storefront copied`);
