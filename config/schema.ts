/**
 * The platform's one configuration schema. Every key has a default that runs on one machine with no cloud account,
 * an environment variable, and a description that the README's configuration reference is generated from
 * (`npm run docs:config`). Nothing outside `config/` reads `process.env`.
 */
import { z } from 'zod';

/** Metadata attached to every leaf setting. */
export interface SettingMeta {
  /** Environment variable that sets this key. */
  env: string;
  /** One or two sentences for the configuration reference. */
  description: string;
  /** Hide the value in logs and dumps (tokens, passwords). */
  secret?: boolean;
}

function setting<T extends z.ZodType>(schema: T, meta: SettingMeta): T {
  return schema.meta({ ...meta }) as T;
}

const logLevel = z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']);

/** One `SLACK_ROUTES` rule: the conditions it needs (all must hold) and the channel it sends handoffs to. */
export const slackRouteRuleSchema = z
  .strictObject({
    workspace: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'must be a workspace slug').optional(),
    language: z.string().regex(/^[a-z]{2,3}$/, 'must be an ISO 639-1 code such as de').optional(),
    intent: z.string().min(1).optional(),
    channel: z.string().min(1, 'must name a Slack channel id'),
  })
  .refine((rule) => rule.workspace !== undefined || rule.language !== undefined || rule.intent !== undefined, {
    message: 'a rule needs workspace, language or intent; the fallback channel is SLACK_AGENTS_CHANNEL',
  });

/** A validated `SLACK_ROUTES` rule. */
export type SlackRouteRule = z.infer<typeof slackRouteRuleSchema>;

// The environment can only carry a string, so SLACK_ROUTES arrives as JSON text; a config file gives the list itself.
const slackRoutesSetting = z.preprocess((value, context) => {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    context.addIssue({ code: 'custom', message: 'must be a JSON list such as [{"language":"de","channel":"C0123"}]' });
    return z.NEVER;
  }
}, z.array(slackRouteRuleSchema));

