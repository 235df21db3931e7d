/**
 * Knowledge-base loaders: Markdown folders with front matter, JSON and CSV FAQ files -> `KnowledgeDocument[]`, all
 * or nothing, every problem reported with its file and line.
 */
export { KnowledgeImportError, formatIssue, type KnowledgeImportIssue } from './import-errors';
export { parseMarkdownArticle, type MarkdownArticleContext, type MarkdownArticleResult } from './markdown-article';
export { loadMarkdownFolder, type MarkdownFolderOptions } from './markdown-folder';
export { parseFaqJson, type FaqJsonOptions } from './faq-json';
export { parseFaqCsv, type FaqCsvOptions } from './faq-csv';
export { loadKnowledgeBase, UnsupportedKnowledgeSourceError, type LoadKnowledgeBaseOptions } from './load-knowledge-base';
export { languageCode } from './language-codes';
export { parseEvaluationQueries, readEvaluationQueries } from './evaluation-queries';
