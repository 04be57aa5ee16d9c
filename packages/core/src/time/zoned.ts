import type { IsoDate, LocalTime, Weekday } from "./schemas.js";

// One formatter per zone: constructing Intl.DateTimeFormat is the slow part.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Wall-clock reading of an instant in a zone. */
export interface ZonedParts {
  readonly date: IsoDate;
  readonly time: LocalTime;
  /** ISO weekday, 1 = Monday. */
  readonly weekday: Weekday;
  /** Minutes since local midnight. */
  readonly minutes: number;
}

function fields(epochMs: number, timeZone: string): number[] {
  const out = [0, 0, 0, 0, 0, 0];
  for (const p of formatterFor(timeZone).formatToParts(new Date(epochMs))) {
    const i = ["year", "month", "day", "hour", "minute", "second"].indexOf(p.type);
    if (i >= 0) out[i] = Number(p.value);
  }
  return out;
}

/** Offset of a zone from UTC at an instant, in milliseconds (east positive), through Intl. */
function offsetFromIntl(epochMs: number, timeZone: string): number {
  const [y, mo, d, h, mi, s] = fields(epochMs, timeZone) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const asUtc = Date.UTC(y, mo - 1, d, h, mi, s);
  return asUtc - (epochMs - (((epochMs % 1000) + 1000) % 1000));
}

// Offsets per zone and UTC day, when a day has one offset throughout (all days but the
// few with a transition). Intl is slow (~10 µs a call); arithmetic on a cached offset is not,
// which matters when a year of ledger entries is bucketed by month.
const DAY = 86_400_000;
const dayOffsets = new Map<string, Map<number, number>>();

function offsetAt(epochMs: number, timeZone: string): number {
  let days = dayOffsets.get(timeZone);
  if (!days) dayOffsets.set(timeZone, (days = new Map()));
  const day = Math.floor(epochMs / DAY);
  const cached = days.get(day);
  if (cached !== undefined) return cached;
  const start = offsetFromIntl(day * DAY, timeZone);
  const end = offsetFromIntl(day * DAY + DAY - 1000, timeZone);
  if (start !== end) return offsetFromIntl(epochMs, timeZone);
  if (days.size > 20_000) days.clear();
  days.set(day, start);
  return start;
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
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  let guess = wall - offsetAt(wall, timeZone);
  const second = wall - offsetAt(guess, timeZone);
  if (second !== guess) guess = Math.max(guess, second);
  return guess;
}

/**
 * Reads the wall clock of a zone at an instant.
 *
 * @example
 * toZoned(Date.parse("2026-12-01T04:00:00Z"), "Asia/Shanghai"); // { date: "2026-12-01", time: "12:00", weekday: 2, minutes: 720 }
 */
export function toZoned(epochMs: number, timeZone: string): ZonedParts {
  const local = new Date(epochMs + offsetAt(epochMs, timeZone));
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
