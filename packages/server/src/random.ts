import { randomFillSync } from "node:crypto";

// Random bytes drawn from the system's CSPRNG a few kilobytes at a time: one call per order
// for a dozen bytes costs more than the bytes. Every byte is handed out once.
const pool = Buffer.alloc(4096);
let used = pool.length;

/** `n` fresh random bytes (n ≤ 4096), a copy the caller owns. */
export function randomBytesPooled(n: number): Buffer {
  if (used + n > pool.length) {
    randomFillSync(pool);
    used = 0;
  }
  const out = Buffer.from(pool.subarray(used, used + n));
  used += n;
  return out;
}

/**
 * A new id: the prefix, the time in milliseconds (nine base-36 digits, so ids sort by
 * creation) and nine random bytes. Ids that grow at one end keep an index's inserts on its
 * last pages; random ones dirty a different page per order, and every dirty page is written
 * to the journal at commit.
 *
 * @example
 * newId("o", Date.now()); // "o_mijx3k2a0_3q2Yk1bZzQ4x"
 */
export function newId(prefix: string, now: number): string {
  const time = Math.max(0, Math.floor(now)).toString(36).padStart(9, "0");
  return `${prefix}_${time}_${randomBytesPooled(9).toString("base64url")}`;
}
