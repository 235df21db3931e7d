/**
 * The recommender as a platform module ({@link RecommenderModule}): services, the trainable component, live models,
 * serving, the training routes and jobs.
 */
export { RecommenderModule, RECOMMENDER_TRAIN_SCHEDULER, type RecommenderModuleDeps, type RecommenderHttp } from './recommender-module';
export { RecommenderComponent, RECOMMENDER_COMPONENT, RecommenderScopeError, type RecommenderComponentDeps, type RecommenderTrainingData, type RecommenderVersionMetrics } from './recommender-component';
export { trainRecommenderProcessor, type TrainRecommenderJobDeps, type TrainRecommenderResult } from './train-recommender.job';
export { recommenderTrainingRoutes, describeRecommenderTrainingRoutes, type RecommenderTrainingRoutesDeps } from './training-routes';
