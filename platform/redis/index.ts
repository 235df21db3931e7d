/** Redis connections and the start-up reachability check. */
export { createRedisFactory, type RedisFactory } from './connection';
export { ensureRedisReachable, RedisUnavailableError } from './ensure-redis';
