/**
 * The server role: one HTTP server carrying the web widget (script, demo page, socket), the admin REST API, health
 * and metrics. Holds no state another process needs: sockets fan out through Redis, everything else is in the
 * database.
 */
import { createServer, type Server as HttpServer } from 'node:http';
import bytes from 'bytes';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { createAdapter } from '@socket.io/redis-adapter';
import express from 'express';
import { Server as SocketServer } from 'socket.io';
import { conversationRoutes, describeConversationRoutes } from '../../bots/api/conversation-routes';
import { attachWebchat } from '../../bots/channels/webchat/socket-server';
import { describeWidgetRoutes, widgetRoutes } from '../../bots/channels/webchat/widget-routes';
import { IngestService, type LocalTurnRunner } from '../../bots/runtime/ingest';
import { describeNluRoutes, nluRoutes } from '../../bots/api/nlu-routes';
import { createWhatsAppCloudRoutes, describeWhatsAppCloudRoutes } from '../../bots/channels/whatsapp-cloud';
import { createSlackApp, DeliveryDedup } from '../../bots/channels/slack';
import { DeliveryLog } from '../../bots/channels/delivery-log';
import { createBotFrameworkRoutes, describeBotFrameworkRoutes } from '../../bots/channels/botframework';
import { createWhatsAppWebRoutes, describeWhatsAppWebRoutes, openWhatsAppWebQueue, type WhatsAppClientFactory } from '../../bots/channels/whatsapp-web';
import { CatalogImporter, commerceRoutes } from '../../commerce';
import { describeCommerceRoutes } from '../../commerce/commerce-routes';
import { helpPages } from '../../knowledge/api/help-pages';
import { knowledgeRoutes } from '../../knowledge/api/knowledge-routes';
import { describeTokenRoutes, tokenRoutes } from '../auth/token-routes';
import { createRiskScoreFastPath, describeRiskRoutes, riskRoutes } from '../../risk';
import { createClickRoutes, describeClickRoutes } from '../../recommender/api/click-routes';
import { describeWorkspaceRoutes, workspaceRoutes } from '../workspaces/workspace-routes';
import { ApiCatalogue } from '../http/openapi';
import { QUEUE_DASHBOARD_PATH, queueDashboard, requireAdminForDashboard } from '../http/queue-dashboard';
import { errorHandler, HttpError } from '../http/errors';
import { healthRoutes } from '../http/health-routes';
import { webAssetsDir } from '../paths';
import type { PlatformContext } from './context';

/** A running server. */
export interface RunningServer {
  /** The express app (tests walk its routes). */
  app: express.Express;
  /** The OpenAPI document served at `/api/openapi.json`. */
  openApi: Record<string, unknown>;
  http: HttpServer;
  io: SocketServer;
  /** Base URL, e.g. `http://127.0.0.1:3000`. */
  url: string;
  port: number;
  /** Stops accepting, closes sockets and waits for in-flight requests. */
  close(): Promise<void>;
}

/** Key of Socket.IO's Redis channels; the worker's emitter must use the same. */
export function socketIoKey(redisKeyPrefix: string): string {
  return `${redisKeyPrefix}:sio`;
}

