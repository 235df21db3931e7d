/** The SQL layer: connection (SQLite or PostgreSQL), table types and migrations. */
export { openDatabase, DatabaseUrlError, type DatabaseHandle, type DatabaseEngine } from './connect';
export { migrateToLatest, MigrationError } from './migrate';
export * from './tables';
export { isUniqueViolation } from './errors';
export { WriteBatcher, type TransactionWork } from './write-batcher';
export { timeOrderedId } from './ids';
export { PreparedQuery } from './prepared-query';
