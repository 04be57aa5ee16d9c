import type { IsoDate, LocalTime, Weekday } from "./schemas.js";
import { offsetAt, wallClock, wallToEpoch } from "./offset.js";

/** Wall-clock reading of an instant in a zone. */
export interface ZonedParts {
  readonly date: IsoDate;
  readonly time: LocalTime;
  /** ISO weekday, 1 = Monday. */
  readonly weekday: Weekday;
  /** Minutes since local midnight. */
  readonly minutes: number;
}

/**
 * The instant at which a zone's clocks show `date` `time`.
 * In a gap (spring forward) it gives the later reading; zones without DST, such as
 * Asia/Shanghai, have exactly one answer.
 *
 * @example
 * new Date(zonedToEpoch("2026-12-01", "12:00", "Asia/Shanghai")).toISOString(); // "2026-12-01T04:00:00.000Z"
 */
export function zonedToEpoch(date: IsoDate, time: LocalTime, timeZone: string): number {
  const [y, mo, d] = date.split("-").map(Number) as [number, number, number];
  const [h, mi] = time.split(":").map(Number) as [number, number];
  return wallToEpoch(Date.UTC(y, mo - 1, d, h, mi), timeZone);
}

/**
 * Reads the wall clock of a zone at an instant.
 *
 * @example
 * toZoned(Date.parse("2026-12-01T04:00:00Z"), "Asia/Shanghai"); // { date: "2026-12-01", time: "12:00", weekday: 2, minutes: 720 }
 */
export function toZoned(epochMs: number, timeZone: string): ZonedParts {
  const local = new Date(wallClock(epochMs, timeZone));
  const h = local.getUTCHours();
  const mi = local.getUTCMinutes();
  const dow = local.getUTCDay();
  return {
    date: `${String(local.getUTCFullYear()).padStart(4, "0")}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}`,
    time: `${pad(h)}:${pad(mi)}`,
    weekday: (dow === 0 ? 7 : dow) as Weekday,
    minutes: h * 60 + mi,
  };
}

/**
 * Adds whole days to a calendar date.
 *
 * @example
 * addDays("2026-12-01", -1); // "2026-11-30"
 */
export function addDays(date: IsoDate, days: number): IsoDate {
  const [y, mo, d] = date.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, mo - 1, d + days)).toISOString().slice(0, 10);
}

/** ISO weekday of a calendar date, 1 = Monday. */
export function weekdayOf(date: IsoDate): Weekday {
  const dow = new Date(`${date}T00:00:00Z`).getUTCDay();
  return (dow === 0 ? 7 : dow) as Weekday;
}

/** Minutes since midnight of an `HH:MM` time. */
export function minutesOf(time: LocalTime): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

/**
 * An instant as ISO 8601 with the zone's offset, e.g. `2026-12-01T12:00:00+08:00`, so
 * stored and shown times keep the local reading.
 */
export function toOffsetIso(epochMs: number, timeZone: string): string {
  const z = toZoned(epochMs, timeZone);
  const seconds = pad(new Date(epochMs).getUTCSeconds());
  const offMin = Math.round(offsetAt(epochMs, timeZone) / 60000);
  const sign = offMin < 0 ? "-" : "+";
  const abs = Math.abs(offMin);
  return `${z.date}T${z.time}:${seconds}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}
