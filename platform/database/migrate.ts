/** Runs the versioned schema migrations (Kysely's migrator, with its lock so concurrent starts are safe). */
import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import * as initial from './migrations/0001-initial';
import * as commerce from './migrations/0002-commerce';
import * as models from './migrations/0003-models';
import * as knowledge from './migrations/0004-knowledge';
import * as handoffs from './migrations/0005-handoffs';
import * as channels from './migrations/0006-channels';
import * as recommender from './migrations/0007-recommender';
import * as risk from './migrations/0008-risk';
import * as emailRelay from './migrations/0009-email-relay';
import * as riskIpTables from './migrations/0010-risk-ip-tables';
import * as riskDecisionPartialIndexes from './migrations/0011-risk-decision-partial-indexes';

/** All migrations, in order. Add new ones at the end; never edit one that has shipped. */
const migrations: Record<string, Migration> = {
  '0001-initial': initial,
  '0002-commerce': commerce,
  '0003-models': models,
  '0004-knowledge': knowledge,
  '0005-handoffs': handoffs,
  '0006-channels': channels,
  '0007-recommender': recommender,
  '0008-risk': risk,
  '0009-email-relay': emailRelay,
  '0010-risk-ip-tables': riskIpTables,
  '0011-risk-decision-partial-indexes': riskDecisionPartialIndexes,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** Raised when a migration fails; the database is left at the last successful version. */
export class MigrationError extends Error {
  override readonly name = 'MigrationError';
}

/**
 * Brings the schema to the newest version.
 * @returns the names of the migrations applied now (empty when already current).
 */
export async function migrateToLatest(db: Kysely<unknown>): Promise<string[]> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new MigrationError(`Migration ${failed} failed: ${(error as Error).message ?? String(error)}`);
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
