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
