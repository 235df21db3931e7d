/** The shapes retrieval works on: one language version of an article, and the passages it is cut into. */

/**
 * One language version of one knowledge-base article, as the retriever indexes it. An article with eight
 * translations is eight documents sharing one `articleId`.
 */
export interface KnowledgeDocument {
  /** Stable id of the article, the same in every language (`shipping-europe`). */
  articleId: string;
  /** ISO 639-1 code of this version (`en`, `zh`, ...). */
  language: string;
  title: string;
  /** Markdown. */
  body: string;
  /** Alternative phrasings of the question this article answers (FAQ style); searched like the title, never quoted. */
  questions: string[];
  category?: string;
  tags?: string[];
  /** Public address of the article, for citations. */
  url?: string;
}

/** A quotable piece of an article version's body: plain text, Markdown removed, tables and lists kept readable. */
export interface Passage {
  articleId: string;
  language: string;
  /** Position within the version, from 0, in reading order. */
  index: number;
  /** Heading of the section the passage comes from; absent before the first heading. */
  heading?: string;
  text: string;
}
