/**
 * Reads the answer of `POST /api/knowledge/try` defensively. The route is typed `unknown` on the server while its
 * shape is being finalised, so this accepts the likely spellings (a `Reply` under `reply` or `answer`, the
 * retriever's `RetrievalResult` under `retrieval` or at the top level) and ignores what it does not know; the view
 * also shows the raw JSON, so nothing the server sends is hidden.
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
  /** The bot's reply text. */
  answer?: string;
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

/** Reads whatever the try route answered. */
export function readTryResult(response: unknown): TryOutcome {
  const root: Json = isObject(response) ? response : {};
  const retrieval: Json = isObject(root.retrieval) ? root.retrieval : isObject(root.result) ? root.result : root;
  const replyValue = first(root.reply, root.answer, root.replies, root.text === undefined ? undefined : root.text);
  const reply = isObject(replyValue) ? replyValue : undefined;
  const articles = (Array.isArray(retrieval.articles) ? retrieval.articles : Array.isArray(root.articles) ? root.articles : [])
    .map(articleOf)
    .filter((a): a is TryArticle => a !== undefined);

  const usedValue = first(root.used, root.usedVersion, root.version, root.source, root.citation);
  let used: TryOutcome['used'];
  if (isObject(usedValue) && slugOf(usedValue) !== undefined) used = { slug: slugOf(usedValue)!, language: str(usedValue.language) };
  else if (str(root.article) !== undefined) used = { slug: str(root.article)!, language: first(str(root.articleLanguage), str(root.versionLanguage)) };
  else if (articles[0] && replyText(replyValue) !== undefined) used = { slug: articles[0].slug, language: articles[0].language };

  const notes: string[] = [];
  const translationError = str(retrieval.translationError);
  if (translationError) notes.push(`Translation of the question failed: ${translationError}`);
  const notice = reply && isObject(reply.notice) ? str(reply.notice.text) : undefined;
  if (notice) notes.push(notice);
  const intent = isObject(root.intent) ? str(root.intent.name) : str(root.intent);
  if (intent) notes.push(`Intent: ${intent}`);
  const reason = first(str(root.reason), str(root.outcome));
  if (reason) notes.push(reason);

  return {
    answer: replyText(replyValue),
    answerLanguage: first(reply ? str(reply.language) : undefined, str(root.answerLanguage)),
    questionLanguage: first(str(root.language), str(root.detectedLanguage), str(retrieval.language)),
    used,
    confidence: first(num(root.confidence), num(retrieval.confidence)),
    mode: str(retrieval.mode),
    translatedQuery: str(retrieval.translatedQuery),
    articles,
    rankings: rankingsOf(retrieval.rankings),
    notes,
  };
}
