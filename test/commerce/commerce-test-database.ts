/** A migrated database with fresh workspaces, for the commerce suites. */
import { migrateToLatest, openDatabase, type DatabaseHandle } from '../../platform/database';
import { WorkspaceStore } from '../../platform/workspaces';
import { uniquePrefix } from '../support/services';
import type { TestDatabase } from '../support/databases';

/** An open, migrated test database. */
export interface CommerceTestDatabase {
  handle: DatabaseHandle;
  /** A new empty workspace; each test that writes takes its own. */
  newWorkspace(): Promise<string>;
  /** Another connection to the same database, as a second process would have; closed with the database. */
  connectAgain(): DatabaseHandle;
  close(): Promise<void>;
}

/** Creates the database with `create` (see `engines`), migrates it and hands out workspaces. */
export async function openCommerceDatabase(create: () => Promise<TestDatabase>): Promise<CommerceTestDatabase> {
  const database = await create();
  const handle = openDatabase(database.url);
  await migrateToLatest(handle.db as never);
  const workspaces = new WorkspaceStore(handle.db);
  const others: DatabaseHandle[] = [];
  return {
    handle,
    connectAgain() {
      const other = openDatabase(database.url);
      others.push(other);
      return other;
    },
    async newWorkspace() {
      const slug = uniquePrefix('shop');
      return (await workspaces.ensure({ slug, name: slug, defaultLanguage: 'en' })).workspace.id;
    },
    async close() {
      for (const other of others) await other.close();
      await handle.close();
      await database.drop();
    },
  };
}
