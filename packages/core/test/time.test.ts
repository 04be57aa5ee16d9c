import { describe, expect, it } from "vitest";
import {
  addDays,
  formatDateTime,
  toOffsetIso,
  toZoned,
  validate,
  weekdayOf,
  zonedToEpoch,
  IsoDateSchema,
  LocalTimeSchema,
  InstantSchema,
  TimeZoneSchema,
} from "../src/index.js";

describe("zoned time", () => {
  it("converts a Shanghai wall-clock time to an instant and back", () => {
    const t = zonedToEpoch("2026-12-01", "12:00", "Asia/Shanghai");
    expect(new Date(t).toISOString()).toBe("2026-12-01T04:00:00.000Z");
    expect(toZoned(t, "Asia/Shanghai")).toEqual({
      date: "2026-12-01",
      time: "12:00",
      weekday: 2,
      minutes: 720,
    });
    expect(toOffsetIso(t, "Asia/Shanghai")).toBe("2026-12-01T12:00:00+08:00");
  });

  it("handles zones with daylight saving", () => {
    // London: GMT in winter, BST in summer.
    expect(new Date(zonedToEpoch("2026-01-15", "09:00", "Europe/London")).toISOString()).toBe(
      "2026-01-15T09:00:00.000Z",
    );
    expect(new Date(zonedToEpoch("2026-07-15", "09:00", "Europe/London")).toISOString()).toBe(
      "2026-07-15T08:00:00.000Z",
    );
    expect(toOffsetIso(Date.parse("2026-07-15T08:00:00Z"), "Europe/London")).toBe(
      "2026-07-15T09:00:00+01:00",
    );
  });

  it("adds days across month and year ends, and knows ISO weekdays", () => {
    expect(addDays("2026-12-01", -1)).toBe("2026-11-30");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(weekdayOf("2026-11-30")).toBe(1);
    expect(weekdayOf("2026-12-06")).toBe(7);
  });

  it("formats a date and time for people in both languages", () => {
    const t = Date.parse("2026-12-01T02:00:00Z");
    expect(formatDateTime(t, "Asia/Shanghai", "zh-CN")).toBe("12月1日 10:00");
    expect(formatDateTime(t, "Asia/Shanghai", "en")).toBe("1 Dec, 10:00");
  });
});

describe("time schemas", () => {
  it("accept real dates, times, instants and zones", () => {
    expect(validate(IsoDateSchema, "2028-02-29").ok).toBe(true);
    expect(validate(LocalTimeSchema, "23:59").ok).toBe(true);
    expect(validate(InstantSchema, "2026-12-01T10:00:00+08:00").ok).toBe(true);
    expect(validate(InstantSchema, "2026-12-01T02:00:00Z").ok).toBe(true);
    expect(validate(TimeZoneSchema, "Asia/Shanghai").ok).toBe(true);
  });

  it.each([
    [IsoDateSchema, "2026-02-30", "INVALID_DATE", "日期必须是有效日期，例如 2026-12-01"],
    [IsoDateSchema, "2026/12/01", "INVALID_DATE", "日期必须是有效日期，例如 2026-12-01"],
    [LocalTimeSchema, "24:00", "INVALID_TIME", "此项必须是有效时间，例如 18:00"],
    [LocalTimeSchema, "9:00", "INVALID_TIME", "此项必须是有效时间，例如 18:00"],
    [InstantSchema, "2026-12-01T10:00:00", "INVALID_DATETIME", "此项必须是带时区的日期时间"],
    [TimeZoneSchema, "Mars/Olympus", "INVALID_TIME_ZONE", "此项不是有效的时区"],
  ] as const)("refuse %#: %s", (schema, input, code, zh) => {
    const r = validate(schema, schema === IsoDateSchema ? input : input);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error[0]!.code).toBe(code);
    // A bare value has no field name, so the label is generic; labelled fields are tested with their schemas.
    if (schema !== IsoDateSchema) expect(r.error[0]!.message["zh-CN"]).toBe(zh);
  });

  it("labels a date by its field name in both languages", () => {
    const r = validate(IsoDateSchema, "2026-02-30", {
      labels: { "": { "zh-CN": "日期", en: "the date" } },
    });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error[0]!.message["zh-CN"]).toBe("日期必须是有效日期，例如 2026-12-01");
      expect(r.error[0]!.message.en).toBe("The date must be a real date, like 2026-12-01");
    }
  });
});
