import { describe, expect, it } from "vitest";
import { groups } from "../src/fixtures/index.js";
import { weekSessions, weekStart } from "../src/groups/index.js";

describe("weekStart", () => {
  it("is the Monday of the ISO week", () => {
    expect(weekStart("2026-12-03")).toBe("2026-11-30");
    expect(weekStart("2026-11-30")).toBe("2026-11-30");
    expect(weekStart("2026-12-06")).toBe("2026-11-30");
    expect(weekStart("2027-01-01")).toBe("2026-12-28");
  });
});

describe("weekSessions", () => {
  it("expands a weekday schedule into dated sessions in the hub's zone", () => {
    const g = {
      id: "little-cloud",
      schedule: [
        { weekdays: [1, 2, 3, 4, 5], start: "09:00", end: "11:00", roomId: "cloud-room" },
        { weekdays: [6, 7], start: "14:00", end: "17:00" },
      ],
    };
    const week = weekSessions([g], "2026-12-02", "Asia/Shanghai");
    expect(week.map((s) => `${s.date} ${s.start}`)).toEqual([
      "2026-11-30 09:00",
      "2026-12-01 09:00",
      "2026-12-02 09:00",
      "2026-12-03 09:00",
      "2026-12-04 09:00",
      "2026-12-05 14:00",
      "2026-12-06 14:00",
    ]);
    expect(week[0]).toMatchObject({
      group: g,
      scheduleIndex: 0,
      roomId: "cloud-room",
      end: "11:00",
    });
    expect(week[0]!.startsAt).toBe(Date.parse("2026-11-30T09:00:00+08:00"));
    expect(week[6]!.scheduleIndex).toBe(1);
    expect("roomId" in week[6]!).toBe(false);
  });

  it("sorts across groups by start, and gives nothing for a group without a schedule", () => {
    const a = { id: "a", schedule: [{ weekdays: [2], start: "19:00", end: "21:00" }] };
    const b = { id: "b", schedule: [{ weekdays: [2], start: "08:00", end: "09:00" }] };
    const none = { id: "c", schedule: [] };
    const week = weekSessions([a, none, b], "2026-12-01", "Asia/Shanghai");
    expect(week.map((s) => s.group.id)).toEqual(["b", "a"]);
  });

  it("handles the fixtures' real groups", () => {
    const week = weekSessions(groups, "2026-12-01", "Asia/Shanghai");
    expect(week.length).toBeGreaterThan(0);
    for (const s of week) expect(s.date >= "2026-11-30" && s.date <= "2026-12-06").toBe(true);
  });
});
