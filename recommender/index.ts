/**
 * The recommender: interaction data, the models behind one train -> artefact -> load -> recommend face, the
 * training run that tunes on the validation split, and the leave-one-out evaluation.
 */
export * from './data/interaction-data';
export * from './data/sequence-file';
export { splitLastItem, type LeaveOneOutSplit } from './data/leave-one-out';
export * from './models/recommender-model';
export { RecommenderArtefactError, artefactKind } from './models/artefact-codec';
export { PopularityModel, PopularityTrainer, POPULARITY_KIND, type PopularityParams } from './models/popularity';
export { CooccurrenceTrainer, COOCCURRENCE_KIND, type CooccurrenceParams } from './models/cooccurrence-knn';
export { SequentialTrainer, SEQUENTIAL_KIND, type SequentialParams } from './models/sequential-knn';
export { NeighbourRecommender, type RecencyParams } from './models/neighbour-recommender';
export { AlsModel, AlsTrainer, ALS_KIND, type AlsParams, type AlsKernelTimes } from './models/implicit-als';
export { ContentTrainer, CONTENT_KIND, textTokens, type ContentParams } from './models/content-tfidf';
export { BlendModel, BlendTrainer, BLEND_KIND, type BlendComponent, type BlendParams } from './models/blend';
export { recommenderTrainers, recommenderTrainer, loadRecommender, UnknownRecommenderError } from './models/registry';
export { topK, rankOf } from './models/top-k';
export { RankingAccumulator, roundMetrics, type RankingMetrics } from './evaluation/ranking-metrics';
export { evaluateModel, type EvaluationOptions } from './evaluation/evaluate-model';
export { runSequenceBenchmark, evaluateAll, type SequenceBenchmarkOptions, type SequenceBenchmarkResult, type ModelFigures } from './evaluation/sequence-benchmark';
export { trainRecommender, type TrainRecommenderOptions, type TrainedRecommender, type ComponentReport } from './training/train-recommender';
export { searchHyperparameters, tuningObjective, type SearchOptions, type SearchResult } from './training/hyperparameter-search';
export { buildBlendCache, evaluateBlendCache, tuneBlendWeights, type BlendCache } from './training/blend-tuning';
export * from './catalogue';
export * from './events';
export * from './api';