/** Starts the HTTP server on `server.host:server.port`. */
export async function startServer(
  context: PlatformContext,
  options: {
    webAssetsDir?: string;
    localTurns?: LocalTurnRunner;
    /** Builds the whatsapp-web.js Client (tests pass a fake that behaves like it). */
    whatsAppWebClientFactory?: WhatsAppClientFactory;
  } = {},
): Promise<RunningServer> {
  const { config, logger } = context;
  let accepting = true;
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.server.trustProxy);
  // Slack signs the raw body: its routes go before the JSON parser (bots/channels/slack/slack-app.ts).
  const slack =
    config.slack.enabled && context.handoff
      ? await createSlackApp(config.slack, {
          handlers: context.handoff.slackHandlers(),
          dedup: new DeliveryDedup(context.redis, config.redis.keyPrefix),
          logger,
        })
      : undefined;
  if (slack?.router) app.use(slack.router);
  // Every channel hands its messages to the same ingest (persisted before the channel is acknowledged).
  const ingest = new IngestService(context.store, context.queues.inbound, context.metrics, options.localTurns, logger);
  // WhatsApp Cloud API: Meta signs the raw body too, so its webhook goes before the JSON parser as well.
  const whatsappCloud = config.whatsappCloud.enabled
    ? createWhatsAppCloudRoutes({ config, db: context.database.db, workspaces: context.workspaces, ingest, logger })
    : undefined;
  if (whatsappCloud) {
    await whatsappCloud.start();
    app.use(whatsappCloud.router);
  }
  // The recommender's events intake and imports parse their own bodies (limits of their own, CSV and gzip uploads):
  // mounted before the JSON parser, whose small limit would refuse them first.
  const api = new ApiCatalogue();
  const catalogImporter = new CatalogImporter(context.database.db);
  const recommender = context.recommender?.routes({
    tokens: context.tokens,
    catalogImporter,
    webAssetsDir: options.webAssetsDir ?? webAssetsDir,
    training: context.queues.training,
    api,
  });
  if (recommender) app.use(recommender.rawRouter);
  // Knowledge-base imports carry whole folders of articles; everything else keeps the small limit.
  app.use('/api/knowledge/import', express.json({ limit: config.knowledge.importBodyLimit }));
  app.use(express.json({ limit: config.server.jsonBodyLimit }));
  // Risk scoring is on the stores' checkout path (p99 target 5 ms): mounted first, so its requests do not walk the
  // other routers (express runs every router mounted before it).
  if (context.risk) app.use(riskRoutes(context.risk.routeDeps(context.tokens, context.queues.training)));
  // WhatsApp through a linked phone: only the process with WHATSAPP_WEB_ENABLED holds the session and sends for all.
  const whatsappWebQueue = config.whatsappWeb.enabled ? openWhatsAppWebQueue(context.redis, config.redis.keyPrefix) : undefined;
  const whatsappWeb = whatsappWebQueue
    ? createWhatsAppWebRoutes({
        settings: config.whatsappWeb,
        channels: config.channels,
        defaultWorkspaceSlug: config.workspace.defaultSlug,
        workspaces: context.workspaces,
        tokens: context.tokens,
        store: context.store,
        ingest,
        deliveryLog: new DeliveryLog(context.database.db),
        queue: whatsappWebQueue,
        workerConnection: context.redisFactory.create('whatsapp-web-sender', { blocking: true }),
        redisKeyPrefix: config.redis.keyPrefix,
        metricsRegistry: context.metrics.registry,
        logger,
        ...(options.whatsAppWebClientFactory ? { createClient: options.whatsAppWebClientFactory } : {}),
      })
    : undefined;
  // Teams and other Bot Framework channels at /api/messages (Bot Connector tokens checked whenever an App ID is set).
  const botFramework = config.botFramework.enabled
    ? createBotFrameworkRoutes({
        settings: config.botFramework,
        defaultWorkspaceSlug: config.workspace.defaultSlug,
        workspaces: context.workspaces,
        conversations: context.store,
        db: context.database.db,
        ingest,
        maxMessageLength: config.chat.maxMessageLength,
        logger,
      })
    : undefined;
  if (botFramework) await botFramework.start();
  app.use(
    healthRoutes({ db: context.database.db as never, redis: context.redis, metrics: context.metrics, isAccepting: () => accepting }),
  );
  app.use(
    widgetRoutes({
      workspaces: context.workspaces,
      webAssetsDir: options.webAssetsDir ?? webAssetsDir,
      maxMessageLength: config.chat.maxMessageLength,
    }),
  );
  app.use(
    conversationRoutes({
      store: context.store,
      tokens: context.tokens,
      outbound: context.queues.outbound,
      maxMessageLength: config.chat.maxMessageLength,
    }),
  );
  if (whatsappWeb) app.use(whatsappWeb.router);
  if (botFramework) app.use(botFramework.router);
  app.use(tokenRoutes(context.tokens));
  app.use(workspaceRoutes({ workspaces: context.workspaces, tokens: context.tokens }));
  app.use(commerceRoutes({ store: context.commerce, importer: catalogImporter, tokens: context.tokens }));
  app.use(
    nluRoutes({
      tokens: context.tokens,
      examples: context.intentExamples,
      registry: context.models,
      training: context.queues.training,
      understanding: context.understanding,
      redis: context.redis,
      keyPrefix: config.redis.keyPrefix,
    }),
  );
  if (recommender) app.use(recommender.router);
  // Product cards in chat link to `/r/:token`: the click is recorded, then the shopper goes to the product page.
  if (context.recommender) {
    app.use(
      await createClickRoutes({
        services: context.recommender.services,
        redis: context.redis,
        keyPrefix: config.redis.keyPrefix,
        secret: config.recommender.clickSecret,
        logger,
      }),
    );
    describeClickRoutes(api);
  }
  // The admin web app (knowledge base editor): static files built by web/build.mjs; it talks to the REST API only.
  app.use('/admin', express.static(join(options.webAssetsDir ?? webAssetsDir, 'admin'), { index: 'index.html' }));
  describeWidgetRoutes(api);
  describeConversationRoutes(api);
  describeTokenRoutes(api);
  describeWorkspaceRoutes(api);
  describeCommerceRoutes(api);
  describeNluRoutes(api);
  if (context.risk) describeRiskRoutes(api);
  if (whatsappWeb) describeWhatsAppWebRoutes(api);
  if (botFramework) describeBotFrameworkRoutes(api);
  if (whatsappCloud) describeWhatsAppCloudRoutes(api);
  app.use(knowledgeRoutes(context.knowledge.routeDeps(context.tokens), api));
  app.use(helpPages({ store: context.knowledge.store, workspaces: context.workspaces }, api));
  api.describe({
    method: 'get',
    path: '/api/openapi.json',
    tag: 'meta',
    summary: 'This OpenAPI 3 document.',
    responses: { 200: { description: 'The document.' } },
  });
  const openApi = api.document({
    title: 'Polyglot Desk API',
    version: '0.1.0',
    description: 'Admin and agent REST API of the platform. Authenticate with `Authorization: Bearer <API token>`.',
  });
  app.get('/api/openapi.json', (_req, res) => {
    res.json(openApi);
  });
  app.use(
    QUEUE_DASHBOARD_PATH,
    requireAdminForDashboard(context.tokens),
    queueDashboard([
      context.queues.inbound,
      context.queues.outbound,
      context.queues.training,
      context.queues.knowledge,
      context.queues.handoff,
      ...(whatsappWebQueue ? [whatsappWebQueue] : []),
    ]),
  );
  app.use((req, _res, next) => next(new HttpError(404, 'not_found', `No route ${req.method} ${req.path}.`)));
  app.use(errorHandler(logger));

  // POST /api/risk/score goes straight to its node:http handler (risk/api/risk-score-endpoint.ts says why); every
  // other request, and any scoring call it does not take, goes to express.
  const riskFastPath = context.risk
    ? createRiskScoreFastPath({ tokens: context.tokens, service: context.risk.service, bodyLimitBytes: bytes.parse(config.server.jsonBodyLimit)!, logger })
    : undefined;
  const http = createServer(riskFastPath ? (req, res) => riskFastPath(req, res) || app(req, res) : app);
  const pub = context.redisFactory.create('socket-pub', { autoPipelining: true });
  const sub = context.redisFactory.create('socket-sub', { blocking: true });
  const io = new SocketServer(http, {
    // The widget runs on the stores' own domains; it sends no cookies, so any origin may connect.
    cors: { origin: true, credentials: false },
    // Room fan-out through Redis: a reply published by any worker reaches the socket on any server.
    adapter: createAdapter(pub, sub, { key: socketIoKey(config.redis.keyPrefix) }),
    // Largest message plus envelope: a client cannot make the server buffer megabytes.
    maxHttpBufferSize: 16_384 + config.chat.maxMessageLength * 4,
    serveClient: false,
  });
  const webchat = attachWebchat(io, {
    store: context.store,
    workspaces: context.workspaces,
    ingest,
    settings: config.chat,
    logger,
  });

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(config.server.port, config.server.host, () => resolve());
  });
  const { port } = http.address() as AddressInfo;
  const host = config.server.host === '0.0.0.0' ? '127.0.0.1' : config.server.host;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  logger.info({ url }, 'server listening');
  await slack?.start();
  await whatsappWeb?.start();
  // Without PUBLIC_URL, answers link to this server's own address (its real port, when started on port 0).
  if (!config.server.publicUrl) context.knowledge.setPublicUrl(url);
  return {
    app,
    openApi,
    http,
    io,
    url,
    port,
    async close() {
      accepting = false;
      await slack?.stop().catch(() => undefined);
      // io.close() disconnects sockets and closes the HTTP server; in-flight handlers finish their transactions.
      await new Promise<void>((resolve) => {
        io.close(() => resolve());
      });
      http.closeAllConnections();
      await whatsappWeb?.stop().catch(() => undefined);
      await whatsappWebQueue?.close().catch(() => undefined);
      // Messages already received finish being accepted (persisted and queued) before the process stops.
      await webchat.drain();
      // Events already accepted are written before the database closes.
      await recommender?.stop().catch((error: unknown) => logger.warn({ err: error }, 'recommender events could not be written at shutdown'));
    },
  };
}

