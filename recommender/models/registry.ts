/** The recommender algorithms by registry name, and loading any artefact by the kind written in it. */
import { artefactKind } from './artefact-codec';
import { BlendTrainer, BLEND_KIND } from './blend';
import { ContentTrainer } from './content-tfidf';
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

/** A fresh trainer for every algorithm, the blend (`blend`) last. */
export function recommenderTrainers(): Map<string, RecommenderTrainer> {
  const components = [erase(new PopularityTrainer()), erase(new CooccurrenceTrainer()), erase(new SequentialTrainer()), erase(new AlsTrainer()), erase(new ContentTrainer())];
  const trainers = new Map<string, RecommenderTrainer>(components.map((t) => [t.kind, t]));
  trainers.set(BLEND_KIND, erase(new BlendTrainer(new Map(trainers))));
  return trainers;
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
