/**
 * The WhatsApp Web channel in the process that holds the phone (the server with WHATSAPP_WEB_ENABLED): the
 * connection, the inbound handling, receipts, the consumer of the `whatsapp-web` send queue, and the status route.
 * Exactly one process may run it: a second browser on the same session would make WhatsApp close the first.
 */
import type { Queue, Worker, ConnectionOptions } from 'bullmq';
import type { Router } from 'express';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import type { Config } from '../../../config';
import type { ApiTokenStore } from '../../../platform/auth';
import type { WorkspaceStore } from '../../../platform/workspaces';
import type { ConversationStore } from '../../runtime/conversation-store';
import type { DeliveryLog } from '../delivery-log';
import { WHATSAPP_WEB_CHANNEL } from './capabilities';
import { WhatsAppConnection, type ReconnectBackoff } from './connection-manager';
import { registerConnectionMetric } from './connection-metric';
import { UnknownWorkspaceError } from './errors';
import { createImageLoader, type ImageLoader } from './image-loader';
import { WhatsAppWebInbound, type InboundIngest, type PhoneWorkspace } from './inbound-handler';
import { MediaStore } from './media-store';
import { receiptStatus } from './receipts';
import { SendRateLimiter } from './send-rate';
import { startWhatsAppWebSendWorker, type WhatsAppWebSendJobData } from './send-queue';
import { WhatsAppWebSender } from './sender';
import { createWhatsAppClientFactory, type WhatsAppClientFactory } from './whatsapp-client';
import { whatsAppWebStatusRoutes } from './status-routes';

/** Dependencies of {@link createWhatsAppWebRoutes}. */
export interface WhatsAppWebChannelDeps {
  settings: Config['whatsappWeb'];
  channels: Config['channels'];
  /** `workspace.defaultSlug`, used when `whatsappWeb.workspace` is empty. */
  defaultWorkspaceSlug: string;
  workspaces: Pick<WorkspaceStore, 'findBySlug'>;
  tokens: ApiTokenStore;
  store: ConversationStore;
  /** Production: the server's `IngestService`. */
  ingest: InboundIngest;
  deliveryLog: DeliveryLog;
  /** The `whatsapp-web` queue (openWhatsAppWebQueue). */
  queue: Pick<Queue<WhatsAppWebSendJobData>, 'rateLimit'>;
  /** A dedicated (blocking) Redis connection for the queue's consumer. */
  workerConnection: ConnectionOptions;
  redisKeyPrefix: string;
  /** The process's metrics registry, for `pgdesk_whatsapp_web_state`. */
  metricsRegistry?: Registry;
  logger: Logger;
  /** Tests: a fake client instead of WhatsApp Web in Chromium. */
  createClient?: WhatsAppClientFactory;
  /** Tests: images from elsewhere. */
  loadImage?: ImageLoader;
  /** Tests: faster reconnects. */
  backoff?: Partial<ReconnectBackoff>;
  /** Tests: how long send jobs wait while the phone is not connected. */
  notReadyRetryMs?: number;
}

/** The running channel, as the server mounts and starts it. */
export interface WhatsAppWebChannel {
  /** The status route (mounted after `express.json`, like the rest of the API). */
  router: Router;
  /** Resolves the workspace, starts the browser (returns before the phone is linked) and the send queue's consumer. */
  start(): Promise<void>;
  /** Stops the consumer (waiting for the message being sent), the inbound handling and the browser. */
  stop(): Promise<void>;
  connection: WhatsAppConnection;
  inbound: () => WhatsAppWebInbound | undefined;
}

/**
 * Builds the channel for the server process.
 *
 * @example
 * const whatsappWeb = createWhatsAppWebRoutes({ settings: config.whatsappWeb, channels: config.channels, ... });
 * app.use(whatsappWeb.router);
 * describeWhatsAppWebRoutes(api);
 * await whatsappWeb.start();
 */
export function createWhatsAppWebRoutes(deps: WhatsAppWebChannelDeps): WhatsAppWebChannel {
  const { logger } = deps;
  const connection = new WhatsAppConnection({
    createClient: deps.createClient ?? createWhatsAppClientFactory(deps.settings),
    logger,
    ...(deps.backoff ? { backoff: deps.backoff } : {}),
  });
  if (deps.metricsRegistry) registerConnectionMetric(deps.metricsRegistry, connection);
  let workspace: PhoneWorkspace | undefined;
  let inbound: WhatsAppWebInbound | undefined;
  let worker: Worker<WhatsAppWebSendJobData> | undefined;
  const unsubscribe: Array<() => void> = [];

  const sender = new WhatsAppWebSender({
    client: () => connection.readyClient(),
    state: () => connection.status().state,
    deliveryLog: deps.deliveryLog,
    conversations: deps.store,
    loadImage: deps.loadImage ?? createImageLoader({ maxBytes: deps.channels.maxMediaBytes }),
    typingMsPerChar: deps.settings.typingMsPerChar,
    rateLimiter: new SendRateLimiter(deps.settings.maxPerMinute),
    logger,
  });

  return {
    router: whatsAppWebStatusRoutes({ tokens: deps.tokens, connection, workspaceId: () => workspace?.id }),
    connection,
    inbound: () => inbound,
    async start() {
      const slug = deps.settings.workspace || deps.defaultWorkspaceSlug;
      const row = await deps.workspaces.findBySlug(slug);
      if (!row) throw new UnknownWorkspaceError(slug);
      workspace = { id: row.id };
      const handler = new WhatsAppWebInbound({
        workspace,
        allowGroups: deps.settings.allowGroups,
        ingest: deps.ingest,
        media: new MediaStore(deps.channels.mediaDir, deps.channels.maxMediaBytes),
        logger,
      });
      inbound = handler;
      unsubscribe.push(
        connection.on('message', (message) => {
          void handler.handle(message);
        }),
        connection.on('receipt', (message, ack) => {
          const status = receiptStatus(ack);
          if (!status || !message.id.fromMe) return;
          deps.deliveryLog
            .recordStatus(WHATSAPP_WEB_CHANNEL, message.id._serialized, status, status === 'failed' ? 'WhatsApp reported the message as not sent' : undefined)
            .catch((error: unknown) => logger.warn({ err: error, providerMessageId: message.id._serialized }, 'receipt not recorded'));
        }),
      );
      worker = startWhatsAppWebSendWorker({
        connection: deps.workerConnection,
        redisKeyPrefix: deps.redisKeyPrefix,
        queue: deps.queue,
        store: deps.store,
        sender,
        maxPerMinute: deps.settings.maxPerMinute,
        logger,
        ...(deps.notReadyRetryMs !== undefined ? { notReadyRetryMs: deps.notReadyRetryMs } : {}),
      });
      await worker.waitUntilReady();
      connection.start();
      logger.info({ workspace: slug, sessionDir: deps.settings.sessionDir }, 'WhatsApp Web channel started');
    },
    async stop() {
      // The message being sent finishes first; then no new message arrives, and the ones received are stored.
      await worker?.close();
      await connection.stop();
      await inbound?.drain();
      for (const off of unsubscribe.splice(0)) off();
    },
  };
}
