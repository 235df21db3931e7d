/**
 * Row ids: UUIDv7 (RFC 9562), time-ordered, so new rows land at the right edge of primary-key indexes instead of on
 * random pages, which keeps inserts cheap on SQLite and PostgreSQL alike.
 */
import { randomFillSync } from 'node:crypto';

// Random bytes are drawn from the system in blocks: one call per id costs more than building the id.
const POOL_SIZE = 16 * 1024;
const pool = Buffer.alloc(POOL_SIZE);
let poolOffset = POOL_SIZE;

/** A new UUIDv7 string: 48-bit Unix milliseconds, version 7, variant 10, 74 random bits. */
export function timeOrderedId(now: number = Date.now()): string {
  if (poolOffset + 10 > POOL_SIZE) {
    randomFillSync(pool);
    poolOffset = 0;
  }
  const bytes = Buffer.alloc(16);
  bytes.writeUIntBE(now, 0, 6);
  pool.copy(bytes, 6, poolOffset, poolOffset + 10);
  poolOffset += 10;
  bytes[6] = ((bytes[6] as number) & 0x0f) | 0x70;
  bytes[8] = ((bytes[8] as number) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
