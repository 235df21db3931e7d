/**
 * What the Bot Framework tests share: a real SQLite database with the platform's stores, the real `/api/messages`
 * router on a loopback express server, the real adapter, a fake Bot Connector for the replies, and helpers to post
 * activities the way the Bot Connector does and to read back what reached it.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import pino from 'pino';
import type { Config } from '../../../../config';
import { createBotFrameworkAdapter, createBotFrameworkRoutes, type AuthenticationEndpoints, type BotFrameworkRoutes } from '../../../../bots/channels/botframework';
import type { ChannelAdapter } from '../../../../bots/channels/channel-adapter';
import { ConversationStore, type Conversation, type InboundMessage } from '../../../../bots/runtime/conversation-store';
import { migrateToLatest, openDatabase, type DatabaseHandle } from '../../../../platform/database';
import { errorHandler } from '../../../../platform/http/errors';
import { WorkspaceStore, type Workspace } from '../../../../platform/workspaces';
import { createSqliteDatabase, type TestDatabase } from '../../../support/databases';
import type { SentRecord } from '../adapter-conformance';
import { FakeBotConnector, type ReceivedActivity } from './fake-bot-connector';

/** The running kit. */
export interface BotFrameworkKit {
  handle: DatabaseHandle;
  store: ConversationStore;
  workspace: Workspace;
  connector: FakeBotConnector;
  routes: BotFrameworkRoutes;
  adapter: ChannelAdapter;
  /** Base URL of the express server carrying `/api/messages`. */
  url: string;
  /** Every message the route handed to ingest (before the duplicate check). */
  ingested: InboundMessage[];
  /** While set, ingest fails with it (the database is down). */
  ingestFailure: Error | undefined;
  /** POSTs an activity to `/api/messages`. */
  post(activity: unknown, headers?: Record<string, string>): Promise<Response>;
  /** The conversation an activity of {@link messageActivity}'s defaults created. */
  conversationOf(conversationKey: string): Promise<Conversation | undefined>;
  close(): Promise<void>;
}

/** Settings with authentication off, for `workspaceSlug`. */
export function botFrameworkSettings(workspace: string, overrides: Partial<Config['botFramework']> = {}): Config['botFramework'] {
  return { enabled: true, workspace, appId: '', appPassword: '', appType: 'MultiTenant', tenantId: '', ...overrides };
}

/** Starts the kit; `settings` default to authentication off. */
export async function startBotFrameworkKit(options: { settings?: Partial<Config['botFramework']>; endpoints?: AuthenticationEndpoints; maxMessageLength?: number } = {}): Promise<BotFrameworkKit> {
  const database: TestDatabase = await createSqliteDatabase();
  const handle = openDatabase(database.url);
  await migrateToLatest(handle.db as never);
  const store = new ConversationStore(handle.db, 'sqlite');
  const workspaces = new WorkspaceStore(handle.db);
  const workspace = (await workspaces.ensure({ slug: 'bf-shop', name: 'BF Shop', defaultLanguage: 'en' })).workspace;
  const connector = await new FakeBotConnector().start();
  const settings = botFrameworkSettings(workspace.slug, options.settings);
  const ingested: InboundMessage[] = [];
  const control: { ingestFailure: Error | undefined } = { ingestFailure: undefined };
  const logger = pino({ level: 'silent' });
  const routes = createBotFrameworkRoutes({
    settings,
    defaultWorkspaceSlug: 'demo',
    workspaces,
    conversations: store,
    db: handle.db,
    ingest: {
      // What IngestService does with the database, without the inbound queue.
      async ingest(message, conversation) {
        if (control.ingestFailure) throw control.ingestFailure;
        ingested.push(message);
        const target = conversation ?? (await store.resolveConversation({ workspaceId: message.workspaceId, channel: message.channel, conversationKey: message.conversationKey, sender: message.sender }));
        return store.acceptInbound(message, target);
      },
    },
    maxMessageLength: options.maxMessageLength ?? 4000,
    logger,
    ...(options.endpoints ? { endpoints: options.endpoints } : {}),
  });
  await routes.start();
  const app = express();
  app.use(express.json());
  app.use(routes.router);
  app.use(errorHandler(logger));
  const server: Server = await new Promise((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const adapter = createBotFrameworkAdapter({ settings, db: handle.db });
  return {
    handle,
    store,
    workspace,
    connector,
    routes,
    adapter,
    url,
    ingested,
    get ingestFailure() {
      return control.ingestFailure;
    },
    set ingestFailure(error: Error | undefined) {
      control.ingestFailure = error;
    },
    post: (activity, headers = {}) =>
      fetch(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof activity === 'string' ? activity : JSON.stringify(activity) }),
    conversationOf: (conversationKey) => store.findConversationByKey(workspace.id, 'botframework', conversationKey),
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await connector.stop();
      await handle.close();
      await database.drop();
    },
  };
}

/** A Teams-like message activity from a shopper, addressed to reply through `serviceUrl`. */
export function messageActivity(serviceUrl: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: 'message',
    id: `act-${Math.random().toString(36).slice(2)}`,
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl,
    conversation: { id: 'a:1shopper-conversation', conversationType: 'personal', tenantId: 'tenant-1' },
    from: { id: '29:shopper', name: 'Sam Shopper', aadObjectId: 'aad-1' },
    recipient: { id: '28:bot-app-id', name: 'Shop Bot' },
    text: 'hello',
    textFormat: 'plain',
    locale: 'es-ES',
    channelData: { tenant: { id: 'tenant-1' } },
    ...overrides,
  };
}

/** Everything written on an Adaptive Card: its texts, its buttons' titles and its links. */
function cardTexts(card: Record<string, unknown>): string {
  const out: string[] = [];
  for (const element of (card.body as Record<string, unknown>[] | undefined) ?? []) {
    if (typeof element.text === 'string') out.push(element.text);
    if (element.type === 'Image' && typeof element.url === 'string') out.push(element.url);
  }
  for (const action of (card.actions as Record<string, unknown>[] | undefined) ?? []) {
    if (typeof action.title === 'string') out.push(action.title);
    if (typeof action.url === 'string') out.push(action.url);
  }
  return out.join('\n');
}

/** What the fake Bot Connector received, as the conformance suite reads it (typing activities left out). */
export function sentRecords(received: readonly ReceivedActivity[]): SentRecord[] {
  const records: SentRecord[] = [];
  for (const { activity } of received) {
    if (activity.type !== 'message') continue;
    const attachments = (activity.attachments as { contentType: string; content?: Record<string, unknown>; contentUrl?: string }[] | undefined) ?? [];
    const text = typeof activity.text === 'string' ? activity.text : '';
    const cards = attachments.filter((attachment) => attachment.contentType === 'application/vnd.microsoft.card.adaptive');
    const image = attachments.find((attachment) => attachment.contentType.startsWith('image/'));
    if (cards.length) {
      records.push({ kind: 'cards', texts: cards.map((card) => cardTexts(card.content ?? {})) });
    } else if (image?.contentUrl) {
      records.push({ kind: 'image', url: image.contentUrl, ...(text ? { caption: text } : {}) });
    } else {
      const actions = ((activity.suggestedActions as { actions?: { title: string }[] } | undefined)?.actions ?? []).map((action) => action.title);
      records.push({ kind: 'text', text, ...(actions.length ? { buttons: actions } : {}) });
    }
  }
  return records;
}
