/**
 * The WhatsApp Cloud API channel wired for tests: a real SQLite database (migrated), the real conversation store,
 * the real webhook routes on a loopback HTTP server, the real adapter, and the fake Graph API. Shopper messages go to
 * a sink that records every hand-over and persists it through the store, dropping duplicates as ingest does.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import pino from 'pino';
import { loadConfig, type Config } from '../../../../config';
import { DeliveryLog } from '../../../../bots/channels/delivery-log';
import { createWhatsAppCloudAdapter, createWhatsAppCloudRoutes, WHATSAPP_WEBHOOK_PATH, type WhatsAppCloudAdapter, type WhatsAppCloudRoutes } from '../../../../bots/channels/whatsapp-cloud';
import { ConversationStore, type AcceptResult, type InboundMessage } from '../../../../bots/runtime/conversation-store';
import { migrateToLatest, openDatabase, type DatabaseHandle } from '../../../../platform/database';
import { errorHandler } from '../../../../platform/http/errors';
import { WorkspaceStore, type Workspace } from '../../../../platform/workspaces';
import { createSqliteDatabase, type TestDatabase } from '../../../support/databases';
import { FakeGraphApi } from '../../../support/fake-graph-api';

export const TOKEN = 'EAAG-test-access-token';
export const PHONE_NUMBER_ID = '106540352242922';
export const APP_SECRET = 'test-app-secret';
export const VERIFY_TOKEN = 'test-verify-token';

/** A running channel. */
export interface ChannelFixture {
  config: Config;
  graph: FakeGraphApi;
  handle: DatabaseHandle;
  store: ConversationStore;
  deliveryLog: DeliveryLog;
  workspace: Workspace;
  routes: WhatsAppCloudRoutes;
  adapter: WhatsAppCloudAdapter;
  /** Full URL of the webhook. */
  webhookUrl: string;
  mediaDir: string;
  /** Every message handed to ingest, in order (duplicates included). */
  ingested: InboundMessage[];
  /** Moves the adapter's clock (the 24-hour window). */
  setNow(now: number): void;
  close(): Promise<void>;
}

/** Starts the channel. `settings` override `whatsappCloud` / `channels` keys. */
export async function startChannelFixture(
  settings: { whatsappCloud?: Record<string, unknown>; channels?: Record<string, unknown>; workspaceSlug?: string } = {},
): Promise<ChannelFixture> {
  const graph = await new FakeGraphApi({ accessToken: TOKEN, phoneNumberId: PHONE_NUMBER_ID }).start();
  const database: TestDatabase = await createSqliteDatabase();
  const handle = openDatabase(database.url);
  await migrateToLatest(handle.db as never);
  const store = new ConversationStore(handle.db, 'sqlite');
  const workspaces = new WorkspaceStore(handle.db);
  const workspace = (await workspaces.ensure({ slug: 'wa-shop', name: 'Trail Shop', defaultLanguage: 'en' })).workspace;
  const mediaDir = mkdtempSync(join(tmpdir(), 'wa-media-'));
  const config = loadConfig({
    env: {},
    overrides: {
      workspace: { defaultSlug: 'wa-shop' },
      channels: { mediaDir, ...settings.channels },
      whatsappCloud: {
        enabled: true,
        workspace: settings.workspaceSlug ?? '',
        phoneNumberId: PHONE_NUMBER_ID,
        accessToken: TOKEN,
        appSecret: APP_SECRET,
        verifyToken: VERIFY_TOKEN,
        graphApiUrl: graph.url,
        graphApiVersion: graph.version,
        ...settings.whatsappCloud,
      },
    },
  });
  const ingested: InboundMessage[] = [];
  const sink = {
    async ingest(message: InboundMessage): Promise<AcceptResult> {
      ingested.push(message);
      const conversation = await store.resolveConversation({ workspaceId: message.workspaceId, channel: message.channel, conversationKey: message.conversationKey, sender: message.sender, now: message.receivedAt });
      return store.acceptInbound(message, conversation);
    },
  };
  const logger = pino({ level: 'silent' });
  const routes = createWhatsAppCloudRoutes({ config, db: handle.db, workspaces, ingest: sink, logger });
  let now: number | undefined;
  const adapter = createWhatsAppCloudAdapter({ config, db: handle.db, store, now: () => now ?? Date.now() });
  const app = express();
  app.use(routes.router);
  app.use(express.json());
  app.use(errorHandler(logger));
  const server: Server = await new Promise((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  const port = (server.address() as AddressInfo).port;
  return {
    config,
    graph,
    handle,
    store,
    deliveryLog: new DeliveryLog(handle.db),
    workspace,
    routes,
    adapter,
    webhookUrl: `http://127.0.0.1:${port}${WHATSAPP_WEBHOOK_PATH}`,
    mediaDir,
    ingested,
    setNow(value: number) {
      now = value;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await graph.stop();
      await handle.close();
      await database.drop();
      rmSync(mediaDir, { recursive: true, force: true });
    },
  };
}