/** The configuration schema (zod). Parse input with {@link loadConfig} rather than directly. */
export const configSchema = z.strictObject({
  server: z
    .strictObject({
      host: setting(z.string().min(1).default('127.0.0.1'), {
        env: 'HOST',
        description: 'Interface the HTTP server listens on. Use `0.0.0.0` in containers or behind a load balancer.',
      }),
      port: setting(z.number().int().min(0).max(65535).default(3000), {
        env: 'PORT',
        description: 'TCP port of the HTTP server (web widget, socket, admin API, webhooks). `0` picks a free port.',
      }),
      trustProxy: setting(z.boolean().default(false), {
        env: 'TRUST_PROXY',
        description: 'Trust `X-Forwarded-*` headers (set when running behind a reverse proxy).',
      }),
      jsonBodyLimit: setting(z.string().regex(/^\d+(b|kb|mb)$/i).default('256kb'), {
        env: 'HTTP_JSON_BODY_LIMIT',
        description: 'Largest JSON request body accepted by the REST API, e.g. `256kb`.',
      }),
      publicUrl: setting(z.union([z.literal(''), z.url({ protocol: /^https?$/ })]).default(''), {
        env: 'PUBLIC_URL',
        description:
          'Base URL shoppers reach the server at (links to help-centre articles in answers), e.g. `https://help.example.com`. Empty: `http://HOST:PORT`.',
      }),
    })
    .prefault({}),
  database: z
    .strictObject({
      url: setting(z.string().min(1).default('sqlite:./data/polyglot-desk.sqlite'), {
        env: 'DATABASE_URL',
        description:
          '`sqlite:<path>` for the embedded SQLite file (created with its folder), or `postgres://user:pass@host:5432/db` for PostgreSQL.',
        secret: true,
      }),
      poolSize: setting(z.number().int().min(1).max(200).default(10), {
        env: 'DATABASE_POOL_SIZE',
        description: 'PostgreSQL connection pool size per process (SQLite uses one connection).',
      }),
    })
    .prefault({}),
  redis: z
    .strictObject({
      url: setting(z.string().regex(/^rediss?:\/\//, 'must start with redis:// or rediss://').default('redis://127.0.0.1:6379'), {
        env: 'REDIS_URL',
        description: 'Redis for queues, locks and socket fan-out. All servers and workers of one deployment share it.',
        secret: true,
      }),
      keyPrefix: setting(z.string().regex(/^[A-Za-z0-9_.-]+$/).default('pgdesk'), {
        env: 'REDIS_PREFIX',
        description: 'Prefix of every Redis key and channel, so several deployments (or test runs) can share one Redis.',
      }),
      startLocal: setting(z.boolean().default(true), {
        env: 'REDIS_START_LOCAL',
        description:
          'When Redis is unreachable at start-up and `redis-server` is installed, start a private one (only for a local `redis://127.0.0.1` URL).',
      }),
    })
    .prefault({}),
  workspace: z
    .strictObject({
      defaultSlug: setting(z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/).default('demo'), {
        env: 'DEFAULT_WORKSPACE_SLUG',
        description: 'Slug of the workspace (store) created at first start; the demo page uses `demo`.',
      }),
      defaultName: setting(z.string().min(1).max(120).default('Demo Store'), {
        env: 'DEFAULT_WORKSPACE_NAME',
        description: 'Display name of that workspace, used in greetings.',
      }),
      defaultLanguage: setting(z.string().regex(/^[a-z]{2,3}$/).default('en'), {
        env: 'DEFAULT_LANGUAGE',
        description: 'Language used when nothing better is known about the shopper (ISO 639-1).',
      }),
    })
    .prefault({}),
  auth: z
    .strictObject({
      adminToken: setting(z.string().min(24).optional(), {
        env: 'ADMIN_TOKEN',
        description:
          'First admin API token. When unset, one is generated at first start and printed once. At least 24 characters.',
        secret: true,
      }),
    })
    .prefault({}),
  chat: z
    .strictObject({
      maxMessageLength: setting(z.number().int().min(1).max(100_000).default(4000), {
        env: 'CHAT_MAX_MESSAGE_LENGTH',
        description: 'Longest shopper message accepted, in characters. Longer ones are refused with `message_too_long`.',
      }),
      historyLimit: setting(z.number().int().min(1).max(500).default(50), {
        env: 'CHAT_HISTORY_LIMIT',
        description: 'Messages sent to the widget when it (re)connects; older ones load on demand.',
      }),
      messagesPerMinute: setting(z.number().int().min(1).default(30), {
        env: 'CHAT_MESSAGES_PER_MINUTE',
        description: 'Per-connection rate limit for shopper messages (burst of the same size).',
      }),
    })
    .prefault({}),
  language: z
    .strictObject({
      minConfidence: setting(z.number().min(0).max(1).default(0.5), {
        env: 'LANGUAGE_MIN_CONFIDENCE',
        description: 'fastText probability needed before a message may change the conversation language.',
      }),
      shortMessageLetters: setting(z.number().int().min(0).default(12), {
        env: 'LANGUAGE_SHORT_MESSAGE_LETTERS',
        description:
          'Messages with fewer letters than this (in alphabetic scripts) never flip an established conversation language ("ok", "thx").',
      }),
    })
    .prefault({}),
  nlu: z
    .strictObject({
      intentClassifier: setting(z.enum(['linear-svm', 'naive-bayes', 'embedding-head', 'hybrid-embedding']).default('linear-svm'), {
        env: 'NLU_INTENT_CLASSIFIER',
        description:
          'Intent classifier trained by the model registry: `linear-svm` (default, most accurate without a transformer model), `naive-bayes` (comparison baseline), or, with MODELS_EMBEDDING set, `embedding-head` (SVM head on the sentence embedding) and `hybrid-embedding` (embedding beside the n-grams).',
      }),
      embeddingPrefix: setting(z.string().default(''), {
        env: 'NLU_EMBEDDING_PREFIX',
        description: 'Text put before every message before the embedding classifiers embed it; e5 models expect `query: `.',
      }),
      embeddingWeight: setting(z.number().positive().max(100).default(1), {
        env: 'NLU_EMBEDDING_WEIGHT',
        description: 'Weight of the sentence embedding against the n-grams in `hybrid-embedding`.',
      }),
      minConfidence: setting(z.number().min(0).max(1).default(0.5), {
        env: 'NLU_MIN_CONFIDENCE',
        description: 'Calibrated intent confidence below which the bot does not act on an intent and asks the shopper to rephrase.',
      }),
      frustrationHandoff: setting(z.number().min(0).max(1).default(0.6), {
        env: 'NLU_FRUSTRATION_HANDOFF',
        description: 'Frustration score (0-1) at which the conversation is handed to a person (`waiting_agent`).',
      }),
      handoffOnComplaint: setting(z.boolean().default(true), {
        env: 'NLU_HANDOFF_ON_COMPLAINT',
        description: 'Hand a conversation to a person when the shopper complains (the complaint intent). Off: the bot keeps answering.',
      }),
      handoffOnFrustration: setting(z.boolean().default(true), {
        env: 'NLU_HANDOFF_ON_FRUSTRATION',
        description: 'Hand a conversation to a person when a message is at least NLU_FRUSTRATION_HANDOFF frustrated.',
      }),
      handoffOnNotUnderstood: setting(z.boolean().default(true), {
        env: 'NLU_HANDOFF_ON_NOT_UNDERSTOOD',
        description: 'Hand a conversation to a person after NLU_NOT_UNDERSTOOD_HANDOFF messages in a row the bot did not understand. Off: it keeps asking to rephrase.',
      }),
      notUnderstoodHandoff: setting(z.number().int().min(1).max(20).default(2), {
        env: 'NLU_NOT_UNDERSTOOD_HANDOFF',
        description: 'Messages in a row the bot did not understand before it hands the conversation to a person.',
      }),
      modelCacheDir: setting(z.string().min(1).default('./data/model-cache'), {
        env: 'NLU_MODEL_CACHE_DIR',
        description:
          'Folder where the trained built-in intent model is cached by training-data fingerprint, so a fresh database installs it without retraining.',
      }),
      trainOnStart: setting(z.boolean().default(true), {
        env: 'NLU_TRAIN_ON_START',
        description:
          'At start-up, when no built-in intent model is live (or the shipped data changed), install it from the cache or queue its training.',
      }),
    })
    .prefault({}),
  translation: z
    .strictObject({
      engine: setting(z.enum(['auto', 'apertium', 'transformers', 'none']).default('auto'), {
        env: 'TRANSLATION_ENGINE',
        description:
          'Machine translation: `apertium` (offline, Debian packages apertium, apertium-apy, apertium-eng-spa, apertium-fr-es, apertium-es-pt, apertium-spa-ita: en<->es, fr/pt/it via es; start-up fails without it), `transformers` (the TRANSLATION_MODEL model only), `auto` (per language pair: Apertium where installed and it has the pair, the TRANSLATION_MODEL model otherwise; order set by TRANSLATION_PREFER), or `none`.',
      }),
      model: setting(z.string().default(''), {
        env: 'TRANSLATION_MODEL',
        description:
          'Transformer translation model(s) run by the model runtime from MODELS_DIR, comma-separated hub ids: an NLLB (`Xenova/nllb-200-distilled-600M`) or M2M100 (`Xenova/m2m100_418M`) model for many pairs, or per-pair opus-mt models (`Xenova/opus-mt-es-en,Xenova/opus-mt-en-es`). Empty: off. Fetch with `npm run models:download`.',
      }),
      prefer: setting(z.enum(['apertium', 'transformers']).default('apertium'), {
        env: 'TRANSLATION_PREFER',
        description: 'With TRANSLATION_ENGINE=auto, which backend translates a pair that both Apertium and the TRANSLATION_MODEL model cover.',
      }),
      apertiumUrl: setting(z.union([z.literal(''), z.url({ protocol: /^https?$/ })]).default(''), {
        env: 'TRANSLATION_APERTIUM_URL',
        description:
          'Base URL of a running apertium-apy service. Empty: each process starts its own on a free loopback port when `apertium-apy` is installed, else runs the `apertium` command per translation (slower).',
      }),
    })
    .prefault({}),
  knowledge: z
    .strictObject({
      seedDemo: setting(z.boolean().default(true), {
        env: 'KNOWLEDGE_SEED_DEMO',
        description: "Fill the default workspace's empty knowledge base with the demo help centre (47 articles in 8 languages), published.",
      }),
      answerThreshold: setting(z.number().min(0).max(1).default(0.25), {
        env: 'KNOWLEDGE_ANSWER_THRESHOLD',
        description: 'Retrieval confidence (0-1) below which the bot does not quote an article but says it is not sure and offers a person.',
      }),
      outOfScopeThreshold: setting(z.number().min(0).max(1).default(0.6), {
        env: 'KNOWLEDGE_OUT_OF_SCOPE_THRESHOLD',
        description:
          'The same for messages the intent model found outside its intents: the help centre must be surer, since the model already doubts the message is about the store.',
      }),
      importBodyLimit: setting(z.string().regex(/^\d+(b|kb|mb)$/i).default('20mb'), {
        env: 'KNOWLEDGE_IMPORT_LIMIT',
        description: 'Largest knowledge-base import request (all files together), e.g. `20mb`.',
      }),
      queryPrefix: setting(z.string().default('query: '), {
        env: 'KNOWLEDGE_QUERY_PREFIX',
        description: 'With MODELS_EMBEDDING: text put before a question before embedding it (e5 models expect `query: `).',
      }),
      passagePrefix: setting(z.string().default('passage: '), {
        env: 'KNOWLEDGE_PASSAGE_PREFIX',
        description: 'With MODELS_EMBEDDING: text put before an article passage before embedding it (e5 models expect `passage: `).',
      }),
      refreshSeconds: setting(z.number().int().min(1).max(3600).default(30), {
        env: 'KNOWLEDGE_REFRESH_SECONDS',
        description: 'How often each process checks that its in-memory index is at the latest version (it also follows change events at once).',
      }),
    })
    .prefault({}),
  commerce: z
    .strictObject({
      seedDemo: setting(z.boolean().default(true), {
        env: 'COMMERCE_SEED_DEMO',
        description: 'Fill the default workspace with the demo store (products, customers, orders) when it has no products yet.',
      }),
    })
    .prefault({}),
  risk: z
    .strictObject({
      enabled: setting(z.boolean().default(true), {
        env: 'RISK_ENABLED',
        description:
          'Check sensitive chat requests (address changes, cancellations, refund requests, "not received" claims, payment changes) with the risk scorer before the bot acts, and serve `/api/risk`.',
      }),
      ipCountryTable: setting(z.string().default(''), {
        env: 'RISK_IP_COUNTRY_TABLE',
        description:
          'CSV of IPv4 ranges and their countries (`lower_bound_ip_address,upper_bound_ip_address,country`, gzipped or not) for the IP-country features and the country rules of every workspace that has not loaded its own (`PUT /api/risk/ip-countries`). Empty: IP countries are unknown there.',
      }),
      reviewThreshold: setting(z.number().min(0).max(1).default(0), {
        env: 'RISK_REVIEW_THRESHOLD',
        description:
          'Fraud probability from which a request is sent to review (a one-time code in chat), unless a workspace sets its own. `0`: the threshold validated with the live model.',
      }),
      declineThreshold: setting(z.number().min(0).max(1).default(0), {
        env: 'RISK_DECLINE_THRESHOLD',
        description:
          'Fraud probability from which a request is declined (in chat: no action, a person takes over), unless a workspace sets its own. `0`: the threshold validated with the live model.',
      }),
      timeZone: setting(z.string().min(1).default('UTC'), {
        env: 'RISK_TIME_ZONE',
        description: 'IANA time zone of the hour-of-day and day-of-week features, e.g. `Europe/Berlin`.',
      }),
      maxReasons: setting(z.number().int().min(1).max(10).default(3), {
        env: 'RISK_MAX_REASONS',
        description: "Model reasons given with every score (rule hits are always listed besides).",
      }),
      codeTtlMinutes: setting(z.number().int().min(1).max(1440).default(15), {
        env: 'RISK_CODE_TTL_MINUTES',
        description: 'How long a one-time code sent to the e-mail on an order stays valid.',
      }),
      codeMaxAttempts: setting(z.number().int().min(1).max(10).default(3), {
        env: 'RISK_CODE_MAX_ATTEMPTS',
        description: 'Wrong one-time codes a shopper may type before the request goes to a person.',
      }),
      counterCheckSeconds: setting(z.number().int().min(0).max(86_400).default(60), {
        env: 'RISK_COUNTER_CHECK_SECONDS',
        description:
          'How often the worker checks that the risk counters are still in Redis (a restart without persistence or a flush empties them) and rebuilds missing ones from the decision log. `0`: only when the worker starts.',
      }),
      retrainSchedule: setting(z.string().default('0 3 * * *'), {
        env: 'RISK_RETRAIN_SCHEDULE',
        description:
          "Cron pattern (UTC) of the risk model retraining of every workspace with labels, e.g. `0 3 * * *` (daily at 03:00). Empty: only on demand (`POST /api/risk/retrain`).",
      }),
      holdoutFraction: setting(z.number().gt(0).lt(1).default(0.2), {
        env: 'RISK_HOLDOUT_FRACTION',
        description:
          'Share of the labelled requests, the most recent by time, held out to compare a retrained model with the live one; the new one goes live only when it beats it there.',
      }),
      minFraudLabels: setting(z.number().int().min(2).default(20), {
        env: 'RISK_MIN_FRAUD_LABELS',
        description: 'Fraud labels (chargebacks, agent "fraud") a workspace needs before a risk model is trained; with fewer, the live model (or rules only) stays.',
      }),
      minLegitLabels: setting(z.number().int().min(2).default(50), {
        env: 'RISK_MIN_LEGIT_LABELS',
        description: 'Legitimate labelled requests a workspace needs before a risk model is trained.',
      }),
      legitAfterDays: setting(z.number().int().min(0).default(60), {
        env: 'RISK_LEGIT_AFTER_DAYS',
        description:
          'A scored order this many days old without a chargeback or agent "fraud" label counts as legitimate for training. `0`: only explicit `agent_legit` labels do.',
      }),
      seedDemo: setting(z.boolean().default(true), {
        env: 'RISK_SEED_DEMO',
        description:
          'With the demo store: add a generated, labelled history of scored orders and requests (and one risky demo order) and install the demo risk model trained on it.',
      }),
    })
    .prefault({}),
  email: z
    .strictObject({
      smtpUrl: setting(z.string().default(''), {
        env: 'SMTP_URL',
        description:
          'Mail server the platform sends its e-mails through (the one-time codes of risk checks): `smtp://user:pass@host:587` (STARTTLS when offered) or `smtps://user:pass@host:465`. Empty: e-mails wait in `risk_email_outbox` for an operator\'s relay.',
        secret: true,
      }),
      from: setting(z.string().default('Customer service <no-reply@localhost>'), {
        env: 'EMAIL_FROM',
        description: 'Sender of the platform\'s e-mails (`Name <address>`).',
      }),
      pollMs: setting(z.number().int().min(100).max(60_000).default(1000), {
        env: 'EMAIL_POLL_MS',
        description: 'How often the worker looks for e-mails to send (a one-time code reaches the mail server within about this long).',
      }),
      maxAttempts: setting(z.number().int().min(1).max(50).default(8), {
        env: 'EMAIL_MAX_ATTEMPTS',
        description: 'Attempts before an e-mail the mail server keeps refusing temporarily is given up (a permanent refusal gives up at once).',
      }),
    })
    .prefault({}),
  recommender: z
    .strictObject({
      enabled: setting(z.boolean().default(true), {
        env: 'REC_ENABLED',
        description:
          'Serve the recommender: the events API (`POST /api/events`), catalogue and history imports, model training (`/api/recommender/...`) and product recommendations in chat.',
      }),
      eventsBodyLimit: setting(z.string().regex(/^\d+(b|kb|mb)$/i).default('512kb'), {
        env: 'REC_EVENTS_BODY_LIMIT',
        description: 'Largest `POST /api/events` request body, e.g. `512kb`.',
      }),
      importBodyLimit: setting(z.string().regex(/^\d+(b|kb|mb)$/i).default('50mb'), {
        env: 'REC_IMPORT_BODY_LIMIT',
        description: 'Largest catalogue or history import request body, e.g. `50mb`.',
      }),
      catalogueRefreshSeconds: setting(z.number().int().min(1).max(3600).default(5), {
        env: 'REC_CATALOGUE_REFRESH_SECONDS',
        description: "How often each process checks its in-memory catalogue against the workspace's revision (it also follows change events at once).",
      }),
      eventsFlushWindowMs: setting(z.number().int().min(0).max(1000).default(5), {
        env: 'REC_EVENTS_FLUSH_WINDOW_MS',
        description: 'Events arriving within this many milliseconds are written in one transaction (group commit).',
      }),
      eventsMaxBatch: setting(z.number().int().min(1).max(100_000).default(2000), {
        env: 'REC_EVENTS_MAX_BATCH',
        description: 'Most events written in one transaction.',
      }),
      eventsMaxPending: setting(z.number().int().min(1).default(50_000), {
        env: 'REC_EVENTS_MAX_PENDING',
        description: 'Events waiting to be written beyond which `POST /api/events` answers 503 with Retry-After (back-pressure).',
      }),
      eventsMaxAgeDays: setting(z.number().int().min(1).default(30), {
        env: 'REC_EVENTS_MAX_AGE_DAYS',
        description: 'Events older than this many days are refused by the events API (history goes through the import).',
      }),
      eventsMaxFutureMinutes: setting(z.number().int().min(0).default(5), {
        env: 'REC_EVENTS_MAX_FUTURE_MINUTES',
        description: "Events dated more than this many minutes ahead of the server's clock are refused.",
      }),
      seedDemoHistory: setting(z.boolean().default(true), {
        env: 'REC_SEED_DEMO_HISTORY',
        description:
          "With the demo store: add a generated browsing and purchase history (400 visitors and the demo customers) and train the demo store's recommender on it at first start.",
      }),
      trainEveryHours: setting(z.number().min(0).default(24), {
        env: 'REC_TRAIN_EVERY_HOURS',
        description:
          'Retrain the recommender of every workspace with events this often (a BullMQ repeatable job); the new version goes live only when no worse on the validation split. `0`: only on demand (`POST /api/recommender/train`).',
      }),
      minTrainingUsers: setting(z.number().int().min(0).default(50), {
        env: 'REC_MIN_TRAINING_USERS',
        description: 'Shoppers with at least two items a workspace needs before the full model (blend) is trained; with fewer it gets a popularity model.',
      }),
      clickSecret: setting(z.string().default(''), {
        env: 'REC_CLICK_SECRET',
        secret: true,
        description:
          'HMAC key of the product-card links in chat (`/r/:token`), shared by every server and worker. Empty: a random one is created once and shared through Redis.',
      }),
    })
    .prefault({}),
  models: z
    .strictObject({
      folder: setting(z.string().min(1).default('./models'), {
        env: 'MODELS_DIR',
        description:
          'Local folder of transformer models, laid out like the Hugging Face hub: `<folder>/<org>/<name>/{config.json,tokenizer.json,onnx/model.onnx}`. Fill it with `npm run models:download`.',
      }),
      allowRemote: setting(z.boolean().default(false), {
        env: 'MODELS_ALLOW_REMOTE',
        description:
          'Let the model runtime download missing models from the Hugging Face hub into the models folder. Off: only the local folder is read.',
      }),
      device: setting(z.enum(['cpu', 'cuda']).default('cpu'), {
        env: 'MODELS_DEVICE',
        description:
          'Where transformer models run. `cuda` needs Linux x64, CUDA 12 and onnxruntime-node installed with `npm install --onnxruntime-node-install=cuda12`.',
      }),
      dtype: setting(z.enum(['fp32', 'fp16', 'q8', 'int8', 'uint8', 'q4', 'bnb4', 'q4f16']).default('fp32'), {
        env: 'MODELS_DTYPE',
        description:
          'Weight precision of the ONNX file to load (`fp32` = `onnx/model.onnx`, `q8` = `onnx/model_quantized.onnx`, `fp16` = `onnx/model_fp16.onnx`, ...).',
      }),
      embeddingModel: setting(z.string().default(''), {
        env: 'MODELS_EMBEDDING',
        description:
          'Hub id of the sentence-embedding model, e.g. `Xenova/multilingual-e5-small`. Empty: no transformer embedding model is used.',
      }),
      threads: setting(z.number().int().min(1).max(64).default(1), {
        env: 'MODELS_THREADS',
        description: 'Worker threads per loaded model; each holds its own copy of the model and runs one batch at a time.',
      }),
      maxBatchSize: setting(z.number().int().min(1).max(4096).default(32), {
        env: 'MODELS_MAX_BATCH',
        description: 'Most texts the model runtime puts in one inference batch.',
      }),
      batchWindowMs: setting(z.number().int().min(0).max(1000).default(2), {
        env: 'MODELS_BATCH_WINDOW_MS',
        description:
          'Requests arriving within this many milliseconds are run as one batch (up to MODELS_MAX_BATCH texts). 0 = batch only what arrives in the same tick.',
      }),
    })
    .prefault({}),
  worker: z
    .strictObject({
      concurrency: setting(z.number().int().min(1).max(1000).default(16), {
        env: 'WORKER_CONCURRENCY',
        description:
          'Jobs each worker process runs at once per queue. Higher values help when channels answer slowly; each extra slot costs CPU per job.',
      }),
      localTurnLimit: setting(z.number().int().min(1).max(100_000).default(256), {
        env: 'WORKER_LOCAL_TURN_LIMIT',
        description:
          'With server and worker in one process: turns run in-process up to this many at once; more go through the inbound queue. Turns mostly wait on commits, so this can be well above WORKER_CONCURRENCY.',
      }),
      httpPort: setting(z.number().int().min(0).max(65535).default(0), {
        env: 'WORKER_HTTP_PORT',
        description:
          'When running `npm run worker` alone: port for its `/healthz` and `/metrics` (0 = off). Ignored by `npm start`.',
      }),
      recoveryAfterMs: setting(z.number().int().min(1000).default(15_000), {
        env: 'WORKER_RECOVERY_AFTER_MS',
        description:
          'Accepted messages or replies still not handled after this long are queued again by the recovery sweep.',
      }),
    })
    .prefault({}),
  outbound: z
    .strictObject({
      attempts: setting(z.number().int().min(1).max(100).default(10), {
        env: 'OUTBOUND_ATTEMPTS',
        description: 'Delivery attempts per outgoing message before it is marked failed.',
      }),
      batchWindowMs: setting(z.number().int().min(0).max(1000).default(5), {
        env: 'OUTBOUND_BATCH_WINDOW_MS',
        description:
          'Replies produced within this many milliseconds share one delivery job (a queue job costs more than a widget delivery). 0 = one job per reply.',
      }),
      backoffMs: setting(z.number().int().min(10).default(1000), {
        env: 'OUTBOUND_BACKOFF_MS',
        description: 'First retry delay of outgoing messages; doubles on each attempt (exponential backoff).',
      }),
    })
    .prefault({}),
  slack: z
    .strictObject({
      enabled: setting(z.boolean().default(false), {
        env: 'SLACK_ENABLED',
        description:
          'Hand conversations to people in Slack: one thread per handoff in the agents channel, agent replies relayed to the shopper. Needs SLACK_BOT_TOKEN, SLACK_AGENTS_CHANNEL and SLACK_SIGNING_SECRET (or Socket Mode with SLACK_APP_TOKEN).',
      }),
      botToken: setting(z.union([z.literal(''), z.string().regex(/^xoxb-/, 'must be a bot token (xoxb-...)')]).default(''), {
        env: 'SLACK_BOT_TOKEN',
        description: 'Bot user OAuth token of the Slack app (`xoxb-...`), from "OAuth & Permissions".',
        secret: true,
      }),
      signingSecret: setting(z.string().default(''), {
        env: 'SLACK_SIGNING_SECRET',
        description:
          'Signing secret of the Slack app ("Basic Information"); requests to `/slack/*` without a valid signature from the last 5 minutes get 401.',
        secret: true,
      }),
      agentsChannel: setting(z.string().default(''), {
        env: 'SLACK_AGENTS_CHANNEL',
        description: 'Channel id (e.g. `C0123456789`) where handoffs open their threads when no SLACK_ROUTES rule matches. Invite the bot to it.',
      }),
      agentLanguage: setting(z.string().regex(/^[a-z]{2}$/, 'must be a two-letter ISO 639-1 language code').default('en'), {
        env: 'SLACK_AGENT_LANGUAGE',
        description: "The agents' language: shopper messages are translated into it in the Slack threads, agent replies out of it to the shopper's.",
      }),
      defaultWaitMinutes: setting(z.number().int().min(1).max(1440).default(5), {
        env: 'SLACK_DEFAULT_WAIT_MINUTES',
        description:
          'The wait shoppers are told when a person is coming, until three handoffs of the last week were claimed (then their median wait is told).',
      }),
      claimTimeoutMinutes: setting(z.number().int().min(1).max(1440).default(10), {
        env: 'SLACK_CLAIM_TIMEOUT_MINUTES',
        description:
          'When nobody claims a handoff within this time, the shopper is told and offered a reply by e-mail, and the thread gets a reminder.',
      }),
      socketMode: setting(z.boolean().default(false), {
        env: 'SLACK_SOCKET_MODE',
        description:
          'Receive Slack events over a WebSocket the app opens (local development without a public URL) instead of HTTP at `/slack/events`, `/slack/commands`, `/slack/actions`. Needs SLACK_APP_TOKEN.',
      }),
      appToken: setting(z.union([z.literal(''), z.string().regex(/^xapp-/, 'must be an app-level token (xapp-...)')]).default(''), {
        env: 'SLACK_APP_TOKEN',
        description: 'App-level token with the `connections:write` scope (`xapp-...`), used only by Socket Mode.',
        secret: true,
      }),
      apiUrl: setting(z.url({ protocol: /^https?$/ }).default('https://slack.com/api/'), {
        env: 'SLACK_API_URL',
        description: 'Base URL of the Slack Web API. Change it only to point at a test double or a proxy.',
      }),
      routes: setting(slackRoutesSetting.default([]), {
        env: 'SLACK_ROUTES',
        description:
          'JSON list of rules sending handoffs to other channels, first match wins, e.g. `[{"language":"de","channel":"C0DE"},{"workspace":"shop-b","intent":"refund","channel":"C0REFUND"}]`. A rule matches when each of its `workspace`, `language`, `intent` equals the conversation\'s.',
      }),
    })
    .prefault({}),
  channels: z
    .strictObject({
      mediaDir: setting(z.string().min(1).default('./data/media'), {
        env: 'CHANNELS_MEDIA_DIR',
        description:
          'Folder where images, documents and voice notes that shoppers send on WhatsApp are kept (one file per attachment, named by message), for agents to look at.',
      }),
      maxMediaBytes: setting(z.number().int().min(1024).default(16 * 1024 * 1024), {
        env: 'CHANNELS_MAX_MEDIA_BYTES',
        description: 'Largest attachment kept; a larger one is acknowledged but not stored.',
      }),
    })
    .prefault({}),
  whatsappWeb: z
    .strictObject({
      enabled: setting(z.boolean().default(false), {
        env: 'WHATSAPP_WEB_ENABLED',
        description:
          'Connect a WhatsApp phone through whatsapp-web.js (WhatsApp Web in headless Chromium; link it by scanning the QR code shown in the admin app and the log). Run it in exactly one process: the one that holds the phone session sends for all workers.',
      }),
      workspace: setting(z.union([z.literal(''), z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/)]).default(''), {
        env: 'WHATSAPP_WEB_WORKSPACE',
        description: 'Slug of the workspace (store) the phone belongs to; empty: the default workspace.',
      }),
      sessionDir: setting(z.string().min(1).default('./data/whatsapp-web'), {
        env: 'WHATSAPP_WEB_SESSION_DIR',
        description: "Folder of the linked phone's session (whatsapp-web.js LocalAuth); keep it to stay linked across restarts. Treat it like a password.",
      }),
      chromiumPath: setting(z.string().min(1).default('/usr/bin/chromium'), {
        env: 'WHATSAPP_WEB_CHROMIUM',
        description: "Chromium to run WhatsApp Web in (Debian's `chromium`); puppeteer never downloads one.",
      }),
      allowGroups: setting(z.boolean().default(false), {
        env: 'WHATSAPP_WEB_ALLOW_GROUPS',
        description: 'Answer in group chats too (off: group messages are ignored). Status broadcasts are always ignored.',
      }),
      maxPerMinute: setting(z.number().int().min(1).max(120).default(20), {
        env: 'WHATSAPP_WEB_MAX_PER_MINUTE',
        description: 'Most messages the phone sends per minute, across all chats (protects the number from being banned for bulk sending).',
      }),
      typingMsPerChar: setting(z.number().int().min(0).max(200).default(25), {
        env: 'WHATSAPP_WEB_TYPING_MS_PER_CHAR',
        description: 'Human-like pacing: "typing…" is shown for this long per character of the reply (capped at 4 s) before it is sent.',
      }),
    })
    .prefault({}),
  whatsappCloud: z
    .strictObject({
      enabled: setting(z.boolean().default(false), {
        env: 'WHATSAPP_CLOUD_ENABLED',
        description: "Receive and send WhatsApp messages through Meta's WhatsApp Cloud API (webhook at `/webhooks/whatsapp`).",
      }),
      workspace: setting(z.union([z.literal(''), z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/)]).default(''), {
        env: 'WHATSAPP_CLOUD_WORKSPACE',
        description: 'Slug of the workspace (store) the business phone number belongs to; empty: the default workspace.',
      }),
      phoneNumberId: setting(z.string().default(''), {
        env: 'WHATSAPP_CLOUD_PHONE_NUMBER_ID',
        description: 'Phone number id of the business number (WhatsApp Manager > API setup); messages are sent from it and webhooks for other numbers are ignored.',
      }),
      accessToken: setting(z.string().default(''), {
        env: 'WHATSAPP_CLOUD_ACCESS_TOKEN',
        description: 'System-user access token with `whatsapp_business_messaging`, sent as a Bearer token to the Graph API.',
        secret: true,
      }),
      appSecret: setting(z.string().default(''), {
        env: 'WHATSAPP_CLOUD_APP_SECRET',
        description: 'App secret of the Meta app: every webhook POST must carry a valid `X-Hub-Signature-256` made with it, or it gets 401.',
        secret: true,
      }),
      verifyToken: setting(z.string().default(''), {
        env: 'WHATSAPP_CLOUD_VERIFY_TOKEN',
        description: 'The verify token you type into the webhook settings; the `hub.challenge` handshake succeeds only with it.',
        secret: true,
      }),
      graphApiUrl: setting(z.url({ protocol: /^https?$/ }).default('https://graph.facebook.com'), {
        env: 'WHATSAPP_CLOUD_GRAPH_URL',
        description: 'Base URL of the Graph API. Change it only to point at a test double or a proxy.',
      }),
      graphApiVersion: setting(z.string().regex(/^v\d+\.\d+$/, 'must look like v21.0').default('v21.0'), {
        env: 'WHATSAPP_CLOUD_GRAPH_VERSION',
        description: 'Graph API version used in request paths.',
      }),
      templateName: setting(z.string().default(''), {
        env: 'WHATSAPP_CLOUD_TEMPLATE',
        description:
          "Approved message template sent instead of a free-form message when the shopper's last message is older than 24 hours (WhatsApp's customer-service window); without one, such messages fail and are recorded as failed.",
      }),
      templateLanguage: setting(z.string().default('en'), {
        env: 'WHATSAPP_CLOUD_TEMPLATE_LANGUAGE',
        description: "Language code of the template's approved translation (e.g. `en_US`, `es`).",
      }),
      templateParams: setting(z.preprocess((value) => (typeof value === 'string' ? (value.trim() ? value.split(',').map((item) => item.trim()) : []) : value), z.array(z.string()).default([])), {
        env: 'WHATSAPP_CLOUD_TEMPLATE_PARAMS',
        description:
          "Comma-separated body parameters of the template, in order; `{shopper}` is replaced with the shopper's name, `{store}` with the store's, `{text}` with the start of the message that could not be sent.",
      }),
    })
    .prefault({}),
  botFramework: z
    .strictObject({
      enabled: setting(z.boolean().default(false), {
        env: 'BOTFRAMEWORK_ENABLED',
        description: 'Receive Microsoft Bot Framework activities (Teams, Web Chat, ...) at `/api/messages` with botbuilder.',
      }),
      workspace: setting(z.union([z.literal(''), z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/)]).default(''), {
        env: 'BOTFRAMEWORK_WORKSPACE',
        description: 'Slug of the workspace (store) the bot belongs to; empty: the default workspace.',
      }),
      appId: setting(z.string().default(''), {
        env: 'MICROSOFT_APP_ID',
        description: 'Microsoft App ID of the Azure Bot. When set, every request to `/api/messages` must carry a valid Bot Connector token (401 otherwise); empty: no authentication (local testing with the Emulator only).',
      }),
      appPassword: setting(z.string().default(''), {
        env: 'MICROSOFT_APP_PASSWORD',
        description: 'Client secret of the App ID (MultiTenant and SingleTenant bots).',
        secret: true,
      }),
      appType: setting(z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('MultiTenant'), {
        env: 'MICROSOFT_APP_TYPE',
        description: 'App type of the Azure Bot.',
      }),
      tenantId: setting(z.string().default(''), {
        env: 'MICROSOFT_APP_TENANT_ID',
        description: 'Tenant id, for SingleTenant and UserAssignedMSI bots.',
      }),
    })
    .prefault({}),
  log: z
    .strictObject({
      level: setting(logLevel.default('info'), { env: 'LOG_LEVEL', description: 'pino log level.' }),
      pretty: setting(z.boolean().default(false), {
        env: 'LOG_PRETTY',
        description: 'Human-readable logs (development only); JSON lines otherwise.',
      }),
    })
    .prefault({}),
  shutdown: z
    .strictObject({
      graceMs: setting(z.number().int().min(0).default(10_000), {
        env: 'SHUTDOWN_GRACE_MS',
        description: 'On SIGTERM/SIGINT, how long in-flight work may take before the process exits anyway.',
      }),
    })
    .prefault({}),
}).superRefine((config, context) => {
  checkSlack(config.slack, context);
  checkChannels(config, context);
  const kind = config.nlu.intentClassifier;
  if ((kind === 'embedding-head' || kind === 'hybrid-embedding') && !config.models.embeddingModel) {
    context.addIssue({
      code: 'custom',
      path: ['models', 'embeddingModel'],
      message: `NLU_INTENT_CLASSIFIER=${kind} needs a sentence-embedding model; set it (e.g. Xenova/multilingual-e5-small) or choose linear-svm`,
    });
  }
});

