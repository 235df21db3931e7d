/**
 * Row ids: UUIDv7 (RFC 9562), time-ordered, so new rows land at the right edge of primary-key indexes instead of on
 * random pages, which keeps inserts cheap on SQLite and PostgreSQL alike. Within one process the ids are strictly
 * increasing (RFC 9562's "fixed-length dedicated counter" in the 12 `rand_a` bits), so rows written in the same
 * millisecond still sort in the order they were made (lists ordered by time, then id, stay in insertion order).
 */
import { randomFillSync } from 'node:crypto';

// Random bytes are drawn from the system in blocks: one call per id costs more than building the id.
const POOL_SIZE = 16 * 1024;
const pool = Buffer.alloc(POOL_SIZE);
let poolOffset = POOL_SIZE;

let lastMs = -1;
/** The latest clock reading behind `lastMs` (which runs ahead of it after the counter overflowed). */
let lastClock = -1;
let counter = 0;
const COUNTER_MAX = 0xfff;

function randomBytes(count: number): Buffer {
  if (poolOffset + count > POOL_SIZE) {
    randomFillSync(pool);
    poolOffset = 0;
  }
  const bytes = pool.subarray(poolOffset, poolOffset + count);
  poolOffset += count;
  return bytes;
}

/** A new UUIDv7 string: 48-bit Unix milliseconds, version 7, a 12-bit counter, variant 10, 62 random bits. */
export function timeOrderedId(now: number = Date.now()): string {
  let ms = now;
  if (ms <= lastMs && ms >= lastClock) {
    // The same millisecond as the last id of this process: count up; past the counter's range, borrow the next ms.
    ms = lastMs;
    counter += 1;
    if (counter > COUNTER_MAX) {
      ms += 1;
      counter = 0;
    }
    lastMs = ms;
  } else if (ms > lastMs) {
    // A new millisecond starts the counter low but random, leaving room to count up.
    counter = randomBytes(1)[0]! & 0x3ff;
    lastMs = ms;
    lastClock = ms;
  } else {
    // An explicit earlier time (imports, tests): ordered by that time, not against this process's recent ids.
    return format(ms, randomBytes(2).readUInt16BE(0) & COUNTER_MAX);
  }
  return format(ms, counter);
}

function format(ms: number, sequence: number): string {
  const bytes = Buffer.alloc(16);
  bytes.writeUIntBE(ms, 0, 6);
  bytes[6] = 0x70 | ((sequence >> 8) & 0x0f);
  bytes[7] = sequence & 0xff;
  randomBytes(8).copy(bytes, 8);
  bytes[8] = ((bytes[8] as number) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
