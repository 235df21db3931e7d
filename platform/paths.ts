/** Locations inside the installed project, independent of the working directory and of running from dist/. */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

function findProjectRoot(start: string): string {
  let current = start;
  while (!existsSync(join(current, 'package.json'))) {
    const parent = dirname(current);
    if (parent === current) return start;
    current = parent;
  }
  return current;
}

/** The folder holding package.json. */
export const projectRoot = findProjectRoot(__dirname);

/** Built browser assets (`npm run build:web`): widget.js and the demo page. */
export const webAssetsDir = join(projectRoot, 'dist', 'web');
