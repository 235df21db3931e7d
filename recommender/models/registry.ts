/** The recommender algorithms by registry name, and loading any artefact by the kind written in it. */
import { artefactKind } from './artefact-codec';
import { BlendTrainer, BLEND_KIND, type BlendParams } from './blend';
import { ContentEmbeddingTrainer, CONTENT_EMBEDDING_KIND } from './content-embedding';
import { ContentTrainer, CONTENT_KIND } from './content-tfidf';
import { CooccurrenceTrainer } from './cooccurrence-knn';
import { AlsTrainer } from './implicit-als';
import { PopularityTrainer } from './popularity';
import type { RecommenderModel, RecommenderTrainer } from './recommender-model';
import { SequentialTrainer } from './sequential-knn';

/** The error for an unknown recommender kind. */
export class UnknownRecommenderError extends Error {
  override readonly name = 'UnknownRecommenderError';
}

/**
 * A trainer whose parameter type is forgotten, so trainers of every kind fit one map. Parameters then travel as
 * data (configuration, artefact headers) and each trainer reads its own.
 */
function erase<P>(trainer: RecommenderTrainer<P>): RecommenderTrainer {
  return trainer as unknown as RecommenderTrainer;
}

/**
 * Components the blend knows (it trains and loads them when its parameters name them) but leaves out of its
 * defaults: their data must be prepared by the caller (`content-embedding` reads item vectors that only a caller
 * with an embedding model can compute; see {@link contentEmbeddingBlend}).
 */
const OPT_IN_COMPONENTS: ReadonlySet<string> = new Set([CONTENT_EMBEDDING_KIND]);

/** The blend whose default components are the ones that need nothing but the interaction data and catalogue texts. */
class DefaultBlendTrainer extends BlendTrainer {
  override get defaults(): BlendParams {
    return { components: super.defaults.components.filter((c) => !OPT_IN_COMPONENTS.has(c.kind)) };
  }
}

/** A fresh trainer for every algorithm, the blend (`blend`) last. */
export function recommenderTrainers(): Map<string, RecommenderTrainer> {
  const components = [
    erase(new PopularityTrainer()),
    erase(new CooccurrenceTrainer()),
    erase(new SequentialTrainer()),
    erase(new AlsTrainer()),
    erase(new ContentTrainer()),
    erase(new ContentEmbeddingTrainer()),
  ];
  const trainers = new Map<string, RecommenderTrainer>(components.map((t) => [t.kind, t]));
  trainers.set(BLEND_KIND, erase(new DefaultBlendTrainer(new Map(trainers))));
  return trainers;
}

/**
 * The blend's default parameters with the embedding content model in place of TF-IDF (same weight to start the
 * tuning from): for data whose catalogue items carry vectors.
 */
export function contentEmbeddingBlend(): BlendParams {
  const blend = recommenderTrainers().get(BLEND_KIND)!.defaults as BlendParams;
  const embedding = new ContentEmbeddingTrainer();
  return {
    components: blend.components.map((c) => (c.kind === CONTENT_KIND ? { kind: CONTENT_EMBEDDING_KIND, params: embedding.defaults, weight: c.weight } : c)),
  };
}

/**
 * The trainer of `kind`.
 * @throws UnknownRecommenderError listing the known kinds.
 */
export function recommenderTrainer(kind: string): RecommenderTrainer {
  const trainers = recommenderTrainers();
  const trainer = trainers.get(kind);
  if (!trainer) throw new UnknownRecommenderError(`Unknown recommender ${kind}; known: ${[...trainers.keys()].join(', ')}`);
  return trainer;
}

/** Loads an artefact of any kind. @throws RecommenderArtefactError when it is not one. */
export function loadRecommender(artefact: Uint8Array): RecommenderModel {
  return recommenderTrainer(artefactKind(artefact)).load(artefact);
}
