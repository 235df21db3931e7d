import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runKbEval } from '../../../bench/kb-eval';
import { writeTinyBertModel } from '../../support/tiny-model/tiny-bert-model';

const ARTICLES: Record<string, string> = {
  'en/gift-cards.md': '---\ntitle: Gift cards\nquestions: [Can I buy a gift card?]\n---\nDigital gift cards from EUR 25 to EUR 500, valid for 24 months.',
  'en/returns.md': '---\ntitle: Return policy\nquestions: [Can I return an item?]\n---\nReturn unworn items within 30 days of delivery.',
  'de/returns.md': '---\ntitle: Rückgaberecht\nquestions: [Kann ich einen Artikel zurückgeben?]\n---\nUngetragene Artikel können innerhalb von 30 Tagen zurückgegeben werden.',
};
const QUERIES = [
  { query: 'how long is a gift card valid', article: 'gift-cards', lang: 'en' },
  { query: 'return within 30 days', article: 'returns', lang: 'en' },
  { query: 'Artikel zurückgeben', article: 'returns', lang: 'de' },
  { query: 'Gutschein', article: 'missing-article', lang: 'de' },
];

describe('kb:eval (runKbEval)', () => {
  let root: string;

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'kb-eval-'));
    for (const [path, text] of Object.entries(ARTICLES)) {
      mkdirSync(join(root, 'articles', path, '..'), { recursive: true });
      writeFileSync(join(root, 'articles', path), text);
    }
    writeFileSync(join(root, 'queries.jsonl'), QUERIES.map((query) => JSON.stringify(query)).join('\n'));
    writeFileSync(join(root, 'faq.json'), JSON.stringify({ questions: [{ question: 'Do you ship abroad?', answer: 'Yes, worldwide.' }, { question: 'Can I pay with PayPal?', answer: 'Yes.' }] }));
  });

  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('prints recall, MRR, per-language figures, counts and latencies', async () => {
    const output = await runKbEval(['--kb', join(root, 'articles'), '--queries', join(root, 'queries.jsonl'), '--json']);
    expect(output).toEqual({
      benchmark: 'kb-eval',
      kb: join(root, 'articles'),
      queriesFrom: join(root, 'queries.jsonl'),
      mode: 'keyword',
      recallAt1: 0.75,
      recallAt5: 0.75,
      mrr: 0.75,
      perLanguage: {
        de: { queries: 2, recallAt1: 0.5, recallAt5: 0.5, mrr: 0.5 },
        en: { queries: 2, recallAt1: 1, recallAt5: 1, mrr: 1 },
      },
      queries: 4,
      articles: 2,
      versions: 3,
      passages: 3,
      unknownArticles: 1,
      confidence: { right: expect.objectContaining({ count: 3 }), wrong: expect.objectContaining({ count: expect.any(Number) }) },
      indexSeconds: expect.any(Number),
      p50ms: expect.any(Number),
      p99ms: expect.any(Number),
    });
    expect(output.p99ms).toBeGreaterThanOrEqual(output.p50ms);
  });

  it("evaluates an FAQ file on its own questions as a smoke test, and says so", async () => {
    const output = await runKbEval(['--kb', join(root, 'faq.json')]);
    expect(output.queriesFrom).toMatch(/^self \(smoke test/);
    expect(output).toMatchObject({ queries: 2, articles: 2, recallAt1: 1 });
  });

  it('retrieves hybrid with an embedding model from the models folder', async () => {
    const models = join(root, 'models');
    const model = writeTinyBertModel(models);
    const output = await runKbEval(['--kb', join(root, 'articles'), '--queries', join(root, 'queries.jsonl'), '--embedding-model', model.modelId], {
      env: { MODELS_DIR: models },
    });
    expect(output).toMatchObject({ mode: 'hybrid', embeddingModel: model.modelId, queries: 4 });
  });

  it('with --translate searches Spanish questions in English too and reports the gain per language', async () => {
    writeFileSync(
      join(root, 'es-queries.jsonl'),
      [
        { query: '¿Cuánto tiempo es válida una tarjeta regalo?', article: 'gift-cards', lang: 'es' },
        { query: '¿Puedo devolver un artículo?', article: 'returns', lang: 'es' },
      ]
        .map((query) => JSON.stringify(query))
        .join('\n'),
    );
    const env = process.env.TEST_APERTIUM_URL ? { TRANSLATION_APERTIUM_URL: process.env.TEST_APERTIUM_URL } : {};
    const output = await runKbEval(['--kb', join(root, 'articles'), '--kb-languages', 'en', '--queries', join(root, 'es-queries.jsonl'), '--translate'], { env });
    expect(output.versions).toBe(2);
    expect(output.translation?.backend).toMatch(/apertium/);
    // Spanish words do not match English articles; translated, at least one does.
    expect(output.translation!.recallAt5Without).toBe(0);
    expect(output.recallAt5).toBeGreaterThan(0);
    expect(output.translation!.recallAt5GainPerLanguage.es).toBeCloseTo(output.recallAt5 - output.translation!.recallAt5Without, 3);
  }, 60_000);
});
