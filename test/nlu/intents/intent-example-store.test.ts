import { setTimeout as sleep } from 'node:timers/promises';
import { IntentExampleStore } from '../../../nlu/intents/intent-example-store';
import { migrateToLatest, openDatabase, type DatabaseHandle } from '../../../platform/database';
import { WorkspaceStore } from '../../../platform/workspaces';
import { engines, type TestDatabase } from '../../support/databases';

describe.each(engines)('IntentExampleStore on %s', (_engine, createDatabase) => {
  let database: TestDatabase;
  let handle: DatabaseHandle;
  let store: IntentExampleStore;
  let workspaces: WorkspaceStore;

  beforeAll(async () => {
    database = await createDatabase();
    handle = openDatabase(database.url);
    await migrateToLatest(handle.db as never);
    store = new IntentExampleStore(handle.db);
    workspaces = new WorkspaceStore(handle.db);
  });

  afterAll(async () => {
    await handle?.close();
    await database?.drop();
  });

  let counter = 0;
  /** A new workspace, so each test starts without examples. */
  async function newWorkspace(): Promise<string> {
    counter++;
    return (await workspaces.ensure({ slug: `intents-${counter}`, name: `Intents ${counter}`, defaultLanguage: 'en' })).workspace.id;
  }

  describe('add', () => {
    it('stores new examples and says how many were new', async () => {
      const workspace = await newWorkspace();
      const added = await store.add(workspace, [
        { text: 'is gift wrapping available', intent: 'gift_wrap', language: 'en' },
        { text: '¿envolvéis para regalo?', intent: 'gift_wrap', language: 'es' },
      ]);
      expect(added).toBe(2);
      expect(await store.list(workspace)).toHaveLength(2);
    });

    it('skips examples already stored with the same intent and text', async () => {
      const workspace = await newWorkspace();
      await store.add(workspace, [{ text: 'gift wrap please', intent: 'gift_wrap' }]);
      const added = await store.add(workspace, [
        { text: 'gift wrap please', intent: 'gift_wrap' },
        { text: 'gift wrap please', intent: 'gift_wrap', language: 'en' },
        { text: 'can you wrap it', intent: 'gift_wrap' },
      ]);
      expect(added).toBe(1);
      expect((await store.list(workspace)).map((e) => e.text).sort()).toEqual(['can you wrap it', 'gift wrap please']);
    });

    it('skips repeats within one call', async () => {
      const workspace = await newWorkspace();
      expect(await store.add(workspace, [{ text: 'wrap it', intent: 'gift_wrap' }, { text: 'wrap it', intent: 'gift_wrap' }])).toBe(1);
    });

    it('keeps the same text under another intent, and in another workspace', async () => {
      const first = await newWorkspace();
      const second = await newWorkspace();
      expect(await store.add(first, [{ text: 'wrap it', intent: 'gift_wrap' }, { text: 'wrap it', intent: 'packaging' }])).toBe(2);
      expect(await store.add(second, [{ text: 'wrap it', intent: 'gift_wrap' }])).toBe(1);
    });

    it('adds nothing for an empty list', async () => {
      const workspace = await newWorkspace();
      expect(await store.add(workspace, [])).toBe(0);
      expect(await store.list(workspace)).toEqual([]);
    });

    it('still fails on errors other than duplicates, such as an unknown workspace', async () => {
      // Compared by message: errors from better-sqlite3 in a reused jest worker are not `instanceof Error` of the test's realm.
      await expect(store.add('00000000-0000-7000-8000-000000000000', [{ text: 'hello', intent: 'greeting' }])).rejects.toHaveProperty(
        'message',
        expect.stringMatching(/foreign key/i),
      );
    });
  });

  describe('list', () => {
    it("gives a workspace's examples oldest first, with id, creation time and language when known", async () => {
      const workspace = await newWorkspace();
      const before = Date.now();
      await store.add(workspace, [{ text: 'first', intent: 'a', language: 'de' }]);
      await sleep(5);
      await store.add(workspace, [{ text: 'second', intent: 'b' }]);
      const listed = await store.list(workspace);
      expect(listed.map((e) => e.text)).toEqual(['first', 'second']);
      expect(listed[0]).toEqual({ id: expect.any(String), text: 'first', intent: 'a', language: 'de', createdAt: expect.any(Number) });
      expect(listed[1]).not.toHaveProperty('language');
      expect(listed[0]!.createdAt).toBeGreaterThanOrEqual(before);
      expect(listed[1]!.createdAt).toBeGreaterThan(listed[0]!.createdAt);
      expect(listed[0]!.id).not.toBe(listed[1]!.id);
    });

    it("never shows another workspace's examples", async () => {
      const mine = await newWorkspace();
      const theirs = await newWorkspace();
      await store.add(theirs, [{ text: 'secret wording', intent: 'x' }]);
      expect(await store.list(mine)).toEqual([]);
    });

    it('keeps the text exactly, accents, emoji and CJK included', async () => {
      const workspace = await newWorkspace();
      const texts = ['¿Dónde está mi envío? 📦', '我的订单在哪里', "  spaces   and 'quotes'  "];
      await store.add(workspace, texts.map((text) => ({ text, intent: 'order_status' })));
      expect((await store.list(workspace)).map((e) => e.text).sort()).toEqual([...texts].sort());
    });
  });

  describe('remove', () => {
    it('removes one example and says whether it existed', async () => {
      const workspace = await newWorkspace();
      await store.add(workspace, [{ text: 'keep', intent: 'a' }, { text: 'drop', intent: 'a' }]);
      const drop = (await store.list(workspace)).find((e) => e.text === 'drop')!;
      expect(await store.remove(workspace, drop.id)).toBe(true);
      expect((await store.list(workspace)).map((e) => e.text)).toEqual(['keep']);
      expect(await store.remove(workspace, drop.id)).toBe(false);
    });

    it("does not remove another workspace's example", async () => {
      const owner = await newWorkspace();
      const other = await newWorkspace();
      await store.add(owner, [{ text: 'mine', intent: 'a' }]);
      const [example] = await store.list(owner);
      expect(await store.remove(other, example!.id)).toBe(false);
      expect(await store.list(owner)).toHaveLength(1);
    });

    it('lets a removed example be added again', async () => {
      const workspace = await newWorkspace();
      await store.add(workspace, [{ text: 'again', intent: 'a' }]);
      const [example] = await store.list(workspace);
      await store.remove(workspace, example!.id);
      expect(await store.add(workspace, [{ text: 'again', intent: 'a' }])).toBe(1);
    });
  });
});
