/**
 * `npm run risk:eval -- --train FILE --test FILE [--ip-map FILE] [--counters redis|memory] [--json]`
 * `npm run risk:eval -- --data FILE --test-fraction 0.3 --seed N [--ip-map FILE] ...`
 *
 * Trains the risk model on purchases shaped like the e-commerce fraud data set (gzipped or not) and scores the test
 * purchases through the live scorer, printing one JSON line: rocAuc, prAuc, recallAt1pctFpr, trainSeconds, p99ms
 * (per scoring call, counters included), and details. `--data` splits one file by user (no user on both sides).
 * Counters live in Redis (the configured REDIS_URL, under a throw-away key prefix deleted afterwards) unless
 * `--counters memory`.
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { Redis } from 'ioredis';
import { loadConfig, type ConfigSources } from '../config';
import { IpCountryMap, evaluateFraudData, readFraudFile, splitByUser, type FraudEvaluationResult, type LabelledRequest } from '../risk';

/** The output line. */
export type RiskEvalOutput = { benchmark: 'risk-eval' } & FraudEvaluationResult;

/**
 * Parses `argv` (without node and script), runs the evaluation and returns the output line's object.
 * @param configSources where the Redis URL comes from (the environment by default).
 */
export async function runRiskEval(argv: readonly string[], configSources: ConfigSources = {}, log: (line: string) => void = () => undefined): Promise<RiskEvalOutput> {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      train: { type: 'string' },
      test: { type: 'string' },
      data: { type: 'string' },
      'test-fraction': { type: 'string', default: '0.3' },
      seed: { type: 'string', default: '1' },
      'ip-map': { type: 'string' },
      counters: { type: 'string', default: 'redis' },
      json: { type: 'boolean', default: false },
    },
  });
  let train: LabelledRequest[];
  let test: LabelledRequest[];
  if (values.data) {
    if (values.train || values.test) throw new Error('Give either --data FILE or --train FILE --test FILE, not both');
    const fraction = Number(values['test-fraction']);
    const seed = Number(values.seed);
    if (!(fraction > 0 && fraction < 1)) throw new Error('--test-fraction must be between 0 and 1');
    if (!Number.isInteger(seed)) throw new Error('--seed must be an integer');
    const split = splitByUser(readFraudFile(values.data), fraction, seed);
    train = split.first;
    test = split.second;
  } else {
    if (!values.train || !values.test) throw new Error('Give --train FILE and --test FILE (or --data FILE --test-fraction 0.3 --seed N)');
    train = readFraudFile(values.train);
    test = readFraudFile(values.test);
  }
  if (values.counters !== 'redis' && values.counters !== 'memory') throw new Error('--counters must be redis or memory');
  const ipCountries = values['ip-map'] ? IpCountryMap.readFile(values['ip-map']) : undefined;
  let redis: Redis | undefined;
  if (values.counters === 'redis') {
    const url = loadConfig(configSources).redis.url;
    redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
    try {
      await redis.connect();
    } catch (error) {
      redis.disconnect();
      throw new Error(`Redis at ${url} is unreachable (${(error as Error).message}); start it or pass --counters memory`, { cause: error });
    }
  }
  try {
    const result = await evaluateFraudData({
      train,
      test,
      ...(ipCountries ? { ipCountries } : {}),
      ...(redis ? { redis: { client: redis, keyPrefix: `risk-eval-${randomBytes(4).toString('hex')}` } } : {}),
      log,
    });
    return { benchmark: 'risk-eval', ...result };
  } finally {
    await redis?.quit();
  }
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const output = await runRiskEval(argv, {}, (line) => process.stderr.write(`${line}\n`));
  process.stdout.write(argv.includes('--json') ? `${JSON.stringify(output)}\n` : `${JSON.stringify(output, null, 2)}\n`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`risk:eval failed: ${(error as Error).message}\n`);
    process.exit(1);
  });
}
