/**
 * Starts a worker thread from whichever form of an entry file exists in a folder, so the same code runs from the
 * compiled `dist/` and from TypeScript sources under jest.
 *
 * - Built (`dist/...`, tsc's CommonJS output): `<entry>.js` is there; it is started as is.
 * - From TypeScript sources (jest runs `.ts` through @swc/jest, which worker threads do not inherit): there is only
 *   `<entry>.ts`. The worker then starts from a few lines of inline JavaScript that register a `.ts` loader
 *   (`require.extensions`, compiling each file with @swc/core, the compiler jest already uses) and require the
 *   entry; the loader covers the entry's own `.ts` imports too. @swc/core is a dev dependency, so production never
 *   takes this path, and it fails with a clear message if neither form is there.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/** Neither a compiled nor a runnable TypeScript worker entry was found. */
export class WorkerScriptError extends Error {
  override readonly name = 'WorkerScriptError';
}

function typeScriptBootstrap(entry: string, swcPath: string): string {
  return `
const { readFileSync } = require('node:fs');
const { transformSync } = require(${JSON.stringify(swcPath)});
require.extensions['.ts'] = (module, filename) => {
  const { code } = transformSync(readFileSync(filename, 'utf8'), {
    filename,
    swcrc: false,
    configFile: false,
    module: { type: 'commonjs' },
    jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
  });
  module._compile(code, filename);
};
require(${JSON.stringify(entry)});
`;
}

/**
 * A new worker thread running `<folder>/<entry>.js` (or `.ts` through @swc/core).
 *
 * @throws WorkerScriptError when neither form exists, or only the `.ts` one and @swc/core is not installed.
 */
export function spawnWorker(entry: string, folder: string, options: Omit<WorkerOptions, 'eval'> = {}): Worker {
  const compiled = join(folder, `${entry}.js`);
  if (existsSync(compiled)) return new Worker(compiled, options);

  const source = join(folder, `${entry}.ts`);
  if (!existsSync(source)) {
    throw new WorkerScriptError(`No ${entry}.js or ${entry}.ts in ${folder}; rebuild with \`npm run build\`.`);
  }
  let swcPath: string;
  try {
    swcPath = require.resolve('@swc/core');
  } catch {
    throw new WorkerScriptError(
      `${folder} holds only TypeScript sources and @swc/core (a dev dependency) is not installed to run them in a worker; ` +
        'run the built code (`npm run build`, then dist/) or `npm install` the dev dependencies.',
    );
  }
  return new Worker(typeScriptBootstrap(source, swcPath), { ...options, eval: true });
}
