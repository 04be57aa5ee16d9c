import type { LocalizedText } from "../i18n/locale.js";
import { DAY, wallClock, wallToEpoch } from "../time/offset.js";
import {
  addDays,
  minutesOf,
  weekdayOf,
  zonedToEpoch,
  type IsoDate,
  type LocalTime,
  type Weekday,
} from "../time/index.js";
import type { Group } from "./group.js";

const MINUTE = 60_000;

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
  // Days as the zone's wall clock written in UTC milliseconds: the arithmetic needs no date
  // strings, and only a session's start goes back to an instant.
  const clock = wallClock(now, timeZone);
  const midnight = clock - (((clock % DAY) + DAY) % DAY);
  let best: SessionOccurrence | undefined;
  for (let offset = 0; offset <= 7 && !best; offset++) {
    const day = midnight + offset * DAY;
    const weekday = (new Date(day).getUTCDay() || 7) as Weekday;
    for (const s of group.schedule) {
      if (!s.weekdays.includes(weekday)) continue;
      if (offset === 0 && day + minutesOf(s.end) * MINUTE <= clock) continue; // over today
      const startsAt = wallToEpoch(day + minutesOf(s.start) * MINUTE, timeZone);
      if (!best || startsAt < best.startsAt) {
        best = {
          date: new Date(day).toISOString().slice(0, 10),
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

/** The Monday that starts the ISO week holding `date`. */
export function weekStart(date: IsoDate): IsoDate {
  return addDays(date, 1 - weekdayOf(date));
}

/** One dated session of a group in a week: the occurrence and the group it belongs to. */
export interface WeekSession<G> extends SessionOccurrence {
  readonly group: G;
  /** Which entry of the group's schedule it came from (for a stable id). */
  readonly scheduleIndex: number;
}

/**
 * Expands the groups' recurring schedules into the dated sessions of the ISO week (Monday to
 * Sunday) that holds `date`, in the hub's zone, sorted by start then by group id.
 *
 * @example
 * weekSessions([littleCloud], "2026-12-03", "Asia/Shanghai"); // Monday 30 Nov to Sunday 6 Dec
 */
export function weekSessions<G extends Pick<Group, "id" | "schedule">>(
  groups: readonly G[],
  date: IsoDate,
  timeZone: string,
): WeekSession<G>[] {
  const monday = weekStart(date);
  const out: WeekSession<G>[] = [];
  for (const group of groups) {
    group.schedule.forEach((s, scheduleIndex) => {
      for (const weekday of new Set(s.weekdays)) {
        const day = addDays(monday, weekday - 1);
        out.push({
          group,
          scheduleIndex,
          date: day,
          start: s.start,
          end: s.end,
          startsAt: zonedToEpoch(day, s.start, timeZone),
          ...(s.roomId !== undefined ? { roomId: s.roomId } : {}),
          ...(s.title !== undefined ? { title: s.title } : {}),
        });
      }
    });
  }
  return out.sort((a, b) => a.startsAt - b.startsAt || (a.group.id < b.group.id ? -1 : 1));
}
