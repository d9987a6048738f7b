import { randomBytes } from "node:crypto";

let counter = 0;

/**
 * A new row id for rows the hot paths insert without Prisma, in the shape of the cuid()
 * ids Prisma makes (a `c`, then time, a counter and randomness in base 36), so the two
 * kinds sort and read alike.
 */
export function newId(now: number = Date.now()): string {
  counter = (counter + 1) % 36 ** 4;
  return `c${now.toString(36)}${counter.toString(36).padStart(4, "0")}${randomBytes(8).readBigUInt64BE().toString(36).padStart(13, "0")}`;
}
