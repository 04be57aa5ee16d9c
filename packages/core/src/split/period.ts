import { toZoned } from "../time/zoned.js";
import { zonedToEpoch } from "../time/zoned.js";

/**
 * The settlement period (a calendar month in the rule set's zone) an instant falls in, as
 * `YYYY-MM`.
 *
 * @example
 * periodOf(Date.parse("2026-11-30T17:00:00Z"), "Asia/Shanghai"); // "2026-12" (01:00 on 1 December in Shanghai)
 */
export function periodOf(at: number, timeZone: string): string {
  return toZoned(at, timeZone).date.slice(0, 7);
}

/** The first instant of a period, epoch milliseconds. */
export function periodStart(period: string, timeZone: string): number {
  return zonedToEpoch(`${period}-01`, "00:00", timeZone);
}

/** The first instant after a period. */
export function periodEnd(period: string, timeZone: string): number {
  const [y, m] = period.split("-").map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, "0")}`;
  return periodStart(next, timeZone);
}
