// Zone offsets through Intl, cached per day. Internal to core (not exported from
// @linli/core/time): zoned.ts builds its public helpers on these, and nextSession uses them
// directly, so a widget that needs only the next session carries no date strings.

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

/** Offset of a zone from UTC at an instant, in milliseconds (east positive), through Intl. */
function offsetFromIntl(epochMs: number, timeZone: string): number {
  // en-US with a 23-hour clock reads "12/01/2026, 09:00:00": month, day, year, then the time.
  const [mo, d, y, h, mi, s] = formatterFor(timeZone)
    .format(epochMs)
    .match(/\d+/g)!
    .map(Number) as [number, number, number, number, number, number];
  const asUtc = Date.UTC(y, mo - 1, d, h, mi, s);
  return asUtc - (epochMs - (((epochMs % 1000) + 1000) % 1000));
}

// Offsets per zone and UTC day, when a day has one offset throughout (all days but the
// few with a transition). Intl is slow (~10 µs a call); arithmetic on a cached offset is not,
// which matters when a year of ledger entries is bucketed by month.
export const DAY = 86_400_000;
const dayOffsets = new Map<string, Map<number, number>>();

export function offsetAt(epochMs: number, timeZone: string): number {
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
 * The instant at which a zone's clocks read `wall` (a wall-clock reading written as UTC
 * epoch milliseconds), the later one in a gap. What {@link zonedToEpoch} does after parsing.
 */
export function wallToEpoch(wall: number, timeZone: string): number {
  const guess = wall - offsetAt(wall, timeZone);
  return Math.max(guess, wall - offsetAt(guess, timeZone));
}

/**
 * A zone's wall clock at an instant, written as UTC epoch milliseconds (read it with the
 * `getUTC*` methods): the arithmetic under {@link toZoned}, without the strings.
 */
export function wallClock(epochMs: number, timeZone: string): number {
  return epochMs + offsetAt(epochMs, timeZone);
}