/** Channels need their credentials once they are on. */
function checkChannels(
  config: { whatsappCloud: { enabled: boolean; phoneNumberId: string; accessToken: string; appSecret: string; verifyToken: string }; botFramework: { enabled: boolean; appId: string; appPassword: string; appType: string; tenantId: string } },
  context: z.RefinementCtx,
): void {
  const cloud = config.whatsappCloud;
  if (cloud.enabled) {
    for (const [key, env] of [['phoneNumberId', 'WHATSAPP_CLOUD_PHONE_NUMBER_ID'], ['accessToken', 'WHATSAPP_CLOUD_ACCESS_TOKEN'], ['appSecret', 'WHATSAPP_CLOUD_APP_SECRET'], ['verifyToken', 'WHATSAPP_CLOUD_VERIFY_TOKEN']] as const) {
      if (!cloud[key]) context.addIssue({ code: 'custom', path: ['whatsappCloud', key], message: `WHATSAPP_CLOUD_ENABLED needs ${env}` });
    }
  }
  const bot = config.botFramework;
  if (bot.enabled && bot.appId) {
    if (bot.appType !== 'UserAssignedMSI' && !bot.appPassword) context.addIssue({ code: 'custom', path: ['botFramework', 'appPassword'], message: 'MICROSOFT_APP_ID needs MICROSOFT_APP_PASSWORD (except for UserAssignedMSI bots)' });
    if (bot.appType !== 'MultiTenant' && !bot.tenantId) context.addIssue({ code: 'custom', path: ['botFramework', 'tenantId'], message: `MICROSOFT_APP_TYPE=${bot.appType} needs MICROSOFT_APP_TENANT_ID` });
  }
}

/** Settings that only make sense together: Slack needs its tokens once it is on. */
function checkSlack(
  slack: { enabled: boolean; botToken: string; signingSecret: string; agentsChannel: string; socketMode: boolean; appToken: string },
  context: z.RefinementCtx,
): void {
  if (!slack.enabled) return;
  const missing = (key: string, message: string): void => {
    context.addIssue({ code: 'custom', path: ['slack', key], message });
  };
  if (!slack.botToken) missing('botToken', 'SLACK_ENABLED needs the bot token (xoxb-...) of the Slack app');
  if (!slack.agentsChannel) missing('agentsChannel', 'SLACK_ENABLED needs the id of the channel where handoff threads open');
  if (slack.socketMode && !slack.appToken) missing('appToken', 'SLACK_SOCKET_MODE needs an app-level token (xapp-...) with connections:write');
  // Socket Mode traffic arrives over the app's own authenticated WebSocket, so only HTTP mode checks signatures.
  if (!slack.socketMode && !slack.signingSecret) {
    missing('signingSecret', 'SLACK_ENABLED in HTTP mode needs the signing secret, or set SLACK_SOCKET_MODE=true for local development');
  }
}

/** The validated configuration every module receives. */
export type Config = z.infer<typeof configSchema>;
