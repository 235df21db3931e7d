/** Structured JSON logs (pino) with personal data redacted from every message and field. */
import pino, { type Logger } from 'pino';
import { redactPii, redactPiiDeep } from './redact-pii';

/** Logger options taken from `config.log`. */
export interface LoggerOptions {
  level: string;
  pretty?: boolean;
  /** Name of the process role (`server`, `worker`, `all`) added to every line. */
  role?: string;
  /** Where to write; defaults to stdout. Tests pass a stream to read what was logged. */
  destination?: pino.DestinationStream;
}

/**
 * Creates the process logger. Redaction runs on the message and on every field, so a shopper's e-mail pasted
 * into a chat never reaches the log even when a developer logs the whole message object.
 */
export function createLogger(options: LoggerOptions): Logger {
  const base = { role: options.role ?? 'all' };
  const pinoOptions: pino.LoggerOptions = {
    level: options.level,
    base,
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: {
      level: (label) => ({ level: label }),
      log: (record) => redactPiiDeep(record) as Record<string, unknown>,
    },
    hooks: {
      logMethod(args, method) {
        const redacted = args.map((arg) => (typeof arg === 'string' ? redactPii(arg) : arg)) as typeof args;
        method.apply(this, redacted);
      },
    },
  };
  if (options.destination) return pino(pinoOptions, options.destination);
  if (options.pretty) return pino({ ...pinoOptions, transport: { target: 'pino-pretty' } });
  return pino(pinoOptions);
}

export type { Logger };
