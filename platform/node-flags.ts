/**
 * The V8 flags the platform's processes are started with: `npm start`, `npm run server`, `npm run worker` (in
 * package.json, which a unit test keeps equal to this list), the benchmarks and the tests' spawned platforms.
 *
 * `--max-semi-space-size=4` (MB; Node 20's default grows to 16): a young-generation collection pauses the event loop
 * for a fixed ~1 ms plus the survivors' copy, and with 16 MB semi-spaces the survivors of a busy server made each
 * pause 2-4 ms, four times a second. Measured with `npm run bench:risk-api -- --json --requests 10000 --warmup 3000`
 * (2 cores, one closed-loop client): p99 4.46-4.54 ms with the default, 3.66 ms with 4 MB (2 MB: 3.52 but p95
 * 2.56; 8 MB: 4.22), and the chat benchmark's throughput within its run-to-run noise (1,019 vs 1,032 msg/s). The flag
 * must be given at start: V8 sizes the young generation when the heap is set up (`v8.setFlagsFromString` later has no
 * effect), so it lives on the command line, not in the configuration.
 */
import { join } from 'node:path';
import { projectRoot } from './paths';

/** See the file comment. */
export const PLATFORM_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=4'];

/**
 * The arguments after `node` that start the built platform as `role`, with {@link PLATFORM_NODE_FLAGS} and then
 * `extraNodeArgs` (e.g. `--cpu-prof`): what benches and tests spawn, so none of them runs without the flags.
 */
export function platformProcessArgs(role: 'all' | 'server' | 'worker', extraNodeArgs: readonly string[] = []): string[] {
  return [...PLATFORM_NODE_FLAGS, ...extraNodeArgs, join(projectRoot, 'dist/platform/cli.js'), role];
}

/**
 * The flags of {@link PLATFORM_NODE_FLAGS} this process was started without (its command line and `NODE_OPTIONS`
 * both count), by flag name: another value for a flag is the operator's choice, not missing.
 */
export function missingNodeFlags(execArgv: readonly string[], nodeOptions = ''): string[] {
  const given = new Set([...execArgv, ...nodeOptions.split(/\s+/)].filter(Boolean).map(flagName));
  return PLATFORM_NODE_FLAGS.filter((flag) => !given.has(flagName(flag)));
}

/** `--max-semi-space-size=4` -> `--max-semi-space-size` (V8 also accepts underscores in flag names). */
function flagName(flag: string): string {
  return flag.split('=')[0]!.replace(/_/g, '-');
}
