/**
 * The Slack app (Bolt) that carries the human handoff: thread replies, button clicks and slash commands from the
 * agents' Slack reach {@link SlackHandoffHandlers} exactly once, after Slack's signature check.
 *
 * HTTP mode (production): an express router with `POST /slack/events`, `/slack/commands`, `/slack/actions`,
 * mounted on the platform's server before its JSON body parser, since the signature covers the raw bytes.
 * Socket Mode (local development, no public URL): the app opens a WebSocket to Slack and needs no route.
 *
 * Every delivery is acknowledged only after its handler returned ("persisted before acknowledged"): a handler
 * that throws, or takes longer than Slack's 3-second window allows, answers 500 and Slack's retry is let through;
 * a retry of a delivery that was handled is acknowledged without reaching the handlers again.
 */
import { App, ExpressReceiver, LogLevel, SocketModeReceiver, type Logger as BoltLogger, type Middleware, type AnyMiddlewareArgs, type ReceiverEvent } from '@slack/bolt';
import { Router, type NextFunction, type Request, type Response } from 'express';
import type { Logger } from 'pino';
import type { Config } from '../../../config';
import type { DeliveryDedup } from './delivery-dedup';
import { deliveryKey, toHandoffAction, toSlashCommand, toThreadMessage } from './slack-payloads';
import type { SlackHandoffHandlers } from './slack-types';
import { classifySlackError } from './slack-errors';
import { createSlackWebClient, withTrailingSlash } from './slack-web-client';

/** The HTTP paths Slack is configured to call (Event Subscriptions, Slash Commands, Interactivity). */
export const SLACK_PATHS = { events: '/slack/events', commands: '/slack/commands', actions: '/slack/actions' } as const;

/** The settings the app reads: `config.slack`. */
export type SlackAppSettings = Pick<Config['slack'], 'botToken' | 'signingSecret' | 'socketMode' | 'appToken' | 'apiUrl'>;

/** What the app is built from. */
export interface SlackAppDeps {
  handlers: SlackHandoffHandlers;
  dedup: DeliveryDedup;
  logger: Logger;
  /**
   * Longest a handler may take before Slack is answered 500 (and retries). Slack gives up after 3 s.
   * @defaultValue 2500
   */
  handlerTimeoutMs?: number;
}

/** The bot's identity in its workspace, from `auth.test`. */
export interface SlackBotIdentity {
  teamId: string;
  botUserId: string;
  botId: string;
}

/** A built Slack app. */
export interface SlackTransport {
  mode: 'http' | 'socket';
  /** The Bolt app (tests and the handoff domain may use `app.client`). */
  app: App;
  bot: SlackBotIdentity;
  /** HTTP mode: the routes to mount with `app.use(transport.router)` before any body parser. Socket Mode: undefined. */
  router?: Router;
  /** Socket Mode: opens the WebSocket. HTTP mode: nothing to do. */
  start(): Promise<void>;
  /** Socket Mode: closes the WebSocket. HTTP mode: nothing to do. */
  stop(): Promise<void>;
}

/** The Slack route was mounted after a body parser, so the raw bytes the signature covers are gone. */
export class SlackMountOrderError extends Error {
  override readonly name = 'SlackMountOrderError';
  constructor() {
    super('The Slack routes must be mounted before express.json() / express.urlencoded(): Slack signs the raw request body.');
  }
}

/** The handler did not finish within the time Slack waits; Slack is answered 500 and retries. */
export class SlackHandlerTimeoutError extends Error {
  override readonly name = 'SlackHandlerTimeoutError';
}

/** Another request is handling this delivery; Slack is answered 500 so it retries after that one settles. */
export class SlackDeliveryInFlightError extends Error {
  override readonly name = 'SlackDeliveryInFlightError';
}

/**
 * Builds the app: checks the bot token with `auth.test` (failing start-up with a fix when it is wrong), then wires
 * dedup, the handlers and the receiver for the configured mode.
 *
 * @throws SlackPermanentError when Slack rejects the token; SlackRetryableError when Slack cannot be reached.
 * @example
 * const slack = await createSlackApp(config.slack, { handlers, dedup: new DeliveryDedup(redis, prefix), logger });
 * if (slack.router) app.use(slack.router); // before express.json()
 * await slack.start();
 */
export async function createSlackApp(settings: SlackAppSettings, deps: SlackAppDeps): Promise<SlackTransport> {
  const logger = boltLogger(deps.logger.child({ component: 'slack' }));
  const bot = await identify(settings);
  const clientOptions = { slackApiUrl: withTrailingSlash(settings.apiUrl), retryConfig: { retries: 0 }, rejectRateLimitedCalls: true };
  const identity = { token: settings.botToken, botId: bot.botId, botUserId: bot.botUserId, tokenVerificationEnabled: false };

  let app: App;
  let router: Router | undefined;
  if (settings.socketMode) {
    // The receiver hands `installerOptions.clientOptions` to its SocketModeClient (not in its types): that is how
    // `apps.connections.open` reaches SLACK_API_URL rather than slack.com.
    const receiver = new AckAfterHandlingSocketReceiver({ appToken: settings.appToken, logger, installerOptions: { clientOptions: { slackApiUrl: clientOptions.slackApiUrl } } as never });
    app = new App({ ...identity, clientOptions, logger, receiver });
  } else {
    router = Router();
    router.post(Object.values(SLACK_PATHS), refuseParsedBodies);
    const receiver = new ExpressReceiver({
      signingSecret: settings.signingSecret,
      endpoints: SLACK_PATHS,
      router,
      logger,
      // Answer Slack only once the handler has recorded the delivery; a failure becomes a 500 and a retry.
      processBeforeResponse: true,
    });
    app = new App({ ...identity, clientOptions, logger, receiver });
  }

  app.use(dedupMiddleware(deps.dedup, deps.handlerTimeoutMs ?? 2500, deps.logger));
  registerListeners(app, deps.handlers);
  app.error(async (error) => {
    deps.logger.warn({ err: error }, 'slack delivery failed; Slack will retry it');
    // Rethrown so the receiver answers 500 (HTTP) or leaves the envelope unacknowledged (Socket Mode).
    throw error;
  });

  return {
    mode: settings.socketMode ? 'socket' : 'http',
    app,
    bot,
    ...(router ? { router } : {}),
    async start() {
      if (settings.socketMode) await app.start();
    },
    async stop() {
      if (settings.socketMode) await app.stop();
    },
  };
}

