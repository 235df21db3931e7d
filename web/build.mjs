// Builds the browser side: bundles web/widget/index.ts into dist/web/widget.js and the storefront events script
// web/storefront/index.ts into dist/web/storefront.js, copies the demo storefront to
// dist/web/demo/, and builds the knowledge-base admin app (web/admin/index.ts -> dist/web/admin/admin.js, with its
// index.html and admin.css). Plain Node ESM so it runs before anything else is compiled:
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

/** One browser bundle: an IIFE for current browsers, minified with a source map, no Node globals. */
async function bundle(entry, outfile) {
  await build({
    absWorkingDir: repoRoot,
    entryPoints: [entry],
    outfile,
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    minify: true,
    sourcemap: true,
    legalComments: 'eof',
    // Browsers have no `process`; socket.io-client (widget) also picks its production (non-debug) build from this.
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'warning',
  });
}

// The widget runs on other people's pages.
await bundle(join(webDir, 'widget', 'index.ts'), bundlePath);
// So does the storefront script (interaction events for the recommender); it must stay tiny (< 4 KB gzipped).
const storefrontPath = join(outDir, 'storefront.js');
await bundle(join(webDir, 'storefront', 'index.ts'), storefrontPath);

const demoOut = join(outDir, 'demo');
rmSync(demoOut, { recursive: true, force: true });
cpSync(join(webDir, 'demo'), demoOut, { recursive: true });

// The admin app is served by the platform itself at /admin (same origin as the API).
const adminSrc = join(webDir, 'admin');
const adminOut = join(outDir, 'admin');
rmSync(adminOut, { recursive: true, force: true });
mkdirSync(adminOut, { recursive: true });
await bundle(join(adminSrc, 'index.ts'), join(adminOut, 'admin.js'));
for (const file of ['index.html', 'admin.css']) cpSync(join(adminSrc, file), join(adminOut, file));

const size = statSync(bundlePath).size;
const gzipped = gzipSync(readFileSync(bundlePath)).length;
const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
console.log(`${relative(process.cwd(), bundlePath) || bundlePath}: ${kib(size)} (${kib(gzipped)} gzipped)`);
console.log(`${relative(process.cwd(), storefrontPath) || storefrontPath}: ${kib(statSync(storefrontPath).size)} (${kib(gzipSync(readFileSync(storefrontPath)).length)} gzipped)`);
console.log(`${relative(process.cwd(), demoOut) || demoOut}/: demo storefront copied`);
const adminBundle = join(adminOut, 'admin.js');
console.log(`${relative(process.cwd(), adminBundle) || adminBundle}: ${kib(statSync(adminBundle).size)} (${kib(gzipSync(readFileSync(adminBundle)).length)} gzipped)`);
