/**
 * The recommender's HTTP API and the composition of its catalogue and event services for a process (see
 * {@link createRecommenderServices} and {@link createRecommenderRoutes}).
 */
export { createRecommenderServices, type RecommenderServices, type RecommenderServicesDeps } from './recommender-services';
export { createRecommenderRoutes, describeRecommenderRoutes, type RecommenderRoutes, type RecommenderRoutesDeps } from './recommender-routes';
export { EVENTS_PATH, EVENTS_ROLES } from './events-routes';
