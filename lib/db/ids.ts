import { randomFillSync } from "node:crypto";

let counter = 0;

// Random bytes drawn a page at a time: one randomBytes(8) call per id cost ~10 µs here,
// about 1% of the worker's CPU per delivery; slicing a pooled buffer costs next to nothing.
const POOL_BYTES = 4096;
const pool = Buffer.alloc(POOL_BYTES);
let offset = POOL_BYTES;

function random64(): bigint {
  if (offset + 8 > POOL_BYTES) {
    randomFillSync(pool);
    offset = 0;
  }
  const value = pool.readBigUInt64BE(offset);
  offset += 8;
  return value;
}

/**
 * A new row id for rows the hot paths insert without Prisma, in the shape of the cuid()
 * ids Prisma makes (a `c`, then time, a counter and randomness in base 36), so the two
 * kinds sort and read alike.
 */
export function newId(now: number = Date.now()): string {
  counter = (counter + 1) % 36 ** 4;
  return `c${now.toString(36)}${counter.toString(36).padStart(4, "0")}${random64().toString(36).padStart(13, "0")}`;
}
