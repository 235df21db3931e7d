/**
 * Opens the system-of-record database chosen by `database.url`: an embedded SQLite file (default) or PostgreSQL.
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { startSqliteCheckpointer } from './sqlite-checkpointer';
import type { Database } from './tables';

const STATEMENT_CACHE_SIZE = 256;

/**
 * Kysely prepares every query anew; preparing costs more than running a small statement. The platform issues a
 * handful of query shapes over and over, so prepared statements are kept (LRU) and reused.
 */
function withStatementCache(sqlite: SqliteDatabase.Database): SqliteDatabase.Database {
  const cache = new Map<string, SqliteDatabase.Statement>();
  const prepare = sqlite.prepare.bind(sqlite);
  return new Proxy(sqlite, {
    get(target, property, receiver) {
      if (property !== 'prepare') return Reflect.get(target, property, receiver);
      return (source: string) => {
        let statement = cache.get(source);
        if (statement) {
          cache.delete(source);
        } else {
          statement = prepare(source);
          if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
        }
        cache.set(source, statement);
        return statement;
      };
    },
  });
}

/** Which engine a connection talks to. */
export type DatabaseEngine = 'sqlite' | 'postgres';

/** An open database with its engine and a way to close it. */
export interface DatabaseHandle {
  db: Kysely<Database>;
  engine: DatabaseEngine;
  /** Human-readable target without credentials, for logs. */
  target: string;
  close(): Promise<void>;
}

/** Raised when `database.url` names no supported engine. */
export class DatabaseUrlError extends Error {
  override readonly name = 'DatabaseUrlError';
}

const PG_INT8 = 20;

/**
 * Opens the database. SQLite runs in WAL mode with `synchronous=NORMAL`: a committed message survives a process
 * crash (the kill -9 case); only an operating-system crash can lose the last transactions.
 *
 * @example
 * const { db, close } = openDatabase('sqlite:./data/dev.sqlite');
 */
export function openDatabase(url: string, poolSize = 10): DatabaseHandle {
  if (url.startsWith('sqlite:')) {
    const rawPath = url.slice('sqlite:'.length).replace(/^\/\//, '');
    const inMemory = rawPath === ':memory:';
    const path = inMemory ? rawPath : resolve(rawPath);
    if (!inMemory) mkdirSync(dirname(path), { recursive: true });
    const sqlite = new SqliteDatabase(path);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('foreign_keys = ON');
    // A larger page cache for a write-heavy load; checkpoints run on their own thread (see sqlite-checkpointer.ts).
    sqlite.pragma('cache_size = -65536');
    sqlite.pragma('journal_size_limit = 67108864');
    const checkpointer = inMemory ? undefined : startSqliteCheckpointer(path);
    if (checkpointer) sqlite.pragma('wal_autocheckpoint = 0');
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
    return {
      db,
      engine: 'sqlite',
      target: `sqlite:${path}`,
      close: async () => {
        await db.destroy();
        await checkpointer?.close();
      },
    };
  }
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) {
    const pool = new pg.Pool({
      connectionString: url,
      max: poolSize,
      // Epoch-millisecond BIGINT columns come back as numbers (safe: far below 2^53).
      types: {
        getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
          oid === PG_INT8 ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
      },
    });
    // An idle connection killed by a server restart or failover emits 'error' on the pool; unhandled, it would crash the
    // process. The pool drops that connection and the next query opens a new one.
    pool.on('error', () => undefined);
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    const parsed = new URL(url);
    return {
      db,
      engine: 'postgres',
      target: `postgres://${parsed.host}${parsed.pathname}`,
      close: () => db.destroy(),
    };
  }
  throw new DatabaseUrlError(
    `database.url (DATABASE_URL) must start with sqlite: or postgres://, got "${url.split(':')[0]}:..."`,
  );
}
