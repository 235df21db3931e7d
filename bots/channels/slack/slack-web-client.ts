/** The one place Slack Web API clients are made, so every caller gets the same URL, timeout and retry stance. */
import { LogLevel, WebClient } from '@slack/web-api';

/** What a Web API client needs. */
export interface SlackWebClientSettings {
  botToken: string;
  /** Base URL of the Web API, e.g. `https://slack.com/api/` (tests: the fake Slack's). */
  apiUrl: string;
  /**
   * Abort a call after this long, so a hung Slack becomes a retryable error instead of a stuck job.
   * @defaultValue 10000
   */
  timeoutMs?: number;
}

/**
 * A Web API client that never retries or waits by itself: 429s and failures surface at once as errors, and the
 * caller (the outbound queue, with its backoff and ordering) decides when to try again. The library's default
 * would sleep through rate limits inside one job for up to 30 minutes.
 */
export function createSlackWebClient(settings: SlackWebClientSettings): WebClient {
  return new WebClient(settings.botToken, {
    slackApiUrl: withTrailingSlash(settings.apiUrl),
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: settings.timeoutMs ?? 10_000,
    // Every failure reaches the caller as a typed error it logs or retries; the client's own warnings would repeat it on stdout.
    logLevel: LogLevel.ERROR,
  });
}

/** The Web API client joins method names onto its base URL, which therefore must end with `/`. */
export function withTrailingSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}
