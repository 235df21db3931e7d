/** Signs requests the way Slack does (v0 HMAC-SHA256 over `v0:<timestamp>:<raw body>`), and sends them. */
import { createHmac } from 'node:crypto';

/** Slack's signature headers for a raw body. */
export function slackSignatureHeaders(body: string, signingSecret: string, timestampSeconds = Math.floor(Date.now() / 1000)): Record<string, string> {
  const signature = createHmac('sha256', signingSecret).update(`v0:${timestampSeconds}:${body}`).digest('hex');
  return { 'x-slack-request-timestamp': String(timestampSeconds), 'x-slack-signature': `v0=${signature}` };
}

/** How to send one request to a Slack route. */
export interface SlackRequestOptions {
  /** Secret to sign with; omit to send no signature headers at all. */
  signingSecret?: string;
  /** Unix seconds put in the signature (default now). */
  timestampSeconds?: number;
  /** Sent as `X-Slack-Retry-Num` (and a retry reason), like Slack's redeliveries. */
  retryNum?: number;
}

/** Body encodings Slack uses: JSON for the Events API, form fields for commands, `payload=<json>` for interactivity. */
export type SlackBody = { json: unknown } | { form: Record<string, string> } | { payload: unknown };

/** POSTs a Slack-shaped request; returns the status and body text. */
export async function sendSlackRequest(url: string, body: SlackBody, options: SlackRequestOptions): Promise<{ status: number; text: string }> {
  let raw: string;
  let contentType: string;
  if ('json' in body) {
    raw = JSON.stringify(body.json);
    contentType = 'application/json';
  } else {
    const fields = 'form' in body ? body.form : { payload: JSON.stringify(body.payload) };
    raw = new URLSearchParams(fields).toString();
    contentType = 'application/x-www-form-urlencoded';
  }
  const headers: Record<string, string> = { 'content-type': contentType };
  if (options.signingSecret) Object.assign(headers, slackSignatureHeaders(raw, options.signingSecret, options.timestampSeconds));
  if (options.retryNum !== undefined) {
    headers['x-slack-retry-num'] = String(options.retryNum);
    headers['x-slack-retry-reason'] = 'http_timeout';
  }
  const response = await fetch(url, { method: 'POST', headers, body: raw });
  return { status: response.status, text: await response.text() };
}
