import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Redis } from 'ioredis';
import { runRiskEval } from '../../../bench/risk-eval';
import { REDIS_URL } from '../../support/services';
import { fraudCsv, generatePurchases } from '../risk-fixtures';

describe('risk:eval (runRiskEval)', () => {
  let dir: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'risk-eval-'));
    const purchases = generatePurchases(700, 11);
    writeFileSync(join(dir, 'all.csv.gz'), gzipSync(fraudCsv(purchases)));
    writeFileSync(join(dir, 'train.csv'), fraudCsv(purchases.slice(0, 500)));
    writeFileSync(join(dir, 'test.csv'), fraudCsv(purchases.slice(500)));
    writeFileSync(join(dir, 'ip.csv'), 'lower_bound_ip_address,upper_bound_ip_address,country\n0,2999999999,Germany\n3000000000,3000000100,Nigeria\n');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('splits one gzipped file by user, scores through Redis, prints the metrics, and leaves no keys behind', async () => {
    const redis = new Redis(REDIS_URL);
    const before = (await redis.keys('risk-eval-*')).length;
    const output = await runRiskEval(['--data', join(dir, 'all.csv.gz'), '--test-fraction', '0.3', '--seed', '3', '--ip-map', join(dir, 'ip.csv'), '--json'], { env: {} });
    expect(output).toMatchObject({
      benchmark: 'risk-eval',
      counters: 'redis',
      trainRows: 490,
      testRows: 210,
      rocAuc: expect.any(Number),
      prAuc: expect.any(Number),
      recallAt1pctFpr: expect.any(Number),
      trainSeconds: expect.any(Number),
      p99ms: expect.any(Number),
    });
    expect(output.rocAuc).toBeGreaterThan(0.9);
    expect(output.prAuc).toBeGreaterThan(0.8);
    expect(output.p99ms).toBeGreaterThanOrEqual(output.p50ms);
    expect((await redis.keys('risk-eval-*')).length).toBe(before);
    await redis.quit();
  });

  it('takes separate train and test files, with counters in memory', async () => {
    const output = await runRiskEval(['--train', join(dir, 'train.csv'), '--test', join(dir, 'test.csv'), '--counters', 'memory'], { env: {} });
    expect(output).toMatchObject({ counters: 'memory', trainRows: 500, testRows: 200 });
    expect(output.rocAuc).toBeGreaterThan(0.9);
  });

  it('says what to give when the arguments do not fit', async () => {
    await expect(runRiskEval(['--train', join(dir, 'train.csv')], { env: {} })).rejects.toThrow('Give --train FILE and --test FILE');
    await expect(runRiskEval(['--data', join(dir, 'all.csv.gz'), '--test-fraction', '2'], { env: {} })).rejects.toThrow('--test-fraction must be between 0 and 1');
  });
});
