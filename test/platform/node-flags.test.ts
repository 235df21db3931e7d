import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { missingNodeFlags, PLATFORM_NODE_FLAGS, platformProcessArgs } from '../../platform/node-flags';
import { projectRoot } from '../../platform/paths';

describe('PLATFORM_NODE_FLAGS', () => {
  const scripts = (JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;

  it.each(['start', 'server', 'worker'])('are on the command line of npm run %s', (name) => {
    const command = scripts[name]!;
    expect(command).toMatch(/node .*dist\/platform\/cli\.js/);
    const nodeArgs = command.slice(command.lastIndexOf('node '), command.indexOf('dist/platform/cli.js')).split(/\s+/).slice(1);
    expect(missingNodeFlags(nodeArgs)).toEqual([]);
  });
});

describe('missingNodeFlags', () => {
  it('names every flag of a process started with none', () => {
    expect(missingNodeFlags([])).toEqual([...PLATFORM_NODE_FLAGS]);
  });

  it('counts flags from the command line and from NODE_OPTIONS', () => {
    expect(missingNodeFlags(['--max-semi-space-size=4'])).toEqual([]);
    expect(missingNodeFlags(['--inspect'], '--enable-source-maps --max-semi-space-size=4')).toEqual([]);
  });

  it('accepts another value or the underscore spelling as the operator choosing', () => {
    expect(missingNodeFlags(['--max-semi-space-size=8'])).toEqual([]);
    expect(missingNodeFlags([], '--max_semi_space_size=2')).toEqual([]);
  });

  it('does not take a flag that only starts the same for it', () => {
    expect(missingNodeFlags(['--max-semi-space-size-extra=4'])).toEqual(['--max-semi-space-size=4']);
  });
});

describe('platformProcessArgs', () => {
  it('puts the platform flags, then the extra ones, before the built CLI and its role', () => {
    expect(platformProcessArgs('server', ['--cpu-prof'])).toEqual([...PLATFORM_NODE_FLAGS, '--cpu-prof', join(projectRoot, 'dist/platform/cli.js'), 'server']);
    expect(missingNodeFlags(platformProcessArgs('worker').slice(0, -2))).toEqual([]);
  });
});
