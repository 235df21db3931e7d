/**
 * Builds the WhatsApp Cloud API channel from the configuration: the webhook routes for the server process and the
 * delivery adapter for worker processes. Both are plain objects built from injected stores and clients; nothing is
 * kept at module level.
 */
import type { Kysely } from 'kysely';
import type { Router } from 'express';
import type { Logger } from 'pino';
import type { Config } from '../../../config';
import type { Database } from '../../../platform/database';
import type { WorkspaceStore } from '../../../platform/workspaces';
import type { ConversationStore } from '../../runtime/conversation-store';
import { DeliveryLog } from '../delivery-log';
import { ConversationFacts } from './conversation-facts';
import { GraphApiClient } from './graph-client';
import { MediaFetcher } from './media-fetcher';
import { MediaStore } from './media-store';
import { WhatsAppCloudAdapter } from './whatsapp-cloud-adapter';
import { WhatsAppWebhookHandler, type InboundSink } from './webhook-handler';
import { whatsAppWebhookRouter } from './webhook-routes';

/** The configuration sections the channel reads. */
export type WhatsAppCloudConfig = Pick<Config, 'whatsappCloud' | 'channels' | 'workspace'>;

/** The workspace slug is not a workspace: the configuration names one that does not exist. */
export class WhatsAppWorkspaceError extends Error {
  override readonly name = 'WhatsAppWorkspaceError';
}

/** What the server side needs. */
export interface WhatsAppCloudRoutesDeps {
  config: WhatsAppCloudConfig;
  db: Kysely<Database>;
  workspaces: Pick<WorkspaceStore, 'findBySlug'>;
  /** The platform's IngestService (persists, deduplicates, hands the turn on). */
  ingest: InboundSink;
  logger: Logger;
  /** The Graph API client; built from the configuration when absent. */
  graph?: GraphApiClient;
}

/** The server side of the channel. */
export interface WhatsAppCloudRoutes {
  /** `GET` and `POST /webhooks/whatsapp`; mount with `app.use(routes.router)` BEFORE `express.json()`. */
  router: Router;
  /** Checks the configured workspace exists, so a wrong WHATSAPP_CLOUD_WORKSPACE stops start-up with a clear error. */
  start(): Promise<void>;
}

/**
 * The webhook routes.
 * @example
 * const whatsapp = createWhatsAppCloudRoutes({ config, db: context.database.db, workspaces: context.workspaces, ingest, logger });
 * app.use(whatsapp.router); // before express.json()
 * await whatsapp.start();
 */
export function createWhatsAppCloudRoutes(deps: WhatsAppCloudRoutesDeps): WhatsAppCloudRoutes {
  const { config, logger } = deps;
  const settings = config.whatsappCloud;
  const graph = deps.graph ?? new GraphApiClient(settings);
  const slug = settings.workspace || config.workspace.defaultSlug;
  let workspaceId: Promise<string> | undefined;
  const resolveWorkspace = (): Promise<string> => {
    workspaceId ??= deps.workspaces.findBySlug(slug).then((workspace) => {
      if (!workspace) throw new WhatsAppWorkspaceError(`WhatsApp Cloud API: no workspace "${slug}"; set WHATSAPP_CLOUD_WORKSPACE to the slug of an existing workspace.`);
      return workspace.id;
    });
    // A failed lookup is not kept: the next webhook tries again (the workspace may be created meanwhile).
    workspaceId.catch(() => {
      workspaceId = undefined;
    });
    return workspaceId;
  };
  const handler = new WhatsAppWebhookHandler({
    phoneNumberId: settings.phoneNumberId,
    workspaceId: resolveWorkspace,
    ingest: deps.ingest,
    media: new MediaFetcher({ graph, store: new MediaStore(config.channels.mediaDir), maxBytes: config.channels.maxMediaBytes, logger }),
    deliveryLog: new DeliveryLog(deps.db),
    logger,
  });
  return {
    router: whatsAppWebhookRouter({ verifyToken: settings.verifyToken, appSecret: settings.appSecret, handler, logger }),
    async start() {
      await resolveWorkspace();
    },
  };
}

/** What the worker side needs. */
export interface WhatsAppCloudAdapterFactoryDeps {
  config: Pick<Config, 'whatsappCloud'>;
  db: Kysely<Database>;
  store: Pick<ConversationStore, 'getConversation'>;
  /** The Graph API client; built from the configuration when absent. */
  graph?: GraphApiClient;
  /** @defaultValue Date.now */
  now?: () => number;
}

/**
 * The delivery adapter to register in the worker's `ChannelDeliveryRegistry`.
 * @example
 * deliveries.register(createWhatsAppCloudAdapter({ config, db: context.database.db, store: context.store }));
 */
export function createWhatsAppCloudAdapter(deps: WhatsAppCloudAdapterFactoryDeps): WhatsAppCloudAdapter {
  return new WhatsAppCloudAdapter({
    settings: deps.config.whatsappCloud,
    graph: deps.graph ?? new GraphApiClient(deps.config.whatsappCloud),
    store: deps.store,
    deliveryLog: new DeliveryLog(deps.db),
    facts: new ConversationFacts(deps.db),
    ...(deps.now ? { now: deps.now } : {}),
  });
}
