import { describe, expect, it } from "vitest";
import {
  GROUP_CATEGORIES,
  GROUP_CATEGORY_LABELS,
  GROUP_STATUSES,
  GROUP_STATUS_LABELS,
  groupLifecycle,
  matchesGroupQuery,
  nextSession,
  publicGroup,
  toPublicPartner,
  COHORTS,
} from "../src/index.js";
import { groups, partners } from "../src/fixtures/index.js";

const TZ = "Asia/Shanghai";
const at = (local: string) => Date.parse(`${local}+08:00`);
const littleCloud = groups.find((g) => g.id === "little-cloud-studio")!;

describe("next session", () => {
  it("finds today's class before it ends, and tomorrow's after", () => {
    // Tuesday 1 December 2026.
    expect(nextSession(littleCloud, at("2026-12-01T08:00:00"), TZ)).toMatchObject({
      date: "2026-12-01",
      start: "09:00",
      roomId: "cloud-room",
    });
    expect(nextSession(littleCloud, at("2026-12-01T11:00:00"), TZ)).toMatchObject({
      date: "2026-12-01",
      start: "09:00",
    });
    expect(nextSession(littleCloud, at("2026-12-01T11:30:00"), TZ)).toMatchObject({
      date: "2026-12-02",
      start: "09:00",
    });
  });

  it("moves from Friday's class to the weekend outing", () => {
    const r = nextSession(littleCloud, at("2026-12-04T12:00:00"), TZ);
    expect(r).toMatchObject({ date: "2026-12-05", start: "09:00", end: "11:00" });
    expect(r?.roomId).toBeUndefined();
    expect(r?.startsAt).toBe(at("2026-12-05T09:00:00"));
  });

  it("finds street dance in the evening and nothing for a group without a timetable", () => {
    const dance = groups.find((g) => g.id === "street-dance")!;
    expect(nextSession(dance, at("2026-12-01T12:00:00"), TZ)).toMatchObject({
      date: "2026-12-01",
      start: "19:00",
    });
    const help = groups.find((g) => g.id === "neighbour-help")!;
    expect(nextSession(help, at("2026-12-01T12:00:00"), TZ)).toBeUndefined();
  });
});

describe("public views of partners", () => {
  it("shows a chosen display name or a masked name, never a phone or income", () => {
    const hu = toPublicPartner(partners.find((p) => p.id === "hu-yanling")!);
    expect(hu).toEqual({
      id: "hu-yanling",
      name: "胡老师",
      roles: ["organiser"],
      groupIds: ["three-moms-baking"],
    });
    const zhou = toPublicPartner(partners.find((p) => p.id === "zhou-xiaomin")!);
    expect(zhou.name).toBe("周**");
    for (const p of partners) {
      const json = JSON.stringify(toPublicPartner(p));
      expect(json).not.toContain(p.contact.phone);
      if (p.displayName === undefined) expect(json).not.toContain(p.name);
      expect(json).not.toContain("incomeBaseline");
    }
  });
});

describe("fixtures", () => {
  it("cover every cohort and span the hub's themes", () => {
    const cohorts = new Set(partners.flatMap((p) => p.cohorts));
    for (const c of COHORTS) expect(cohorts.has(c), c).toBe(true);
    const categories = new Set(groups.map((g) => g.category));
    expect(categories.size).toBeGreaterThanOrEqual(12);
    for (const c of GROUP_CATEGORIES) expect(GROUP_CATEGORY_LABELS[c].en.length).toBeGreaterThan(0);
  });

  it("name every status in both languages, as badges and the lifecycle's refusals show it", () => {
    expect(Object.keys(GROUP_STATUS_LABELS)).toEqual([...GROUP_STATUSES]);
    expect(GROUP_STATUS_LABELS["self-operating"]).toEqual({
      "zh-CN": "自主运营",
      en: "Self-operating",
    });
    expect(groupLifecycle.labels).toBe(GROUP_STATUS_LABELS);
  });

  it("reference organisers who exist", () => {
    const ids = new Set(partners.map((p) => p.id));
    for (const g of groups)
      for (const o of g.organiserIds) expect(ids.has(o), `${g.id} → ${o}`).toBe(true);
  });

  it("have the two self-operating groups the seed names", () => {
    const self = groups.filter((g) => g.status === "self-operating").map((g) => g.name["zh-CN"]);
    expect(self).toEqual(["三个妈妈烘焙工作室", "桃源巾帼共富工坊"]);
  });
});

describe("group search and public views", () => {
  it("finds groups by Chinese or English name, ignoring case, within category and status", () => {
    const ids = (q: Parameters<typeof matchesGroupQuery>[1]) =>
      groups.filter((g) => matchesGroupQuery(g, q)).map((g) => g.id);
    expect(ids({ q: "BAKING studio" })).toEqual(["three-moms-baking"]);
    expect(ids({ q: "烘焙" })).toEqual(["three-moms-baking"]);
    expect(ids({ q: "dance", category: "dance" })).toEqual(["street-dance", "square-dance"]);
    expect(ids({ status: "self-operating" })).toEqual([
      "three-moms-baking",
      "taoyuan-womens-workshop",
    ]);
    expect(ids({ q: "  " })).toHaveLength(62);
    expect(ids({ q: "no such group" })).toEqual([]);
  });

  it("shows organisers by public name only", () => {
    const bakery = publicGroup(groups[0]!, new Map(partners.map((p) => [p.id, p])));
    expect(bakery.organisers.map((o) => o.name)).toEqual(["胡老师", "周**", "王*"]);
    expect(JSON.stringify(bakery)).not.toMatch(/1380000\d{4}/);
    // An organiser missing from the partner list is left out, not shown as an id.
    expect(publicGroup(groups[0]!, new Map()).organisers).toEqual([]);
  });
});
