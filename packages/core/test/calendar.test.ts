import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import {
  escapeIcsText,
  foldIcsLine,
  icsCalendar,
  icsDateTime,
  icsEvent,
  type IcsEvent,
} from "../src/calendar/index.js";
import { zonedToEpoch } from "../src/time/index.js";

const pickup: IcsEvent = {
  uid: "ord-1a2b3c@linli",
  start: zonedToEpoch("2026-12-01", "15:00", "Asia/Shanghai"),
  end: zonedToEpoch("2026-12-01", "16:00", "Asia/Shanghai"),
  stamp: Date.parse("2026-12-01T08:12:30+08:00"),
  summary: "取货：三个妈妈烘焙工作室（取货码 123456）",
  description: "虎皮奶油卷 × 2\n水果杯 × 1\n合计 ¥51.00; 凭取货码取货, 谢谢",
  location:
    "红房子一楼烘焙工作室，浙江省杭州市拱墅区半山街道桃源金星党群服务中心 (Taoyuan Jinxing Community Service Centre, Banshan Subdistrict, Gongshu District, Hangzhou)",
  alarmMinutesBefore: 30,
};

/** Parses with ical.js, a full RFC 5545 parser, and reads the one event back. */
function parsed(text: string) {
  const cal = new ICAL.Component(ICAL.parse(text));
  const vevent = cal.getFirstSubcomponent("vevent")!;
  return { cal, vevent, event: new ICAL.Event(vevent) };
}

describe("icsEvent", () => {
  it("writes a file that an iCalendar parser reads back exactly", () => {
    const text = icsEvent(pickup, { name: "邻里预订" });
    const { cal, vevent, event } = parsed(text);
    expect(cal.getFirstPropertyValue("version")).toBe("2.0");
    expect(cal.getFirstPropertyValue("prodid")).toBe("-//Linli//Linli//EN");
    expect(cal.getFirstPropertyValue("x-wr-calname")).toBe("邻里预订");
    expect(event.uid).toBe(pickup.uid);
    expect(event.summary).toBe(pickup.summary);
    expect(event.description).toBe(pickup.description);
    expect(event.location).toBe(pickup.location);
    expect(event.startDate.toJSDate().getTime()).toBe(pickup.start);
    expect(event.endDate.toJSDate().getTime()).toBe(pickup.end);
    expect(event.startDate.toString()).toBe("2026-12-01T07:00:00Z");
    expect((vevent.getFirstPropertyValue("dtstamp") as ICAL.Time).toJSDate().getTime()).toBe(
      pickup.stamp,
    );
    const alarm = vevent.getFirstSubcomponent("valarm")!;
    expect(alarm.getFirstPropertyValue("action")).toBe("DISPLAY");
    expect(String(alarm.getFirstPropertyValue("trigger"))).toBe("-PT30M");
  });

  it("ends every line with CRLF and keeps each within 75 octets without splitting a character", () => {
    const text = icsEvent(pickup);
    expect(text.endsWith("END:VCALENDAR\r\n")).toBe(true);
    expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    const lines = text.split("\r\n").slice(0, -1);
    for (const line of lines) {
      expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
      expect(line).not.toContain("\uFFFD");
    }
    expect(lines.some((l) => l.startsWith(" "))).toBe(true); // the long location was folded
  });

  it("escapes commas, semicolons, backslashes and line breaks in text", () => {
    expect(escapeIcsText("a,b;c\\d\ne\r\nf")).toBe("a\\,b\\;c\\\\d\\ne\\nf");
    const { event } = parsed(icsEvent({ ...pickup, summary: "a,b;c\\d\ne" }));
    expect(event.summary).toBe("a,b;c\\d\ne");
  });

  it("folds by octets: 25 Chinese characters fit a line, the 26th does not", () => {
    expect(foldIcsLine("字".repeat(25))).toBe("字".repeat(25));
    expect(foldIcsLine("字".repeat(26))).toBe(`${"字".repeat(25)}\r\n 字`);
    expect(foldIcsLine("a".repeat(80))).toBe(`${"a".repeat(75)}\r\n ${"a".repeat(5)}`);
  });

  it("writes instants in UTC", () => {
    expect(icsDateTime(Date.parse("2026-12-01T15:00:00+08:00"))).toBe("20261201T070000Z");
  });

  it("holds several events, and leaves out what an event does not have", () => {
    const text = icsCalendar([
      { uid: "a@linli", start: pickup.start, end: pickup.end, stamp: pickup.stamp, summary: "A" },
      { ...pickup, uid: "b@linli", url: "https://example.gov.cn/orders/b" },
    ]);
    const cal = new ICAL.Component(ICAL.parse(text));
    const events = cal.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
    expect(events.map((e) => e.uid)).toEqual(["a@linli", "b@linli"]);
    expect(events[0]!.location).toBeNull();
    expect(text).not.toContain("BEGIN:VALARM\r\nACTION:DISPLAY\r\nDESCRIPTION:A\r\n");
    expect(events[1]!.component.getFirstPropertyValue("url")).toBe(
      "https://example.gov.cn/orders/b",
    );
  });

  it("refuses an event that ends before it starts, bad times and a broken uid", () => {
    expect(() => icsEvent({ ...pickup, end: pickup.start })).toThrow(RangeError);
    expect(() => icsEvent({ ...pickup, stamp: Number.NaN })).toThrow(RangeError);
    expect(() => icsEvent({ ...pickup, uid: "a\r\nX-EVIL:1" })).toThrow(RangeError);
  });
});
