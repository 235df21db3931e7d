/**
 * `npm run bench:kb -- [--articles 10000] [--queries 3000] [--seed 7] [--json]` (runs node with --expose-gc)
 *
 * Keyword retrieval at scale: generates a knowledge base of synthetic articles, indexes it, runs single questions one
 * at a time and prints one JSON line: build seconds, p50/p99 `retrieve` latency, p50 latency of re-indexing one
 * article (what publishing does), and the process's memory.
 *
 * The text: per language (en, es, de, fr, pt, it, zh, ja; articles take them in turn), a first-order Markov chain
 * learnt from the demo help centre's passages (`knowledge/demo/articles`) writes the sentences, over words for spaced
 * languages and over characters for Chinese and Japanese. So word frequencies, function words, sentence lengths and
 * Markdown structure (sections, lists) look like a real help centre. One content word in eight is replaced by a word
 * from a per-language Zipf-distributed lexicon of 20,000 invented words (product, place and brand names), so that the
 * vocabulary keeps growing with the collection as real vocabularies do (Heaps' law) instead of every word occurring in
 * thousands of articles. Each article: a title, 3-5 FAQ questions, 3-6 sections of 1-3 paragraphs or a list.
 *
 * Questions: 40% an article's FAQ question with a word dropped and a word added, 40% a 4-10 word stretch of an
 * article's body, 20% a fresh sentence that answers nothing in particular; in the article's language.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadKnowledgeBase } from '../knowledge/import';
import { KnowledgeRetriever, splitIntoPassages, type KnowledgeDocument } from '../knowledge/retrieval';
import { quantile } from '../nlu/intents';
import { projectRoot } from '../platform/paths';

const LANGUAGES = ['en', 'es', 'de', 'fr', 'pt', 'it', 'zh', 'ja'] as const;
const CHARACTER_LANGUAGES = new Set(['zh', 'ja']);
const LEXICON_SIZE = 20_000;
const RARE_WORD_SHARE = 1 / 8;

/** mulberry32: a small seeded PRNG, so every run generates the same knowledge base. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A first-order Markov chain over tokens, with sentence boundaries. */
class MarkovText {
  private readonly next = new Map<string, string[]>();
  private readonly starts: string[] = [];
  private readonly lexicon: string[];

  constructor(
    texts: readonly string[],
    private readonly byCharacter: boolean,
    private readonly random: () => number,
  ) {
    for (const text of texts) {
      for (const sentence of text.split(/(?<=[.!?。！？])\s*|\n+/u)) {
        const tokens = this.tokens(sentence);
        if (tokens.length < 2) continue;
        this.starts.push(tokens[0]!);
        for (let i = 0; i + 1 < tokens.length; i++) {
          const list = this.next.get(tokens[i]!) ?? [];
          list.push(tokens[i + 1]!);
          this.next.set(tokens[i]!, list);
        }
      }
    }
    this.lexicon = this.inventLexicon(texts.join(' '));
  }

  private tokens(sentence: string): string[] {
    return this.byCharacter ? Array.from(sentence.replace(/\s+/g, '')) : sentence.split(/\s+/).filter(Boolean);
  }

  /** Invented words: syllables (spaced languages) or characters (CJK) of the corpus recombined. */
  private inventLexicon(corpus: string): string[] {
    const pieces = this.byCharacter
      ? [...new Set(Array.from(corpus).filter((c) => /[\p{Script=Han}\p{Script=Katakana}]/u.test(c)))]
      : [...new Set(corpus.toLowerCase().match(/\p{L}{2,3}/gu) ?? [])];
    const words: string[] = [];
    for (let i = 0; i < LEXICON_SIZE; i++) {
      const parts = 2 + Math.floor(this.random() * 2);
      let word = '';
      for (let p = 0; p < parts; p++) word += pieces[Math.floor(this.random() * pieces.length)]!;
      words.push(word);
    }
    return words;
  }

  /** A lexicon word by Zipf's law (rank r with probability ∝ 1/r), by inverting the harmonic CDF approximately. */
  private rareWord(): string {
    const rank = Math.floor(Math.exp(this.random() * Math.log(LEXICON_SIZE)));
    return this.lexicon[Math.min(rank, LEXICON_SIZE - 1)]!;
  }

  sentence(maxTokens: number): string {
    let token = this.starts[Math.floor(this.random() * this.starts.length)]!;
    const out = [token];
    while (out.length < maxTokens) {
      const options = this.next.get(token);
      if (!options) break;
      token = options[Math.floor(this.random() * options.length)]!;
      // Content words (4+ letters; in CJK, Han characters at half the rate, as a word is about two of them).
      const content = this.byCharacter ? /^\p{Script=Han}$/u.test(token) && this.random() < 0.5 : /^\p{L}{4,}$/u.test(token);
      out.push(content && this.random() < RARE_WORD_SHARE ? this.rareWord() : token);
      if (/[.!?。！？]$/u.test(token)) break;
    }
    return out.join(this.byCharacter ? '' : ' ');
  }

  /** Roughly `words` words of sentences. */
  paragraph(words: number): string {
    const sentences: string[] = [];
    let length = 0;
    const scale = this.byCharacter ? 2 : 1;
    while (length < words * scale) {
      const sentence = this.sentence(40 * scale);
      sentences.push(sentence);
      length += this.byCharacter ? sentence.length : sentence.split(' ').length;
    }
    return sentences.join(this.byCharacter ? '' : ' ');
  }
}

function between(random: () => number, low: number, high: number): number {
  return low + Math.floor(random() * (high - low + 1));
}

