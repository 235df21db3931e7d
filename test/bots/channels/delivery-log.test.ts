import { randomUUID } from 'node:crypto';
import type { OutboundPart } from '../../../bots/channels/channel-adapter';
import { DeliveryLog } from '../../../bots/channels/delivery-log';
import { ConversationStore, type StoredMessage } from '../../../bots/runtime/conversation-store';
import { migrateToLatest, openDatabase, type DatabaseHandle } from '../../../platform/database';
import { WorkspaceStore } from '../../../platform/workspaces';
import { engines, type TestDatabase } from '../../support/databases';

describe.each(engines)('DeliveryLog on %s', (_name, createDatabase) => {
  let database: TestDatabase;
  let handle: DatabaseHandle;
  let store: ConversationStore;
  let log: DeliveryLog;
  let workspaceId: string;

  beforeAll(async () => {
    database = await createDatabase();
    handle = openDatabase(database.url);
    await migrateToLatest(handle.db as never);
    store = new ConversationStore(handle.db, handle.engine);
    log = new DeliveryLog(handle.db);
    workspaceId = (await new WorkspaceStore(handle.db).ensure({ slug: 'log', name: 'Log', defaultLanguage: 'en' })).workspace.id;
  });

  afterAll(async () => {
    await handle?.close();
    await database?.drop();
  });

  async function outgoing(): Promise<StoredMessage> {
    const key = randomUUID();
    const conversation = await store.resolveConversation({ workspaceId, channel: 'whatsapp', conversationKey: key, sender: { externalId: key } });
    return store.appendOutgoing({ conversation, outgoing: { reply: { text: 'hi', language: 'en' }, author: 'bot' } });
  }

  it('sends each part once across failed and repeated attempts', async () => {
    const message = await outgoing();
    const parts = [1, 2, 3].map((n) => ({ kind: 'text' as const, text: `part ${n}` }));
    const sent: string[] = [];
    let failAt = 1;
    const send = async (part: OutboundPart, index: number): Promise<string> => {
      if (index === failAt) {
        failAt = -1;
        throw new Error('provider down');
      }
      sent.push(part.kind === 'text' ? part.text : part.kind);
      return `wamid.${message.id}.${index}`;
    };
    await expect(log.sendParts(message, parts, send)).rejects.toThrow('provider down');
    await log.sendParts(message, parts, send);
    await log.sendParts(message, parts, send);
    expect(sent).toEqual(['part 1', 'part 2', 'part 3']);
    expect((await log.parts(message.id)).map((part) => [part.part, part.providerMessageId, part.status])).toEqual([
      [0, `wamid.${message.id}.0`, 'sent'],
      [1, `wamid.${message.id}.1`, 'sent'],
      [2, `wamid.${message.id}.2`, 'sent'],
    ]);
  });

  it('applies receipts forward only and ignores unknown ids', async () => {
    const message = await outgoing();
    await log.recordSent({ messageId: message.id, part: 0, workspaceId, channel: 'whatsapp', providerMessageId: `id-${message.id}` });
    expect(await log.recordStatus('whatsapp', `id-${message.id}`, 'read')).toMatchObject({ messageId: message.id, status: 'read' });
    // A late "delivered" after "read" changes nothing.
    expect(await log.recordStatus('whatsapp', `id-${message.id}`, 'delivered')).toMatchObject({ status: 'read' });
    expect(await log.recordStatus('whatsapp', 'unknown', 'read')).toBeUndefined();
    expect(await log.recordStatus('botframework', `id-${message.id}`, 'read')).toBeUndefined();
    expect(await log.recordStatus('whatsapp', `id-${message.id}`, 'failed', 'x'.repeat(2000))).toMatchObject({ status: 'failed' });
  });
});
