/**
 * Knowledge-base retrieval: language-aware analysis, passages, a BM25F keyword index and a vector index updated one
 * article at a time, and the retriever that merges them across languages.
 */
export type { KnowledgeDocument, Passage } from './types';
export type { TextEmbedder } from '../../nlu/intents';
export { splitIntoPassages, textLength, type PassageOptions } from './passages';
export { TextAnalyzer, foldText, type TextAnalyzerOptions } from './text-analysis';
export { stemmerFor, STEMMED_LANGUAGES, type Stemmer } from './stemmers';
export { stopWordsFor } from './stop-words';
export {
  KeywordIndex,
  DEFAULT_FIELD_WEIGHTS,
  type FieldWeights,
  type KeywordIndexOptions,
  type KeywordMatch,
  type KeywordPassageMatch,
  type KeywordSearchOptions,
} from './keyword-index';
export { VectorIndex, EmbeddingShapeError, type EmbeddedVersion, type VectorHit, type VectorIndexOptions, type VectorMatch } from './vector-index';
export { reciprocalRankFusion, RRF_K, type FusedItem } from './rank-fusion';
export { chooseVersion } from './version-choice';
export {
  KnowledgeRetriever,
  type KnowledgeRetrieverOptions,
  type QueryTranslator,
  type RankedVersion,
  type RetrievalRankings,
  type RetrievalResult,
  type RetrieveOptions,
  type RetrievedArticle,
  type RetrievedPassage,
} from './knowledge-retriever';
export { evaluateRetrieval, type ConfidenceSpread, type EvaluationQuery, type LanguageMetrics, type RetrievalEvaluation } from './retrieval-evaluation';
