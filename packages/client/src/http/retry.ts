import { LinliClientError } from "../errors.js";

/** The longest pause between two attempts, whatever the backoff grows to. */
export const MAX_BACKOFF_MS = 5_000;
/** The longest `Retry-After` the client waits for; a longer one ends the call at once. */
export const MAX_RETRY_AFTER_MS = 10_000;

/** Whether an HTTP status is worth sending the same request again for: 408, 429 and 5xx. */
export const isRetryableStatus = (status: number): boolean =>
  status === 408 || status === 429 || status >= 500;

/**
 * The pause before retry `n` (0 for the first): `base * 2^n`, capped at
 * {@link MAX_BACKOFF_MS}, with "equal jitter" (between half and all of it) so that clients
 * failed by the same outage do not all come back at the same moment.
 */
export function backoffMs(n: number, baseMs: number, random: () => number = Math.random): number {
  const full = Math.min(baseMs * 2 ** n, MAX_BACKOFF_MS);
  return full / 2 + (full / 2) * random();
}

/**
 * A `Retry-After` header in ms: delay-seconds ("2") or an HTTP date. `undefined` when
 * absent or unreadable.
 *
 * @example
 * retryAfterMs("2"); // 2000
 */
export function retryAfterMs(header: string | null, now: number = Date.now()): number | undefined {
  if (header === null) return undefined;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  // An HTTP date starts with the day's name ("Tue, 01 Dec 2026 08:00:00 GMT").
  const at = /^[a-z]/i.test(value) ? Date.parse(value) : Number.NaN;
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** Waits `ms`; rejects with an `aborted` `LinliClientError` as soon as `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(LinliClientError.local("aborted", signal.reason));
    const onAbort = () => {
      clearTimeout(timer);
      reject(LinliClientError.local("aborted", signal?.reason));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
