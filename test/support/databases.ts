/** Throwaway databases for tests: a SQLite file in a temporary folder, or a fresh PostgreSQL database. */
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { tempSqliteUrl } from './platform';
import { createPostgresDatabase } from './services';

/** A database URL and how to get rid of it. */
export interface TestDatabase {
  url: string;
  drop: () => Promise<void>;
}

/** Removes the temporary folder of a `sqlite:` URL made by tempSqliteUrl. */
export function removeSqlite(url: string): void {
  rmSync(dirname(url.slice('sqlite:'.length)), { recursive: true, force: true });
}

/** A new SQLite file; `drop` deletes its folder. */
export async function createSqliteDatabase(): Promise<TestDatabase> {
  const url = tempSqliteUrl();
  return { url, drop: async () => removeSqlite(url) };
}

/** The engines every storage suite runs on, for `describe.each`. */
export const engines: Array<[string, () => Promise<TestDatabase>]> = [
  ['SQLite', createSqliteDatabase],
  ['PostgreSQL', createPostgresDatabase],
];