function generateArticle(id: number, language: string, text: MarkovText, random: () => number): KnowledgeDocument {
  const sections: string[] = [text.paragraph(between(random, 30, 70))];
  for (let s = between(random, 3, 6); s > 0; s--) {
    const body =
      random() < 0.25
        ? Array.from({ length: between(random, 3, 6) }, () => `- ${text.sentence(16)}`).join('\n')
        : Array.from({ length: between(random, 1, 3) }, () => text.paragraph(between(random, 30, 90))).join('\n\n');
    sections.push(`## ${text.sentence(6)}\n\n${body}`);
  }
  return {
    articleId: `article-${String(id).padStart(5, '0')}`,
    language,
    title: text.sentence(between(random, 4, 9)),
    questions: Array.from({ length: between(random, 3, 5) }, () => text.sentence(between(random, 6, 12))),
    body: sections.join('\n\n'),
  };
}

function generateQuery(document: KnowledgeDocument, text: MarkovText, random: () => number): string {
  const kind = random();
  const spaced = !CHARACTER_LANGUAGES.has(document.language);
  const split = (value: string) => (spaced ? value.split(/\s+/) : Array.from(value));
  const join = (parts: string[]) => parts.join(spaced ? ' ' : '');
  if (kind < 0.4) {
    const words = split(document.questions[Math.floor(random() * document.questions.length)]!);
    words.splice(Math.floor(random() * words.length), 1);
    words.splice(Math.floor(random() * words.length), 0, ...split(text.sentence(2)));
    return join(words);
  }
  if (kind < 0.8) {
    const words = split(document.body.replace(/[#-]/g, ' ').trim());
    const length = spaced ? between(random, 4, 10) : between(random, 8, 20);
    const start = Math.floor(random() * Math.max(1, words.length - length));
    return join(words.slice(start, start + length));
  }
  return text.sentence(spaced ? 12 : 24);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      articles: { type: 'string', default: '10000' },
      queries: { type: 'string', default: '3000' },
      seed: { type: 'string', default: '7' },
      json: { type: 'boolean', default: false },
    },
  });
  const articleCount = Number(values.articles);
  const queryCount = Number(values.queries);
  if (!(articleCount > 0 && queryCount > 0)) throw new Error('--articles and --queries must be positive numbers');
  const random = seededRandom(Number(values.seed));

  const demo = await loadKnowledgeBase(join(projectRoot, 'knowledge', 'demo', 'articles'));
  const chains = new Map<string, MarkovText>(
    LANGUAGES.map((language) => {
      const texts = demo.filter((document) => document.language === language).flatMap((document) => splitIntoPassages(document).map((passage) => passage.text));
      if (!texts.length) throw new Error(`knowledge/demo/articles has no ${language} articles to learn text from`);
      return [language, new MarkovText(texts, CHARACTER_LANGUAGES.has(language), random)] as const;
    }),
  );
  const documents = Array.from({ length: articleCount }, (_, i) => {
    const language = LANGUAGES[i % LANGUAGES.length]!;
    return generateArticle(i, language, chains.get(language)!, random);
  });

  // With --expose-gc (as `npm run bench:kb` runs it), the heap the index adds is measured after full collections.
  const collect = (globalThis as { gc?: () => void }).gc;
  collect?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const retriever = new KnowledgeRetriever();
  const started = performance.now();
  await retriever.index(documents);
  const buildSeconds = (performance.now() - started) / 1000;
  collect?.();
  const indexHeapMB = collect ? Math.round((process.memoryUsage().heapUsed - heapBefore) / 2 ** 20) : undefined;

  const queries = Array.from({ length: queryCount }, () => {
    const document = documents[Math.floor(random() * documents.length)]!;
    return { text: generateQuery(document, chains.get(document.language)!, random), language: document.language };
  });
  for (const query of queries.slice(0, 200)) await retriever.retrieve(query.text, { language: query.language });
  const latencies: number[] = [];
  for (const query of queries) {
    const t0 = performance.now();
    await retriever.retrieve(query.text, { language: query.language });
    latencies.push(performance.now() - t0);
  }

  const updates: number[] = [];
  for (let i = 0; i < 200; i++) {
    const document = documents[Math.floor(random() * documents.length)]!;
    const t0 = performance.now();
    await retriever.upsertArticle(document.articleId, [{ ...document, title: `${document.title} (2)` }]);
    updates.push(performance.now() - t0);
  }

  const memory = process.memoryUsage();
  const round = (value: number) => Math.round(value * 1000) / 1000;
  const output = {
    benchmark: 'kb-latency',
    mode: retriever.mode,
    articles: articleCount,
    languages: LANGUAGES.length,
    passages: documents.reduce((sum, document) => sum + splitIntoPassages(document).length, 0),
    queries: queryCount,
    buildSeconds: round(buildSeconds),
    p50ms: round(quantile(latencies, 0.5)),
    p99ms: round(quantile(latencies, 0.99)),
    maxMs: round(Math.max(...latencies)),
    updateP50ms: round(quantile(updates, 0.5)),
    rssMB: Math.round(memory.rss / 2 ** 20),
    heapUsedMB: Math.round(memory.heapUsed / 2 ** 20),
    ...(indexHeapMB !== undefined ? { indexHeapMB } : {}),
  };
  process.stdout.write(values.json ? `${JSON.stringify(output)}\n` : `${JSON.stringify(output, null, 2)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:kb failed: ${(error as Error).message}\n`);
  process.exit(1);
});
