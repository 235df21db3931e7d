/**
 * Reads the answer of `POST /api/knowledge/try` defensively. Today the server sends `TryResult`
 * (knowledge/knowledge-module.ts): `{language, answer: {outcome, confidence, article?: {slug, title, language,
 * passage, url, machineTranslatedFrom?}}, threshold, indexVersion, retrieval, translatedRetrieval?}`. The route is
 * typed `unknown` in the OpenAPI document, so this also accepts other likely spellings (a `Reply` with `text`, the
 * retrieval at the top level) and ignores what it does not know; the view also shows the raw JSON, so nothing the
 * server sends is hidden.
 *
 * Pure module, unit-tested under Node.
 */

/** A passage the retriever would quote. */
export interface TryPassage {
  heading?: string;
  text: string;
  score?: number;
}

/** An article the retriever found. */
export interface TryArticle {
  slug: string;
  /** The language version chosen for the answer. */
  language?: string;
  title?: string;
  score?: number;
  confidence?: number;
  similarity?: number;
  passages: TryPassage[];
}

/** One per-method ranking (keyword, vector, ...). */
export interface TryRanking {
  name: string;
  entries: Array<{ slug: string; language?: string; score?: number }>;
}

/** What the panel shows. */
export interface TryOutcome {
  /** `answer` (confident enough to quote) or `unsure` (offers a person), when the server says. */
  outcome?: string;
  /** The bot's reply text (the quoted passage). */
  answer?: string;
  /** Title and address of the article the answer quotes. */
  answerTitle?: string;
  answerUrl?: string;
  /** The quoted passage was machine-translated from this language. */
  machineTranslatedFrom?: string;
  /** Confidence needed to answer. */
  threshold?: number;
  /** Version of the index that answered (a publish is answered once the index has caught up). */
  indexVersion?: number;
  /** Language of the reply. */
  answerLanguage?: string;
  /** Language of the question (given or detected). */
  questionLanguage?: string;
  /** The article and language version the answer came from. */
  used?: { slug: string; language?: string };
  confidence?: number;
  mode?: string;
  translatedQuery?: string;
  articles: TryArticle[];
  rankings: TryRanking[];
  /** The search of the translated question, when the shopper's language could not answer. */
  translated?: { query?: string; articles: TryArticle[] };
  /** Other short facts worth seeing (translation errors, a handoff notice, the intent). */
  notes: string[];
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const str = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);
const num = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);
const first = <T>(...values: Array<T | undefined>): T | undefined => values.find((value) => value !== undefined);

/** Text of a reply given as a string, `{text}`, `{body}` or a list of those. */
function replyText(value: unknown): string | undefined {
  if (typeof value === 'string') return value || undefined;
  if (Array.isArray(value)) {
    const texts = value.map(replyText).filter((text): text is string => text !== undefined);
    return texts.length ? texts.join('\n\n') : undefined;
  }
  if (isObject(value)) return first(str(value.text), str(value.body), str(value.markdown));
  return undefined;
}

function slugOf(value: Json): string | undefined {
  return first(str(value.articleId), str(value.slug), str(value.article), str(value.id));
}

function passageOf(value: unknown): TryPassage | undefined {
  if (typeof value === 'string') return { text: value };
  if (!isObject(value)) return undefined;
  const text = first(str(value.text), str(value.content));
  if (text === undefined) return undefined;
  return { heading: str(value.heading), text, score: num(value.score) };
}

function articleOf(value: unknown): TryArticle | undefined {
  if (!isObject(value)) return undefined;
  const slug = slugOf(value);
  if (slug === undefined) return undefined;
  const passages = Array.isArray(value.passages) ? value.passages.map(passageOf).filter((p): p is TryPassage => p !== undefined) : [];
  return {
    slug,
    language: str(value.language),
    title: str(value.title),
    score: num(value.score),
    confidence: num(value.confidence),
    similarity: num(value.similarity),
    passages,
  };
}

function rankingsOf(value: unknown): TryRanking[] {
  if (!isObject(value)) return [];
  const rankings: TryRanking[] = [];
  for (const [name, list] of Object.entries(value)) {
    if (!Array.isArray(list)) continue;
    const entries = list.flatMap((entry) => {
      if (!isObject(entry)) return [];
      const slug = slugOf(entry);
      return slug === undefined ? [] : [{ slug, language: str(entry.language), score: num(entry.score) }];
    });
    if (entries.length) rankings.push({ name, entries });
  }
  return rankings;
}

function articlesOf(retrieval: Json): TryArticle[] {
  return (Array.isArray(retrieval.articles) ? retrieval.articles : []).map(articleOf).filter((a): a is TryArticle => a !== undefined);
}

/** Reads whatever the try route answered. */
export function readTryResult(response: unknown): TryOutcome {
  const root: Json = isObject(response) ? response : {};
  const retrieval: Json = isObject(root.retrieval) ? root.retrieval : isObject(root.result) ? root.result : root;
  const answerValue = first(root.answer, root.reply, root.replies, root.text);
  const answer = isObject(answerValue) ? answerValue : undefined;
  // The KnowledgeAnswer shape: the quoted article with its passage.
  const quoted = answer && isObject(answer.article) ? answer.article : undefined;
  const articles = articlesOf(retrieval);
  const outcome = answer ? str(answer.outcome) : undefined;

  let used: TryOutcome['used'];
  const usedValue = first(quoted, root.used, root.usedVersion, root.version, root.citation);
  if (isObject(usedValue) && slugOf(usedValue) !== undefined) used = { slug: slugOf(usedValue)!, language: str(usedValue.language) };
  else if (outcome === undefined && articles[0] && replyText(answerValue) !== undefined) used = { slug: articles[0].slug, language: articles[0].language };

  const notes: string[] = [];
  const translationError = str(retrieval.translationError);
  if (translationError) notes.push(`Translation of the question failed: ${translationError}`);
  const notice = answer && isObject(answer.notice) ? str(answer.notice.text) : undefined;
  if (notice) notes.push(notice);
  const intent = isObject(root.intent) ? str(root.intent.name) : str(root.intent);
  if (intent) notes.push(`Intent: ${intent}`);

  const translatedValue = isObject(root.translatedRetrieval) ? root.translatedRetrieval : undefined;
  return {
    outcome,
    answer: quoted ? first(str(quoted.passage), str(quoted.text)) : replyText(answerValue),
    answerTitle: quoted ? str(quoted.title) : undefined,
    answerUrl: quoted ? str(quoted.url) : undefined,
    machineTranslatedFrom: quoted ? str(quoted.machineTranslatedFrom) : undefined,
    answerLanguage: first(quoted ? str(quoted.language) : undefined, answer ? str(answer.language) : undefined),
    questionLanguage: first(str(root.language), str(root.detectedLanguage), str(retrieval.language)),
    used,
    confidence: first(answer ? num(answer.confidence) : undefined, num(root.confidence), num(retrieval.confidence)),
    threshold: num(root.threshold),
    indexVersion: num(root.indexVersion),
    mode: str(retrieval.mode),
    translatedQuery: first(str(retrieval.translatedQuery), translatedValue ? str(translatedValue.query) : undefined),
    articles,
    rankings: rankingsOf(retrieval.rankings),
    ...(translatedValue ? { translated: { query: str(translatedValue.query), articles: articlesOf(translatedValue) } } : {}),
    notes,
  };
}
