import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { Redis } from 'ioredis';
import pino from 'pino';
import {
  createSlackApp,
  DeliveryDedup,
  SlackPermanentError,
  type SlackHandoffAction,
  type SlackHandoffHandlers,
  type SlackSlashCommand,
  type SlackThreadMessage,
  type SlackTransport,
} from '../../../../bots/channels/slack';
import { FakeSlack } from '../../../support/fake-slack';
import { sendSlackRequest, type SlackBody } from '../../../support/slack-signing';
import { deleteRedisPrefix, REDIS_URL, uniquePrefix } from '../../../support/services';
import { waitFor } from '../../../support/wait-for';

const BOT_TOKEN = 'xoxb-test-token';
const SIGNING_SECRET = 'test-signing-secret';
const logger = pino({ level: 'silent' });

/** Records what reached the handoff domain; a test can make the next calls fail or take long. */
class RecordingHandlers implements SlackHandoffHandlers {
  readonly messages: SlackThreadMessage[] = [];
  readonly actions: SlackHandoffAction[] = [];
  readonly commands: SlackSlashCommand[] = [];
  failures = 0;
  delayMs = 0;
  commandReply: string | undefined;

  async onThreadMessage(message: SlackThreadMessage): Promise<void> {
    await this.behave();
    this.messages.push(message);
  }
  async onAction(action: SlackHandoffAction): Promise<void> {
    await this.behave();
    this.actions.push(action);
  }
  async onCommand(command: SlackSlashCommand): Promise<string | void> {
    await this.behave();
    this.commands.push(command);
    return this.commandReply;
  }
  private async behave(): Promise<void> {
    if (this.delayMs) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    if (this.failures > 0) {
      this.failures -= 1;
      throw new Error('database unavailable');
    }
  }
}

let eventCounter = 0;
function threadReply(overrides: Record<string, unknown> = {}, eventId = `Ev${++eventCounter}`): { json: unknown } {
  return {
    json: {
      token: 'legacy',
      team_id: 'T0FAKE',
      api_app_id: 'A0APP',
      type: 'event_callback',
      event_id: eventId,
      event_time: Math.floor(Date.now() / 1000),
      event: {
        type: 'message',
        channel: 'C0AGENTS',
        user: 'U0AGENT',
        text: 'Hola, ya lo miro',
        ts: '1700000100.000200',
        thread_ts: '1700000000.000100',
        channel_type: 'channel',
        event_ts: '1700000100.000200',
        ...overrides,
      },
    },
  };
}

function buttonClick(actionId: string, extra: Record<string, unknown> = {}, triggerId = `trigger-${++eventCounter}`): { payload: unknown } {
  return {
    payload: {
      type: 'block_actions',
      team: { id: 'T0FAKE', domain: 'fake' },
      user: { id: 'U0AGENT', username: 'ana', team_id: 'T0FAKE' },
      api_app_id: 'A0APP',
      trigger_id: triggerId,
      container: { type: 'message', message_ts: '1700000000.000100', channel_id: 'C0AGENTS', is_ephemeral: false },
      channel: { id: 'C0AGENTS', name: 'agents' },
      message: { type: 'message', ts: '1700000000.000100', text: 'Handoff' },
      response_url: 'http://127.0.0.1:9/unused',
      actions: [{ action_id: actionId, block_id: 'handoff:conv-42', type: 'button', value: 'conv-42', action_ts: '1700000200.1', ...extra }],
    },
  };
}

function slashCommand(text: string, triggerId = `trigger-${++eventCounter}`): { form: Record<string, string> } {
  return {
    form: {
      token: 'legacy',
      team_id: 'T0FAKE',
      team_domain: 'fake',
      channel_id: 'C0AGENTS',
      channel_name: 'agents',
      user_id: 'U0AGENT',
      user_name: 'ana',
      command: '/handoff',
      text,
      api_app_id: 'A0APP',
      response_url: 'http://127.0.0.1:9/unused',
      trigger_id: triggerId,
    },
  };
}

