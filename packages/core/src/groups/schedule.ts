import type { LocalizedText } from "../i18n/locale.js";
import {
  addDays,
  minutesOf,
  toZoned,
  zonedToEpoch,
  type IsoDate,
  type LocalTime,
} from "../time/index.js";
import type { Group } from "./group.js";

/** One dated occurrence of a group's recurring session. */
export interface SessionOccurrence {
  readonly date: IsoDate;
  readonly start: LocalTime;
  readonly end: LocalTime;
  readonly roomId?: string;
  readonly title?: LocalizedText;
  /** Epoch milliseconds of the start, for sorting and countdowns. */
  readonly startsAt: number;
}

/**
 * The next session of a group that has not yet ended at `now`, looking up to a week
 * ahead; `undefined` for a group with no schedule.
 *
 * @example
 * nextSession(littleCloud, Date.parse("2026-12-05T02:00:00Z"), "Asia/Shanghai"); // the Saturday outing
 */
export function nextSession(
  group: Pick<Group, "schedule">,
  now: number,
  timeZone: string,
): SessionOccurrence | undefined {
  const today = toZoned(now, timeZone);
  let best: SessionOccurrence | undefined;
  for (let offset = 0; offset <= 7 && !best; offset++) {
    const date = addDays(today.date, offset);
    const weekday = ((today.weekday - 1 + offset) % 7) + 1;
    for (const s of group.schedule) {
      if (!s.weekdays.includes(weekday)) continue;
      if (offset === 0 && minutesOf(s.end) <= today.minutes) continue;
      const startsAt = zonedToEpoch(date, s.start, timeZone);
      if (!best || startsAt < best.startsAt) {
        best = {
          date,
          start: s.start,
          end: s.end,
          startsAt,
          ...(s.roomId !== undefined ? { roomId: s.roomId } : {}),
          ...(s.title !== undefined ? { title: s.title } : {}),
        };
      }
    }
  }
  return best;
}
