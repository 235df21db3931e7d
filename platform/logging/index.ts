/** Structured logging with personal data redacted. */
export { createLogger, type LoggerOptions, type Logger } from './logger';
export { redactPii, redactPiiDeep, passesLuhn } from './redact-pii';
