import * as z from "zod/mini";
import { minutesOf } from "./zoned.js";

/** A calendar date, `YYYY-MM-DD` (checked to exist: no 30 February). */
export const IsoDateSchema = /* @__PURE__ */ (() => z.iso.date({ error: "INVALID_DATE" }))();
export type IsoDate = z.infer<typeof IsoDateSchema>;

/** A wall-clock time, `HH:MM`, 00:00 to 23:59. */
export const LocalTimeSchema = /* @__PURE__ */ (() =>
  z.string().check(z.regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/, { error: "INVALID_TIME" })))();
export type LocalTime = z.infer<typeof LocalTimeSchema>;

/** A moment, ISO 8601 with an explicit offset or `Z`, e.g. `2026-12-01T12:00:00+08:00`. */
export const InstantSchema = /* @__PURE__ */ (() =>
  z.iso.datetime({ offset: true, error: "INVALID_DATETIME" }))();
export type Instant = z.infer<typeof InstantSchema>;

/** An IANA time zone known to this runtime's Intl, e.g. `Asia/Shanghai`. */
export const TimeZoneSchema = /* @__PURE__ */ (() =>
  z.string().check(z.refine((tz) => isTimeZone(tz), { error: "INVALID_TIME_ZONE" })))();
export type TimeZone = z.infer<typeof TimeZoneSchema>;

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export const WeekdaySchema = /* @__PURE__ */ (() => z.int().check(z.gte(1), z.lte(7)))();
export type Weekday = z.infer<typeof WeekdaySchema>;

function isTimeZone(tz: string): boolean {
  if (tz.length === 0 || tz.length > 64) return false;
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/**
 * A check for objects with `start` and `end` times: the end must come after the start
 * (`END_BEFORE_START` on `end`). Sessions and pickup slots use it.
 */
export const endAfterStart = <T extends { start: string; end: string }>() =>
  z.superRefine<T>((s, ctx) => {
    if (minutesOf(s.end) <= minutesOf(s.start)) {
      ctx.issues.push({ code: "custom", message: "END_BEFORE_START", path: ["end"], input: s.end });
    }
  });
