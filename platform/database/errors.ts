/** Engine-independent recognition of database errors the code reacts to. */

/** True when `error` is a unique-constraint violation (SQLite `SQLITE_CONSTRAINT_UNIQUE` / PostgreSQL `23505`). */
export function isUniqueViolation(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false;
  const code = (error as { code?: unknown }).code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
