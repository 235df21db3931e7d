import { UnrecoverableError } from 'bullmq';
import { createSlackWebClient, SlackPermanentError, SlackRetryableError, SlackSender, handoffRootMessage } from '../../../../bots/channels/slack';
import { FakeSlack } from '../../../support/fake-slack';

const BOT_TOKEN = 'xoxb-test-token';

async function failureOf(run: () => Promise<unknown>): Promise<Error> {
  try {
    await run();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the call to fail');
}

describe('SlackSender', () => {
  let fake: FakeSlack;
  let sender: SlackSender;
  beforeEach(async () => {
    fake = await new FakeSlack({ botToken: BOT_TOKEN, channels: ['C0AGENTS'] }).start();
    sender = new SlackSender(createSlackWebClient({ botToken: BOT_TOKEN, apiUrl: fake.apiUrl }));
  });
  afterEach(async () => {
    await fake.stop();
  });

  describe('when Slack accepts the message', () => {
    it('posts the handoff root with its blocks and returns its ts', async () => {
      const { text, blocks } = handoffRootMessage({ conversationId: 'c1', shopper: { name: 'Lucía' }, channel: 'webchat', language: 'es', reason: 'asked for a person', transcript: [] });
      const posted = await sender.postMessage({ channel: 'C0AGENTS', text, blocks });
      expect(posted.channel).toBe('C0AGENTS');
      expect(posted.ts).toMatch(/^\d+\.\d{6}$/);
      expect(fake.messages).toEqual([expect.objectContaining({ channel: 'C0AGENTS', ts: posted.ts, text, blocks })]);
      expect(fake.calls[0]?.token).toBe(BOT_TOKEN);
    });

    it('replies in a thread and updates the root', async () => {
      const root = await sender.postMessage({ channel: 'C0AGENTS', text: 'root' });
      await sender.postMessage({ channel: 'C0AGENTS', text: 'shopper says hi', threadTs: root.ts });
      await sender.update({ channel: 'C0AGENTS', ts: root.ts, text: 'root (claimed)' });
      expect(fake.messages.map((m) => [m.text, m.threadTs, m.updates])).toEqual([
        ['root (claimed)', undefined, 1],
        ['shopper says hi', root.ts, 0],
      ]);
    });
  });

  describe('when Slack rate-limits the call (429)', () => {
    it('throws a retryable error carrying Retry-After, without waiting itself', async () => {
      fake.rateLimitNext(1, 7);
      const started = Date.now();
      const error = await failureOf(() => sender.postMessage({ channel: 'C0AGENTS', text: 'hi' }));
      expect(error).toBeInstanceOf(SlackRetryableError);
      expect((error as SlackRetryableError).retryAfterMs).toBe(7000);
      expect(Date.now() - started).toBeLessThan(2000);
      expect(fake.messages).toEqual([]);
    });
  });

  describe('when Slack has an outage (500) or cannot be reached', () => {
    it('throws a retryable error with no delay of its own', async () => {
      fake.failNext(1);
      const error = await failureOf(() => sender.postMessage({ channel: 'C0AGENTS', text: 'hi' }));
      expect(error).toBeInstanceOf(SlackRetryableError);
      expect((error as SlackRetryableError).retryAfterMs).toBeUndefined();
      expect(error).not.toBeInstanceOf(UnrecoverableError);
    });

    it('treats a refused connection as retryable', async () => {
      const apiUrl = fake.apiUrl;
      await fake.stop();
      const offline = new SlackSender(createSlackWebClient({ botToken: BOT_TOKEN, apiUrl, timeoutMs: 1000 }));
      expect(await failureOf(() => offline.postMessage({ channel: 'C0AGENTS', text: 'hi' }))).toBeInstanceOf(SlackRetryableError);
    });
  });

  describe('when Slack refuses for good', () => {
    it('throws an unrecoverable error naming channel_not_found and the fix', async () => {
      const error = await failureOf(() => sender.postMessage({ channel: 'C0NOPE', text: 'hi' }));
      expect(error).toBeInstanceOf(SlackPermanentError);
      expect(error).toBeInstanceOf(UnrecoverableError);
      expect((error as SlackPermanentError).slackError).toBe('channel_not_found');
      expect(error.message).toContain('SLACK_AGENTS_CHANNEL');
    });

    it('says how to fix a revoked token', async () => {
      const revoked = new SlackSender(createSlackWebClient({ botToken: 'xoxb-revoked', apiUrl: fake.apiUrl }));
      const error = await failureOf(() => revoked.postMessage({ channel: 'C0AGENTS', text: 'hi' }));
      expect(error).toBeInstanceOf(SlackPermanentError);
      expect(error.message).toMatch(/invalid_auth.*SLACK_BOT_TOKEN/);
    });
  });

  describe('when a queue retries through an outage', () => {
    // The caller's side of the contract, as the outbound job will do it: one message at a time per thread,
    // retry while retryable (after Retry-After when given), stop on anything else.
    async function deliverInOrder(texts: string[]): Promise<void> {
      for (const text of texts) {
        for (;;) {
          try {
            await sender.postMessage({ channel: 'C0AGENTS', text });
            break;
          } catch (error) {
            if (!(error instanceof SlackRetryableError)) throw error;
            await new Promise((resolve) => setTimeout(resolve, Math.min(error.retryAfterMs ?? 10, 50)));
          }
        }
      }
    }

    it('loses, doubles and reorders nothing', async () => {
      const texts = ['one', 'two', 'three', 'four', 'five'];
      await sender.postMessage({ channel: 'C0AGENTS', text: 'zero' });
      fake.failNext(2);
      fake.rateLimitNext(2, 1);
      fake.failNext(1);
      await deliverInOrder(texts);
      expect(fake.messages.map((m) => m.text)).toEqual(['zero', ...texts]);
      expect(fake.callsOf('chat.postMessage').filter((c) => c.status !== 200)).toHaveLength(5);
      const stamps = fake.messages.map((m) => Number(m.ts));
      expect([...stamps].sort((a, b) => a - b)).toEqual(stamps);
    });
  });
});