describe('createSlackApp in HTTP mode', () => {
  let fake: FakeSlack;
  let redis: Redis;
  let prefix: string;
  let handlers: RecordingHandlers;
  let slack: SlackTransport;
  let server: Server;
  let base: string;

  const send = (path: string, body: SlackBody, options: { retryNum?: number; timestampSeconds?: number; signingSecret?: string | null } = {}) =>
    sendSlackRequest(`${base}${path}`, body, {
      ...(options.signingSecret === null ? {} : { signingSecret: options.signingSecret ?? SIGNING_SECRET }),
      ...(options.retryNum !== undefined ? { retryNum: options.retryNum } : {}),
      ...(options.timestampSeconds !== undefined ? { timestampSeconds: options.timestampSeconds } : {}),
    });

  beforeAll(async () => {
    fake = await new FakeSlack({ botToken: BOT_TOKEN }).start();
    redis = new Redis(REDIS_URL);
    prefix = uniquePrefix('slack');
  });
  afterAll(async () => {
    await fake.stop();
    await redis.quit();
    await deleteRedisPrefix(prefix);
  });

  beforeEach(async () => {
    handlers = new RecordingHandlers();
    slack = await createSlackApp(
      { botToken: BOT_TOKEN, signingSecret: SIGNING_SECRET, socketMode: false, appToken: '', apiUrl: fake.apiUrl },
      { handlers, dedup: new DeliveryDedup(redis, prefix), logger, handlerTimeoutMs: 300 },
    );
    // Mounted the way the platform's server must: Slack's routes first, then the JSON parser for everything else.
    const app = express();
    if (slack.router) app.use(slack.router);
    app.use(express.json());
    app.post('/api/echo', (req, res) => {
      res.json(req.body);
    });
    server = createServer(app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterEach(async () => {
    await slack.stop();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('checks the bot token with auth.test once, at start-up', () => {
    expect(slack.mode).toBe('http');
    expect(slack.bot).toEqual({ teamId: 'T0FAKE', botUserId: 'U0BOT', botId: 'B0BOT' });
    expect(fake.callsOf('auth.test').length).toBeGreaterThan(0);
  });

  describe('when Slack verifies the events URL', () => {
    it('answers the url_verification challenge', async () => {
      const response = await send('/slack/events', { json: { type: 'url_verification', token: 'legacy', challenge: 'c-123' } });
      expect(response.status).toBe(200);
      expect(JSON.parse(response.text)).toEqual({ challenge: 'c-123' });
    });
  });

  describe('when an agent replies in a handoff thread', () => {
    it('hands the reply to onThreadMessage once, with its thread and ts', async () => {
      const response = await send('/slack/events', threadReply());
      expect(response.status).toBe(200);
      expect(handlers.messages).toEqual([
        { teamId: 'T0FAKE', channel: 'C0AGENTS', threadTs: '1700000000.000100', ts: '1700000100.000200', userId: 'U0AGENT', text: 'Hola, ya lo miro', isNote: false },
      ]);
    });

    it('marks a reply starting with note: as internal', async () => {
      await send('/slack/events', threadReply({ text: 'note: refund approved by finance' }));
      expect(handlers.messages[0]).toMatchObject({ isNote: true, text: 'refund approved by finance' });
    });

    it.each([
      ['a bot message (our own relay)', { bot_id: 'B0BOT', user: 'U0BOT', subtype: 'bot_message' }],
      ['an edit', { subtype: 'message_changed' }],
      ['a top-level channel message', { thread_ts: undefined }],
      ['the thread root itself', { thread_ts: '1700000100.000200' }],
    ])('ignores %s', async (_label, overrides) => {
      const response = await send('/slack/events', threadReply(overrides));
      expect(response.status).toBe(200);
      expect(handlers.messages).toEqual([]);
    });
  });

  describe('when Slack retries an event (X-Slack-Retry-Num)', () => {
    it('lets only the first delivery through and acknowledges the retries', async () => {
      const event = threadReply({}, 'EvRetried');
      const statuses = [];
      statuses.push((await send('/slack/events', event)).status);
      statuses.push((await send('/slack/events', event, { retryNum: 1 })).status);
      statuses.push((await send('/slack/events', event, { retryNum: 2 })).status);
      expect(statuses).toEqual([200, 200, 200]);
      expect(handlers.messages).toHaveLength(1);
    });

    it('lets the retry through when the handler failed the first time, and then no more', async () => {
      const event = threadReply({ text: 'after the outage' }, 'EvFailedOnce');
      handlers.failures = 1;
      expect((await send('/slack/events', event)).status).toBe(500);
      expect(handlers.messages).toEqual([]);
      expect((await send('/slack/events', event, { retryNum: 1 })).status).toBe(200);
      expect((await send('/slack/events', event, { retryNum: 2 })).status).toBe(200);
      expect(handlers.messages.map((m) => m.text)).toEqual(['after the outage']);
    });

    it('answers 500 when the handler is too slow, and the retry finds it done once it finished', async () => {
      const event = threadReply({ text: 'slow' }, 'EvSlow');
      handlers.delayMs = 600;
      expect((await send('/slack/events', event)).status).toBe(500);
      // While the first delivery is still being handled, a retry must not run it a second time.
      expect((await send('/slack/events', event, { retryNum: 1 })).status).toBe(500);
      await waitFor(() => handlers.messages.length === 1);
      handlers.delayMs = 0;
      expect((await send('/slack/events', event, { retryNum: 2 })).status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 700));
      expect(handlers.messages.map((m) => m.text)).toEqual(['slow']);
    });
  });

  describe('when the signature is not Slack\'s', () => {
    const now = () => Math.floor(Date.now() / 1000);
    it.each([
      ['a forged signature', { signingSecret: 'not-the-secret' }],
      ['a timestamp older than 5 minutes', { timestampSeconds: now() - 301 }],
      ['no signature headers', { signingSecret: null }],
    ])('answers 401 to %s and handles nothing', async (_label, options) => {
      const event = threadReply({}, `EvForged-${_label}`);
      expect((await send('/slack/events', event, options)).status).toBe(401);
      expect((await send('/slack/actions', buttonClick('handoff_claim'), options)).status).toBe(401);
      expect((await send('/slack/commands', slashCommand('list'), options)).status).toBe(401);
      expect(handlers.messages).toEqual([]);
      expect(handlers.actions).toEqual([]);
      expect(handlers.commands).toEqual([]);
      // Nothing was remembered either: the genuine delivery of the same event still goes through.
      expect((await send('/slack/events', event)).status).toBe(200);
      expect(handlers.messages).toHaveLength(1);
    });
  });

  describe('when an agent clicks a handoff control', () => {
    it('hands Claim to onAction with the conversation from the actions block', async () => {
      const response = await send('/slack/actions', buttonClick('handoff_claim'));
      expect(response.status).toBe(200);
      expect(handlers.actions).toEqual([
        { type: 'claim', conversationId: 'conv-42', userId: 'U0AGENT', teamId: 'T0FAKE', channel: 'C0AGENTS', messageTs: '1700000000.000100' },
      ]);
    });

    it('passes the channel chosen in the Transfer menu as the value', async () => {
      await send('/slack/actions', buttonClick('handoff_transfer', { type: 'channels_select', selected_channel: 'C0BILLING', value: undefined }));
      expect(handlers.actions).toEqual([expect.objectContaining({ type: 'transfer', conversationId: 'conv-42', value: 'C0BILLING' })]);
    });

    it('handles a redelivered click (same trigger_id) once', async () => {
      const click = buttonClick('handoff_resolve', {}, 'trigger-same');
      expect((await send('/slack/actions', click)).status).toBe(200);
      expect((await send('/slack/actions', click)).status).toBe(200);
      expect(handlers.actions.map((a) => a.type)).toEqual(['resolve']);
    });
  });

  describe('when an agent types a slash command', () => {
    it('hands it to onCommand and shows its answer only to that agent', async () => {
      handlers.commandReply = '2 conversations wait for an agent';
      const response = await send('/slack/commands', slashCommand('  list  '));
      expect(response.status).toBe(200);
      expect(JSON.parse(response.text)).toEqual({ response_type: 'ephemeral', text: '2 conversations wait for an agent' });
      expect(handlers.commands).toEqual([
        { command: '/handoff', text: 'list', userId: 'U0AGENT', teamId: 'T0FAKE', channel: 'C0AGENTS', triggerId: expect.any(String) },
      ]);
    });
  });

  describe('when mounted before the JSON body parser', () => {
    it('leaves the other routes their parsed JSON bodies', async () => {
      const response = await fetch(`${base}/api/echo`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"a":1}' });
      expect(await response.json()).toEqual({ a: 1 });
    });
  });
});

describe('createSlackApp', () => {
  let fake: FakeSlack;
  let redis: Redis;
  const handlers = new RecordingHandlers();
  beforeAll(async () => {
    fake = await new FakeSlack({ botToken: BOT_TOKEN }).start();
    redis = new Redis(REDIS_URL);
  });
  afterAll(async () => {
    await fake.stop();
    await redis.quit();
  });

  describe('when the bot token is wrong', () => {
    it('fails start-up naming SLACK_BOT_TOKEN', async () => {
      const building = createSlackApp(
        { botToken: 'xoxb-revoked', signingSecret: SIGNING_SECRET, socketMode: false, appToken: '', apiUrl: fake.apiUrl },
        { handlers, dedup: new DeliveryDedup(redis, uniquePrefix('slack')), logger },
      );
      await expect(building).rejects.toBeInstanceOf(SlackPermanentError);
      await expect(building).rejects.toThrow(/invalid_auth.*SLACK_BOT_TOKEN/);
    });
  });

  describe('when mounted after express.json()', () => {
    it('refuses Slack requests with a message saying how to mount it, instead of hanging', async () => {
      const slack = await createSlackApp(
        { botToken: BOT_TOKEN, signingSecret: SIGNING_SECRET, socketMode: false, appToken: '', apiUrl: fake.apiUrl },
        { handlers, dedup: new DeliveryDedup(redis, uniquePrefix('slack')), logger },
      );
      const app = express();
      app.use(express.json());
      if (slack.router) app.use(slack.router);
      let reported: unknown;
      app.use((error: unknown, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
        reported = error;
        res.status(500).end();
      });
      const server = createServer(app);
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;
      const response = await sendSlackRequest(url, threadReply(), { signingSecret: SIGNING_SECRET });
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      expect(response.status).toBe(500);
      expect(String(reported)).toContain('must be mounted before express.json()');
      expect(handlers.messages).toEqual([]);
    });
  });

  describe('when Socket Mode is configured', () => {
    it('builds a Socket Mode app with no HTTP routes (it connects only on start)', async () => {
      const slack = await createSlackApp(
        { botToken: BOT_TOKEN, signingSecret: '', socketMode: true, appToken: 'xapp-1-test', apiUrl: fake.apiUrl },
        { handlers, dedup: new DeliveryDedup(redis, uniquePrefix('slack')), logger },
      );
      expect(slack.mode).toBe('socket');
      expect(slack.router).toBeUndefined();
    });

    it('connects over a WebSocket and hands events, clicks and commands over once, acknowledging each', async () => {
      const socketFake = await new FakeSlack({ botToken: BOT_TOKEN, appToken: 'xapp-1-test' }).start();
      const slack = await createSlackApp(
        { botToken: BOT_TOKEN, signingSecret: '', socketMode: true, appToken: 'xapp-1-test', apiUrl: socketFake.apiUrl },
        { handlers, dedup: new DeliveryDedup(redis, uniquePrefix('slack')), logger },
      );
      try {
        await slack.start();
        expect(socketFake.socketConnections).toBe(1);
        const event = (threadReply({ text: 'Socket hello' }) as { json: unknown }).json;
        expect(await socketFake.sendEnvelope('events_api', event)).toMatchObject({ envelope_id: expect.any(String) });
        // The acknowledgement came only after the handler recorded the message (a crash before it loses nothing).
        expect(handlers.messages.map((m) => m.text)).toEqual(['Socket hello']);
        // Slack redelivers the same event (retry_attempt 1): acknowledged, not handled again.
        await socketFake.sendEnvelope('events_api', event, { retryAttempt: 1 });
        expect(handlers.messages.map((m) => m.text)).toEqual(['Socket hello']);
        await socketFake.sendEnvelope('interactive', (buttonClick('handoff_claim') as { payload: unknown }).payload);
        expect(handlers.actions).toEqual([expect.objectContaining({ type: 'claim', conversationId: 'conv-42' })]);
        await socketFake.sendEnvelope('slash_commands', slashCommand('list').form);
        expect(handlers.commands).toEqual([expect.objectContaining({ text: 'list' })]);
      } finally {
        await slack.stop();
        // The client closes its WebSocket with a close handshake; let the fake answer it before it goes away.
        await waitFor(() => socketFake.openSockets() === 0, 5000);
        await socketFake.stop();
      }
    });
    it('leaves an event unacknowledged when its handler fails, so Slack redelivers it and it is handled then', async () => {
      const socketFake = await new FakeSlack({ botToken: BOT_TOKEN, appToken: 'xapp-1-test' }).start();
      const slack = await createSlackApp(
        { botToken: BOT_TOKEN, signingSecret: '', socketMode: true, appToken: 'xapp-1-test', apiUrl: socketFake.apiUrl },
        { handlers, dedup: new DeliveryDedup(redis, uniquePrefix('slack')), logger },
      );
      const before = handlers.messages.length;
      try {
        await slack.start();
        const event = (threadReply({ text: 'Socket after failure' }) as { json: unknown }).json;
        handlers.failures = 1;
        await expect(socketFake.sendEnvelope('events_api', event, { timeoutMs: 1500 })).rejects.toThrow(/no acknowledgement/);
        expect(handlers.messages.length).toBe(before);
        expect(await socketFake.sendEnvelope('events_api', event, { retryAttempt: 1 })).toMatchObject({ envelope_id: expect.any(String) });
        expect(handlers.messages.slice(before).map((m) => m.text)).toEqual(['Socket after failure']);
      } finally {
        handlers.failures = 0;
        await slack.stop();
        await waitFor(() => socketFake.openSockets() === 0, 5000);
        await socketFake.stop();
      }
    });
  });
});
