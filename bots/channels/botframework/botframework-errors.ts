/**
 * Typed errors for sends to the Bot Connector service, split the way the outbound queue needs them: retry later
 * (rate limit, outage, network), or stop (a mistake retrying cannot fix). {@link BotFrameworkPermanentError} is a
 * BullMQ `UnrecoverableError`, so the delivery job fails at once and the message is marked failed for agents to see,
 * instead of spending its attempts.
 */
import { UnrecoverableError } from 'bullmq';

/** The Bot Connector could not take the activity now (429, 5xx, network); the outbound queue tries again. */
export class BotFrameworkRetryableError extends Error {
  override readonly name = 'BotFrameworkRetryableError';
  constructor(
    message: string,
    /** HTTP status the Bot Connector answered, when it answered at all. */
    readonly status?: number,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** The Bot Connector refused the activity for a reason retrying cannot fix; the message says what to change. */
export class BotFrameworkPermanentError extends UnrecoverableError {
  override readonly name = 'BotFrameworkPermanentError';
  constructor(
    message: string,
    /** HTTP status the Bot Connector answered; undefined when the conversation cannot be addressed at all. */
    readonly status?: number,
  ) {
    super(message);
  }
}

// What the admin should do about the permanent answers the Bot Connector documents.
const FIXES: Record<number, string> = {
  400: 'the Bot Connector rejected the activity as malformed (a bug in the activity builder)',
  401: 'the Bot Connector refused the bot token: check MICROSOFT_APP_ID, MICROSOFT_APP_PASSWORD, MICROSOFT_APP_TYPE and MICROSOFT_APP_TENANT_ID',
  403: 'the bot may not post in this conversation (removed from the team or chat, or blocked by the user)',
  404: 'the conversation no longer exists on the channel (deleted, or the bot was uninstalled)',
  413: 'the activity is larger than the channel accepts',
};

/** The HTTP status of what botbuilder's connector client threw (an Azure `RestError`), if it carries one. */
function statusOf(error: unknown): number | undefined {
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' ? status : undefined;
}

/**
 * Turns what a send threw into a {@link BotFrameworkRetryableError} or a {@link BotFrameworkPermanentError}:
 * 408, 429 and 5xx are retried, other 4xx are permanent, and errors without a status (connection refused, DNS,
 * the token endpoint unreachable) are retried. botbuilder's HTTP pipeline has already retried 5xx and 429 three
 * times (honouring `Retry-After`) before this sees them.
 */
export function classifyBotFrameworkError(error: unknown): Error {
  if (error instanceof BotFrameworkRetryableError || error instanceof BotFrameworkPermanentError) return error;
  const message = error instanceof Error ? error.message : String(error);
  const status = statusOf(error);
  if (status === undefined) return new BotFrameworkRetryableError(`Bot Connector unreachable: ${message}`, undefined, { cause: error });
  if (status === 408 || status === 429 || status >= 500) {
    return new BotFrameworkRetryableError(`Bot Connector answered HTTP ${status}: ${message}`, status, { cause: error });
  }
  const fix = FIXES[status];
  return new BotFrameworkPermanentError(`Bot Connector answered HTTP ${status}${fix ? `; ${fix}` : ''}: ${message}`, status);
}
