/** `npm run rec:eval` (bench/rec-eval.ts) on a tiny generated, gzipped sequence file. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { runRecEval } from '../../bench/rec-eval';
import { chainSequences, groupCatalogue } from './support/generated-sequences';

describe('rec:eval', () => {
  let root: string;
  let sequences: string;
  let attributes: string;

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'rec-eval-'));
    sequences = join(root, 'Tiny.txt.gz');
    attributes = join(root, 'Tiny_item2attributes.json');
    const lines = chainSequences({ users: 120, items: 30, length: 6 }).map((s, u) => `${u + 1} ${s.items.join(' ')}`);
    writeFileSync(sequences, gzipSync(Buffer.from(`${lines.join('\n')}\n`)));
    const content = Object.fromEntries(groupCatalogue(3, 10).map((c) => [c.id, c.attributes]));
    writeFileSync(attributes, JSON.stringify(content));
  });

  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('prints one JSON line with the default model’s figures and every model’s', async () => {
    const { text } = await runRecEval(['--sequences', sequences, '--attributes', attributes, '--json', '--latency-users', '20']);
    expect(text.endsWith('\n')).toBe(true);
    expect(text.trim().split('\n')).toHaveLength(1);
    const output = JSON.parse(text) as Record<string, unknown> & { models: Record<string, Record<string, number>> };
    expect(output).toMatchObject({
      model: 'blend',
      hr10: expect.any(Number),
      ndcg10: expect.any(Number),
      hr20: expect.any(Number),
      ndcg20: expect.any(Number),
      trainSeconds: expect.any(Number),
      p50ms: expect.any(Number),
      p99ms: expect.any(Number),
    });
    expect(Object.keys(output.models).sort()).toEqual(['blend', 'content-tfidf', 'implicit-als', 'item-knn', 'popularity', 'sequential-knn']);
    for (const figures of Object.values(output.models)) expect(Object.keys(figures).sort()).toEqual(['hr10', 'hr20', 'ndcg10', 'ndcg20', 'trainSeconds']);
    // The top-level figures are the blend's; on the planted "what follows what" it finds most next items.
    expect(output).toMatchObject({ hr10: output.models['blend']!['hr10'], ndcg10: output.models['blend']!['ndcg10'], users: 120, items: 30 });
    expect(output['hr10']).toBeGreaterThan(0.7);
    expect(output.models['popularity']!['hr10']).toBeLessThan(0.5);
    expect(output['p99ms']).toBeGreaterThanOrEqual(output['p50ms'] as number);
  });

  it('prints a table without --json, and evaluates another default model with --model', async () => {
    const { text, result } = await runRecEval(['--sequences', sequences, '--model', 'sequential-knn', '--latency-users', '5']);
    expect(result.model).toBe('sequential-knn');
    expect(Object.keys(result.models)).toEqual(['sequential-knn']);
    expect(text).toMatch(/^default model: sequential-knn/);
    expect(text).toMatch(/recommend\(\) latency: p50/);
  });

  it('says what is missing or wrong', async () => {
    await expect(runRecEval([])).rejects.toThrow(/--sequences FILE/);
    await expect(runRecEval(['--sequences', sequences, '--tuning-users', '0'])).rejects.toThrow(/positive integer/);
    await expect(runRecEval(['--sequences', sequences, '--model', 'nope'])).rejects.toThrow(/Unknown recommender nope/);
  });
});
