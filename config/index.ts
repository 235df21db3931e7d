/** Typed configuration: the schema, loading from file and environment, and the settings list for docs. */
export { configSchema, type Config, type SettingMeta } from './schema';
export { loadConfig, listSettings, redactConfig, ConfigError, type ConfigSources, type SettingInfo } from './load';
