/**
 * Loads the configuration from an optional file (YAML or JSON) and the environment, validates it against
 * {@link configSchema}, and fails with a message naming every bad key and where it came from.
 */
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { configSchema, type Config, type SettingMeta } from './schema';

/** Raised when the configuration is invalid; the message names each bad key and how to fix it. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** One leaf of the schema, as listed in the configuration reference. */
export interface SettingInfo extends SettingMeta {
  /** Dotted path, e.g. `server.port`. */
  path: string;
  /** Value used when neither the file nor the environment sets it (undefined = unset). */
  defaultValue: unknown;
  /** `string`, `number`, `boolean` or `enum(a|b)`. */
  type: string;
  schema: z.ZodType;
}

function unwrapOptional(schema: z.ZodType): z.ZodType {
  let current: z.ZodType = schema;
  while (current instanceof z.ZodDefault || current instanceof z.ZodOptional || current instanceof z.ZodPrefault) {
    current = current.def.innerType as z.ZodType;
  }
  return current;
}

function typeName(schema: z.ZodType): string {
  const inner = unwrapOptional(schema);
  if (inner instanceof z.ZodNumber) return 'number';
  if (inner instanceof z.ZodBoolean) return 'boolean';
  if (inner instanceof z.ZodEnum) return `enum(${inner.options.join('|')})`;
  return 'string';
}

/** Every leaf setting of the schema, in declaration order. */
export function listSettings(): SettingInfo[] {
  const defaults = configSchema.parse({}) as Record<string, Record<string, unknown>>;
  const settings: SettingInfo[] = [];
  for (const [section, sectionSchema] of Object.entries(configSchema.shape)) {
    const object = unwrapOptional(sectionSchema as z.ZodType) as z.ZodObject;
    for (const [key, leaf] of Object.entries(object.shape)) {
      const meta = (leaf as z.ZodType).meta() as SettingMeta | undefined;
      if (!meta?.env) throw new ConfigError(`config/schema.ts: ${section}.${key} has no env metadata`);
      settings.push({
        ...meta,
        path: `${section}.${key}`,
        defaultValue: defaults[section]?.[key],
        type: typeName(leaf as z.ZodType),
        schema: leaf as z.ZodType,
      });
    }
  }
  return settings;
}

const TRUE_WORDS = new Set(['1', 'true', 'yes', 'on']);
const FALSE_WORDS = new Set(['0', 'false', 'no', 'off']);

/** Turns an environment string into the type the setting expects; leaves it as is when it does not fit. */
function coerceEnvValue(raw: string, type: string): unknown {
  const trimmed = raw.trim();
  if (type === 'number') return trimmed === '' || Number.isNaN(Number(trimmed)) ? raw : Number(trimmed);
  if (type === 'boolean') {
    const lower = trimmed.toLowerCase();
    if (TRUE_WORDS.has(lower)) return true;
    if (FALSE_WORDS.has(lower)) return false;
    return raw;
  }
  return raw;
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const [section, key] = path.split('.') as [string, string];
  const existing = target[section];
  const sectionObject =
    existing && typeof existing === 'object' && !Array.isArray(existing) ? (existing as Record<string, unknown>) : {};
  sectionObject[key] = value;
  target[section] = sectionObject;
}

/** Where configuration comes from. Defaults to the real process environment. */
export interface ConfigSources {
  /** Environment variables (only the keys listed in the schema, plus `CONFIG_FILE`, are read). */
  env?: Record<string, string | undefined>;
  /** Path of a YAML or JSON file; overrides `env.CONFIG_FILE`. */
  file?: string;
  /** Values that override everything (used by tests and the benchmark). */
  overrides?: Record<string, Record<string, unknown>>;
}

/**
 * Builds the validated configuration: file < environment < overrides.
 *
 * @throws ConfigError naming every invalid key, e.g. `server.port (env PORT): Too big: expected number to be <=65535`.
 * @example
 * const config = loadConfig(); // reads process.env and $CONFIG_FILE
 */
export function loadConfig(sources: ConfigSources = {}): Config {
  const env = sources.env ?? process.env;
  const filePath = sources.file ?? env.CONFIG_FILE;
  let raw: Record<string, unknown> = {};
  if (filePath) {
    let text: string;
    try {
      text = readFileSync(filePath, 'utf8');
    } catch (error) {
      throw new ConfigError(`Cannot read the configuration file ${filePath}: ${(error as Error).message}`);
    }
    let parsed: unknown;
    try {
      parsed = parseYaml(text);
    } catch (error) {
      throw new ConfigError(`The configuration file ${filePath} is not valid YAML/JSON: ${(error as Error).message}`);
    }
    if (parsed !== null && (typeof parsed !== 'object' || Array.isArray(parsed))) {
      throw new ConfigError(`The configuration file ${filePath} must hold an object of sections (server:, redis:, ...)`);
    }
    raw = (parsed ?? {}) as Record<string, unknown>;
  }

  const envKeyByPath = new Map<string, string>();
  for (const info of listSettings()) {
    envKeyByPath.set(info.path, info.env);
    const value = env[info.env];
    if (value !== undefined && value !== '') setPath(raw, info.path, coerceEnvValue(value, info.type));
  }
  for (const [section, values] of Object.entries(sources.overrides ?? {})) {
    for (const [key, value] of Object.entries(values)) setPath(raw, `${section}.${key}`, value);
  }

  const result = configSchema.safeParse(raw);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => {
      const path = issue.path.join('.');
      const envKey = envKeyByPath.get(path);
      const where = envKey ? ` (env ${envKey})` : '';
      const unknown = issue.code === 'unrecognized_keys' ? `: unknown key(s) ${issue.keys.join(', ')}` : `: ${issue.message}`;
      return `  - ${path || '(root)'}${where}${unknown}`;
    });
    throw new ConfigError(
      `Invalid configuration; fix these keys in the environment or ${filePath ?? 'the config file'}:\n${lines.join('\n')}`,
    );
  }
  return result.data;
}

/** A copy of the configuration safe to log: secret values are replaced with `[secret]`. */
export function redactConfig(config: Config): Record<string, Record<string, unknown>> {
  const copy = JSON.parse(JSON.stringify(config)) as Record<string, Record<string, unknown>>;
  for (const info of listSettings()) {
    const [section, key] = info.path.split('.') as [string, string];
    const sectionValues = copy[section];
    if (info.secret && sectionValues && sectionValues[key] !== undefined) sectionValues[key] = '[secret]';
  }
  return copy;
}
