/**
 * Typed errors for calls to Slack, split the way a queue needs them: retry later (rate limit, outage, network),
 * or stop (a mistake retrying cannot fix). {@link SlackPermanentError} is a BullMQ `UnrecoverableError`, so a job
 * that throws it fails at once instead of spending its attempts.
 */
import { ErrorCode, type WebAPICallError } from '@slack/web-api';
import { UnrecoverableError } from 'bullmq';

/** Slack could not take the call now; try again, after {@link retryAfterMs} when Slack said how long. */
export class SlackRetryableError extends Error {
  override readonly name = 'SlackRetryableError';
  constructor(
    message: string,
    /** Slack's `Retry-After` in milliseconds (429 only); undefined means "use your own backoff". */
    readonly retryAfterMs?: number,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** Slack refused the call for a reason retrying cannot fix; the message says what to change. */
export class SlackPermanentError extends UnrecoverableError {
  override readonly name = 'SlackPermanentError';
  constructor(
    message: string,
    /** Slack's error code, e.g. `channel_not_found`, `invalid_auth`. */
    readonly slackError: string,
  ) {
    super(message);
  }
}

// Platform errors Slack documents as transient: the same call may succeed later.
const TRANSIENT_PLATFORM_ERRORS = new Set(['internal_error', 'fatal_error', 'service_unavailable', 'request_timeout', 'ratelimited']);

// What the admin should do about the common permanent errors.
const FIXES: Record<string, string> = {
  channel_not_found: 'check SLACK_AGENTS_CHANNEL / SLACK_ROUTES hold channel ids the bot can see',
  not_in_channel: 'invite the bot to the channel (/invite @your-bot)',
  is_archived: 'unarchive the channel or route handoffs to another one',
  invalid_auth: 'SLACK_BOT_TOKEN is wrong or was revoked; reinstall the app and copy its bot token',
  not_authed: 'set SLACK_BOT_TOKEN',
  account_inactive: 'the bot token belongs to a deleted app or user; reinstall the app',
  token_revoked: 'the bot token was revoked; reinstall the app and copy its bot token',
  missing_scope: 'add the missing OAuth scope to the Slack app (chat:write, users:read, users:read.email) and reinstall it',
  message_not_found: 'the message to update no longer exists',
  invalid_blocks: 'the message blocks are invalid (a bug in the block builders)',
};

function isSlackCallError(error: unknown): error is WebAPICallError {
  const code = (error as { code?: unknown } | null)?.code;
  return (
    code === ErrorCode.PlatformError || code === ErrorCode.RequestError || code === ErrorCode.HTTPError || code === ErrorCode.RateLimitedError
  );
}

/**
 * Turns what the Web API client threw into a {@link SlackRetryableError} or a {@link SlackPermanentError}.
 * Anything that is not a Slack call error (a bug) is returned unchanged.
 * @param method the Web API method, for the message, e.g. `chat.postMessage`.
 */
export function classifySlackError(error: unknown, method: string): Error {
  if (!isSlackCallError(error)) return error instanceof Error ? error : new Error(String(error));
  switch (error.code) {
    case ErrorCode.RateLimitedError:
      return new SlackRetryableError(`${method}: rate limited by Slack for ${error.retryAfter} s`, error.retryAfter * 1000, { cause: error });
    case ErrorCode.RequestError:
      return new SlackRetryableError(`${method}: Slack unreachable (${error.original.message})`, undefined, { cause: error });
    case ErrorCode.HTTPError:
      if (error.statusCode >= 500 || error.statusCode === 408) {
        return new SlackRetryableError(`${method}: Slack answered HTTP ${error.statusCode}`, undefined, { cause: error });
      }
      return new SlackPermanentError(`${method}: Slack answered HTTP ${error.statusCode}; check SLACK_API_URL`, `http_${error.statusCode}`);
    case ErrorCode.PlatformError: {
      const code = error.data.error;
      if (TRANSIENT_PLATFORM_ERRORS.has(code)) return new SlackRetryableError(`${method}: Slack error ${code}`, undefined, { cause: error });
      const fix = FIXES[code];
      return new SlackPermanentError(`${method}: Slack error ${code}${fix ? `; ${fix}` : ''}`, code);
    }
  }
}