/**
 * Socket Mode with the same promise as HTTP mode's `processBeforeResponse`: Bolt acknowledges Events API envelopes
 * before any middleware runs, so a crash between that acknowledgement and the handler's record would lose the agent's
 * reply (Slack does not redeliver an acknowledged envelope). Here every acknowledgement, whoever calls it, is held
 * until the app has handled the envelope; a failure leaves it unacknowledged and Slack redelivers it.
 */
class AckAfterHandlingSocketReceiver extends SocketModeReceiver {
  override init(app: App): void {
    const deferring = {
      processEvent: async (event: ReceiverEvent): Promise<void> => {
        let response: { given: boolean; body?: unknown } = { given: false };
        await app.processEvent({
          ...event,
          ack: async (body?: unknown) => {
            if (!response.given) response = { given: true, body };
          },
        });
        if (response.given) await event.ack(response.body as never);
      },
    };
    super.init(deferring as unknown as App);
  }
}

async function identify(settings: SlackAppSettings): Promise<SlackBotIdentity> {
  try {
    const result = await createSlackWebClient(settings).auth.test();
    if (!result.team_id || !result.user_id || !result.bot_id) throw new Error('auth.test: SLACK_BOT_TOKEN is not a bot token (no bot_id)');
    return { teamId: result.team_id, botUserId: result.user_id, botId: result.bot_id };
  } catch (error) {
    throw classifySlackError(error, 'auth.test');
  }
}

function refuseParsedBodies(req: Request, _res: Response, next: NextFunction): void {
  // Express 5 leaves req.body undefined until a parser runs; a parsed body means the raw stream was consumed.
  next(req.body === undefined ? undefined : new SlackMountOrderError());
}

function dedupMiddleware(dedup: DeliveryDedup, timeoutMs: number, logger: Logger): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    const key = deliveryKey(args.body);
    if (!key) return args.next();
    const claim = await dedup.claim(key);
    if (claim === 'done') {
      // Events were acknowledged by Bolt already; clicks and commands must be, or Slack shows the agent an error.
      const { ack } = args as { ack?: () => Promise<void> };
      await ack?.();
      return;
    }
    if (claim === 'in_flight') throw new SlackDeliveryInFlightError(`Slack delivery ${key} is being handled by another request`);
    const work = args.next();
    const settled = work.then(
      () => dedup.complete(key),
      () => dedup.release(key),
    );
    try {
      await withinDeadline(work, timeoutMs, key);
    } catch (error) {
      if (!(error instanceof SlackHandlerTimeoutError)) await settled;
      else {
        // Slack is answered 500 now; the outcome is still recorded when the handler settles, so the retry that
        // follows finds the delivery done (or released) instead of running it twice.
        settled.catch((recordError: unknown) => logger.error({ err: recordError, key }, 'could not record a slow Slack delivery'));
      }
      throw error;
    }
    await settled;
  };
}

async function withinDeadline(work: Promise<void>, timeoutMs: number, key: string): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new SlackHandlerTimeoutError(`Slack delivery ${key} took over ${timeoutMs} ms; handlers must only record input`)), timeoutMs);
  });
  try {
    await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

function registerListeners(app: App, handlers: SlackHandoffHandlers): void {
  app.event('message', async ({ body }) => {
    const message = toThreadMessage(body);
    if (message) await handlers.onThreadMessage(message);
  });
  app.action(/^handoff_(claim|resolve|transfer)$/, async ({ ack, body }) => {
    const action = toHandoffAction(body);
    if (action) await handlers.onAction(action);
    await ack();
  });
  app.command(/^\//, async ({ ack, body }) => {
    const command = toSlashCommand(body);
    const reply = command ? await handlers.onCommand(command) : undefined;
    await ack(reply ? { response_type: 'ephemeral', text: reply } : undefined);
  });
}

/** Bolt's logger interface over the platform's pino logger (Bolt's own level setting is ignored). */
function boltLogger(logger: Logger): BoltLogger {
  return {
    debug: (...msg: unknown[]) => logger.debug(msg.map(String).join(' ')),
    info: (...msg: unknown[]) => logger.info(msg.map(String).join(' ')),
    warn: (...msg: unknown[]) => logger.warn(msg.map(String).join(' ')),
    error: (...msg: unknown[]) => logger.error(msg.map(String).join(' ')),
    setLevel: () => undefined,
    getLevel: () => LogLevel.INFO,
    setName: () => undefined,
  };
}
