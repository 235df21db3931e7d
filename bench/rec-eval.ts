/**
 * `npm run rec:eval -- --sequences FILE [--attributes FILE] [--model blend|sequential-knn|...] [--skip KIND,...]
 *   [--tuning-users 8000] [--blend-users 20000] [--latency-users 2000] [--json] [--verbose]`
 *
 * Trains the recommenders on a sequence file (one user per line, `user item1 item2 ...` in time order, optionally
 * gzipped) and evaluates them with the S3-Rec/ICLRec protocol: the last item of each user is the test target, the
 * one before it the validation target that tuning uses; the test item never reaches training; every item not in
 * the user's history is ranked. `--json` prints one JSON line `{model, hr10, ndcg10, hr20, ndcg20, trainSeconds,
 * p50ms, p99ms, models: {NAME: {...}}, ...}` (top-level figures: the default model, the blend); otherwise a table.
 * `--attributes` reads the item attribute file (`{item: [attribute, ...]}`) for the content model. `--verbose`
 * writes every tuning trial to stderr.
 */
import { parseArgs } from 'node:util';
import { readItemAttributesFile, readSequenceFile, runSequenceBenchmark, type SequenceBenchmarkResult } from '../recommender';

/** The readable table `npm run rec:eval` prints without `--json`. */
export function formatRecEvalTable(result: SequenceBenchmarkResult): string {
  const lines = [`default model: ${result.model}   users ${result.users}   items ${result.items}   interactions ${result.interactions}`, ''];
  lines.push(['model', 'HR@10', 'NDCG@10', 'HR@20', 'NDCG@20', 'train s', 'weight', 'val HR@10'].map((h, i) => (i ? h.padStart(10) : h.padEnd(16))).join(''));
  for (const [name, m] of Object.entries(result.models)) {
    const weight = result.chosen[name]?.weight;
    const cells = [m.hr10, m.ndcg10, m.hr20, m.ndcg20].map((x) => x.toFixed(4));
    cells.push(m.trainSeconds.toFixed(1), weight === undefined ? '' : weight.toFixed(3), result.validation[name]?.hr10.toFixed(4) ?? '');
    lines.push(name.padEnd(16) + cells.map((c) => c.padStart(10)).join(''));
  }
  lines.push('', `recommend() latency: p50 ${result.p50ms} ms, p99 ${result.p99ms} ms   evaluation ${result.evaluationSeconds} s`);
  if (Object.keys(result.kernels).length) lines.push(`kernels: ${Object.entries(result.kernels).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  return `${lines.join('\n')}\n`;
}

/** What one run prints: the result and its text (a JSON line with `--json`, otherwise the table). */
export interface RecEvalOutput {
  result: SequenceBenchmarkResult;
  text: string;
}

/**
 * Runs the benchmark for command-line arguments (see the file comment).
 * @throws Error with the fix when an argument is missing or invalid.
 */
export async function runRecEval(argv: readonly string[]): Promise<RecEvalOutput> {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      sequences: { type: 'string' },
      attributes: { type: 'string' },
      model: { type: 'string', default: 'blend' },
      skip: { type: 'string' },
      'tuning-users': { type: 'string' },
      'blend-users': { type: 'string' },
      'latency-users': { type: 'string' },
      json: { type: 'boolean', default: false },
      verbose: { type: 'boolean', default: false },
    },
  });
  if (!values.sequences) throw new Error('Give --sequences FILE (one user per line: user item1 item2 ..., optionally gzipped)');
  const positive = (name: string, value: string | undefined): number | undefined => {
    if (value === undefined) return undefined;
    const n = Number(value);
    if (!Number.isInteger(n) || n <= 0) throw new Error(`--${name} must be a positive integer`);
    return n;
  };
  const tuningUsers = positive('tuning-users', values['tuning-users']);
  const blendUsers = positive('blend-users', values['blend-users']);
  const latencyUsers = positive('latency-users', values['latency-users']);
  const result = await runSequenceBenchmark({
    sequences: readSequenceFile(values.sequences),
    ...(values.attributes ? { catalogue: readItemAttributesFile(values.attributes) } : {}),
    kind: values.model ?? 'blend',
    ...(values.skip ? { skip: values.skip.split(',').map((s) => s.trim()).filter(Boolean) } : {}),
    ...(tuningUsers ? { tuningUsers } : {}),
    ...(blendUsers ? { blendUsers } : {}),
    ...(latencyUsers ? { latencyUsers } : {}),
    ...(values.verbose ? { log: (line: string) => process.stderr.write(`${line}\n`) } : {}),
  });
  return { result, text: values.json ? `${JSON.stringify(result)}\n` : formatRecEvalTable(result) };
}

if (require.main === module) {
  runRecEval(process.argv.slice(2))
    .then(({ text }) => process.stdout.write(text))
    .catch((error: unknown) => {
      process.stderr.write(`rec:eval failed: ${(error as Error).message}\n`);
      process.exit(1);
    });
}
