import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import {
  createMetricRegistry,
  CSV_COLUMNS,
  MetricDefinitionSchema,
  MetricsSnapshotSchema,
  RequestSchema,
  snapshotToCsv,
  snapshotToJson,
  validate,
  toLedgerColumns,
  type LedgerEntry,
  type MetricFigure,
  type MetricsData,
  type MetricsSnapshot,
  type MonthRange,
} from "../src/index.js";
import { activityLedger, gongshuActivity, ningboAlliance } from "../src/fixtures/index.js";

const registry = createMetricRegistry();
const AT = "2026-11-28T12:00:00+08:00";

function fig(data: MetricsData, id: string, range: MonthRange): MetricFigure {
  const r = registry.compute(id, data, range);
  if (!r.ok) throw new Error(r.error.message.en);
  return r.value;
}
const NOV = { from: "2026-11", to: "2026-11" };
const OCT = { from: "2026-10", to: "2026-10" };
const BOTH = { from: "2026-10", to: "2026-11" };
const value = (f: MetricFigure) => (f.available ? f.value : `N/A ${f.reason}`);
const parts = (f: MetricFigure) =>
  f.available ? Object.fromEntries(f.breakdown.map((b) => [b.key, b.value])) : {};

describe("income uplift, worked by hand", () => {
  // Net settled income (fen) and baselines:
  //   Chen Sicong (night market, baseline 650 000): Oct 85% of ¥6,000 = 510 000; Nov 85% of ¥8,000 = 680 000 (stall fee waived).
  //   Hu Yanling (bakery, baseline 0): Oct 300 000 − 3 × 20 fee = 299 940;
  //     Nov 300 000 + 80% of 300 000 − 4 × 20 − 1 200 (her part of a ¥15 refund) = 538 720.
  //   Li Guiying (piecework, baseline 320 000): Oct 85% of ¥3,000 = 255 000; Nov 85% of ¥4,000 = 340 000.
  // Uplifts: Oct −140 000, 299 940, −65 000; Nov 30 000, 538 720, 20 000;
  //   over both months (average income less baseline) −55 000, 419 330, −22 500.
  it("gives the mean per month and over the period, rounded half to even", () => {
    expect(value(fig(gongshuActivity, "income-uplift.mean", OCT))).toBe(31647); // 94 940 / 3 = 31 646.67
    expect(value(fig(gongshuActivity, "income-uplift.mean", NOV))).toBe(196240); // 588 720 / 3
    expect(value(fig(gongshuActivity, "income-uplift.mean", BOTH))).toBe(113943); // 341 830 / 3 = 113 943.33
  });

  it("leaves out months before the platform started recording, rather than counting them as zero", () => {
    // gongshuActivity records from 2026-10-01: June to November is October and November.
    const SINCE_JUNE = { from: "2026-06", to: "2026-11" };
    expect(value(fig(gongshuActivity, "income-uplift.mean", SINCE_JUNE))).toBe(113943);
    expect(value(fig(gongshuActivity, "income-uplift.median", SINCE_JUNE))).toBe(-22500);
  });

  it("leaves out a month not yet over, and says so when no month of the period is", () => {
    // Read on 28 November: November's income so far is not a month's income.
    const midNovember: MetricsData = { ...gongshuActivity, asOf: "2026-11-28" };
    expect(value(fig(midNovember, "income-uplift.mean", BOTH))).toBe(31647); // October alone
    expect(value(fig(midNovember, "income-uplift.median", BOTH))).toBe(-65000);
    const nov = fig(midNovember, "income-uplift.mean", NOV);
    expect(nov).toEqual({
      available: false,
      reason: "MONTH_NOT_OVER",
      message: {
        "zh-CN": "本期还没有结束的月份（数据截至 2026-11-28）：不足一个月的收入不与月收入基线比较",
        en: "No month of this period is over yet (data as of 2026-11-28); part of a month's income is not compared with a monthly baseline",
      },
    });
    expect(value(fig(midNovember, "income-uplift.above-threshold", NOV))).toBe(
      "N/A MONTH_NOT_OVER",
    );
    // On its last day the month is over.
    expect(value(fig({ ...midNovember, asOf: "2026-11-30" }, "income-uplift.mean", NOV))).toBe(
      196240,
    );
    // Other figures count the month so far: sessions held are sessions held.
    expect(value(fig(midNovember, "sessions.held", NOV))).toBe(
      value(fig(gongshuActivity, "sessions.held", NOV)),
    );
  });

  it("gives the median", () => {
    expect(value(fig(gongshuActivity, "income-uplift.median", OCT))).toBe(-65000);
    expect(value(fig(gongshuActivity, "income-uplift.median", NOV))).toBe(30000);
    expect(value(fig(gongshuActivity, "income-uplift.median", BOTH))).toBe(-22500);
  });

  it("says who was left out and why", () => {
    const f = fig(gongshuActivity, "income-uplift.mean", NOV);
    expect(parts(f)).toEqual({ stayed: 196240, left: null, counted: 3 });
    expect(f.available && f.notes.map((n) => n.en)).toEqual([
      "1 participant(s) without an income baseline are not counted.",
      "6 participant(s) whose income is not settled through the platform are not counted.",
    ]);
    expect(f.available && f.notes[0]!["zh-CN"]).toBe("1 名参与人没有收入基线，未计入。");
    expect(f.available && f.provenance.records).toEqual({
      partners: 16,
      "ledger entries": expect.any(Number),
    });
  });

  it("counts a participant who left mid-period among those who left, over the months they were in", () => {
    const data: MetricsData = {
      ...gongshuActivity,
      partners: gongshuActivity.partners.map((p) =>
        p.id === "chen-sicong" ? { ...p, leftOn: "2026-11-15" } : p,
      ),
    };
    const nov = fig(data, "income-uplift.mean", NOV);
    expect(value(nov)).toBe(196240);
    expect(parts(nov)).toEqual({ stayed: 279360, left: 30000, counted: 3 }); // (538 720 + 20 000) / 2
    expect(parts(fig(data, "income-uplift.median", BOTH))).toEqual({
      stayed: 198415,
      left: -55000,
      counted: 3,
    }); // (419 330 − 22 500) / 2
    // Had he left at the end of September, he would not be a participant in November at all.
    const gone = {
      ...data,
      partners: data.partners.map((p) =>
        p.id === "chen-sicong" ? { ...p, leftOn: "2026-09-30" } : p,
      ),
    };
    expect(parts(fig(gone, "income-uplift.mean", NOV))).toEqual({
      stayed: 279360,
      left: null,
      counted: 2,
    });
  });

  it("counts participants above the ¥2,000 threshold, and takes another threshold", () => {
    const f = fig(gongshuActivity, "income-uplift.above-threshold", NOV);
    expect(value(f)).toBe(1);
    expect(parts(f)).toEqual({ share: 1 / 3, counted: 3, threshold: 200000 });
    const low = createMetricRegistry({ upliftThreshold: 20000 }).compute(
      "income-uplift.above-threshold",
      gongshuActivity,
      NOV,
    );
    expect(low.ok && value(low.value)).toBe(3);
  });

  it("is not available, with the reason, when no one has a baseline", () => {
    const data = {
      ...gongshuActivity,
      partners: gongshuActivity.partners.map(({ incomeBaseline: _b, ...p }) => p),
    };
    for (const id of [
      "income-uplift.mean",
      "income-uplift.median",
      "income-uplift.above-threshold",
    ]) {
      expect(fig(data, id, NOV)).toEqual({
        available: false,
        reason: "NO_BASELINE",
        message: {
          "zh-CN": "没有参与人登记了收入基线，无法计算增收",
          en: "No participant has a recorded income baseline, so uplift cannot be computed",
        },
      });
    }
  });

  it("is not available when those with a baseline have no income through the platform", () => {
    const data = { ...gongshuActivity, ruleSets: [] };
    expect(fig(data, "income-uplift.mean", NOV)).toMatchObject({
      available: false,
      reason: "NO_INCOME_DATA",
    });
  });

  it("counts no income for a month without sales", () => {
    const data = {
      ...gongshuActivity,
      ledger: activityLedger.filter((e) => e.period !== "2026-10"),
    };
    // Everyone earned 0 in October: uplifts are −650 000, 0, −320 000.
    expect(value(fig(data, "income-uplift.mean", OCT))).toBe(-323333); // −970 000 / 3 = −323 333.33
  });

  it("leaves out ledger entries in another currency, with a note", () => {
    const yen = activityLedger
      .filter((e) => e.ruleSetId === "night-market-partner" && e.period === "2026-11")
      .map((e) => ({ ...e, currency: "JPY" as const }));
    const data = { ...gongshuActivity, ledger: [...activityLedger, ...yen] };
    const f = fig(data, "income-uplift.mean", NOV);
    expect(value(f)).toBe(196240);
    // Chen Sicong's account has 12 November entries: 10 sales, the stall fee and its waiver.
    expect(f.available && f.notes[0]).toEqual({
      "zh-CN": "12 条非 CNY 账目未计入。",
      en: "12 ledger entries not in CNY are not counted.",
    });
  });
});

describe("participants", () => {
  it("counts each person once across groups and sessions, by cohort", () => {
    // Ten enrolled participants (staff and mentors are not), Sun Lei (who left in March) came
    // to street dance in November; Li Guiying and Wang Jing are in two groups each.
    const f = fig(gongshuActivity, "participants.unique", NOV);
    expect(value(f)).toBe(11);
    expect(parts(f)).toEqual({
      "full-time-mother": 4,
      "unemployed-youth": 2,
      retiree: 3,
      "new-employment-worker": 1,
      other: 1,
      "no-cohort": 0,
    });
    expect(value(fig(gongshuActivity, "participants.unique", OCT))).toBe(10);
    expect(value(fig(gongshuActivity, "participants.unique", BOTH))).toBe(11);
  });
});

describe("groups", () => {
  it("counts the 62 groups by status at the end of the period", () => {
    const f = fig(gongshuActivity, "groups.by-status", NOV);
    expect(value(f)).toBe(62);
    expect(parts(f)).toEqual({
      proposed: 2,
      incubating: 7,
      active: 50,
      "self-operating": 2,
      archived: 1,
    });
  });

  it("gives the share that run themselves, 2 of the 61 not archived", () => {
    expect(value(fig(gongshuActivity, "groups.self-operating-share", NOV))).toBe(2 / 61);
  });

  it("reads status history: in March 2025 neither group ran itself yet", () => {
    const data = { ...gongshuActivity, recordsSince: "2024-01-01" };
    const march = fig(data, "groups.self-operating-share", { from: "2025-03", to: "2025-03" });
    expect(value(march)).toBe(0);
    expect(parts(march)).toEqual({ "self-operating": 0, "not-archived": 61 });
    expect(
      parts(fig(data, "groups.by-status", { from: "2025-06", to: "2025-06" }))["self-operating"],
    ).toBe(1);
  });

  it("is not available for a zero denominator", () => {
    const data = {
      ...gongshuActivity,
      groups: gongshuActivity.groups.filter((g) => g.status === "archived"),
    };
    expect(fig(data, "groups.self-operating-share", NOV)).toEqual({
      available: false,
      reason: "ZERO_DENOMINATOR",
      message: {
        "zh-CN": "分母为零（未归档社群数），比例无法计算",
        en: "The denominator (groups not archived) is zero, so the ratio cannot be computed",
      },
    });
  });
});

describe("sessions", () => {
  it("counts sessions held and attendance", () => {
    expect(value(fig(gongshuActivity, "sessions.held", NOV))).toBe(7);
    expect(parts(fig(gongshuActivity, "sessions.held", NOV))).toEqual({
      "early-education": 4,
      piecework: 2,
      dance: 1,
    });
    expect(value(fig(gongshuActivity, "sessions.attendance", NOV))).toBe(101); // 12+14+11+18+9+15+22
    expect(value(fig(gongshuActivity, "sessions.attendance", OCT))).toBe(29);
    expect(parts(fig(gongshuActivity, "sessions.attendance", BOTH))).toEqual({
      "per-session": 130 / 9,
    });
  });

  it("reports a real zero for a recorded month without sessions, and no average", () => {
    const data = { ...gongshuActivity, sessions: [] };
    const f = fig(data, "sessions.attendance", NOV);
    expect(value(f)).toBe(0);
    expect(f.available && f.breakdown[0]).toMatchObject({
      key: "per-session",
      value: null,
      reason: "ZERO_DENOMINATOR",
    });
  });
});

describe("requests", () => {
  it("counts the red house's requests received and resolved in November", () => {
    expect(value(fig(gongshuActivity, "requests.received", NOV))).toBe(3);
    // One received in October and resolved in November; a referral is closed but not resolved.
    expect(value(fig(gongshuActivity, "requests.resolved", NOV))).toBe(2);
    expect(value(fig(gongshuActivity, "requests.resolution-rate", NOV))).toBe(1 / 3);
  });

  it("gives the Ningbo alliance's 111 resolved requests, 16 of them technical", () => {
    const all = { from: "2025-07", to: "2025-11" };
    expect(value(fig(ningboAlliance, "requests.received", all))).toBe(120);
    expect(value(fig(ningboAlliance, "requests.resolved", all))).toBe(111);
    expect(parts(fig(ningboAlliance, "requests.resolved", all))).toEqual({ technical: 16 });
    expect(value(fig(ningboAlliance, "requests.resolution-rate", all))).toBe(111 / 120);
    // July: received on days 1–24, resolved ten days later; those from day 22 on closed in August.
    expect(
      value(fig(ningboAlliance, "requests.resolution-rate", { from: "2025-07", to: "2025-07" })),
    ).toBe(21 / 24);
  });

  it("is not available for a month with no requests", () => {
    const f = fig({ ...gongshuActivity, requests: [] }, "requests.resolution-rate", NOV);
    expect(f).toMatchObject({ available: false, reason: "ZERO_DENOMINATOR" });
    expect(f.available === false && f.message.en).toBe(
      "The denominator (requests received in the period) is zero, so the ratio cannot be computed",
    );
  });

  it("refuses a request resolved before it was received", () => {
    const r = validate(RequestSchema, {
      id: "x",
      scope: "red-house",
      raisedBy: { kind: "resident" },
      category: "other",
      receivedOn: "2026-11-10",
      resolvedOn: "2026-11-01",
    });
    expect(!r.ok && r.error[0]).toMatchObject({
      path: "resolvedOn",
      code: "RESOLVED_BEFORE_RECEIVED",
      message: { en: "The date resolved cannot be before the date received" },
    });
  });
});

describe("coverage", () => {
  it("gives the ratio with where its denominator came from and as of when", () => {
    const f = fig(ningboAlliance, "coverage.key-firms-party-organisations", {
      from: "2025-11",
      to: "2025-11",
    });
    expect(value(f)).toBe(1);
    expect(parts(f)).toEqual({ numerator: 494, denominator: 494 });
    expect(f.available && f.provenance.sources).toEqual([
      {
        label: {
          "zh-CN": "宁波市社会工作部推进会发布的重点企业名单",
          en: "The key-firm list published by Ningbo's social work department",
        },
        asOf: "2025-11-19",
      },
    ]);
  });

  it("is not available before the first count, or with a zero denominator", () => {
    expect(
      fig(ningboAlliance, "coverage.key-firms-party-organisations", {
        from: "2025-10",
        to: "2025-10",
      }),
    ).toMatchObject({ available: false, reason: "NO_OBSERVATION" });
    const zero = {
      ...ningboAlliance,
      coverage: [
        {
          ...ningboAlliance.coverage[0]!,
          observations: [
            { ...ningboAlliance.coverage[0]!.observations[0]!, numerator: 0, denominator: 0 },
          ],
        },
      ],
    };
    expect(
      fig(zero, "coverage.key-firms-party-organisations", { from: "2025-11", to: "2025-11" }),
    ).toMatchObject({ available: false, reason: "ZERO_DENOMINATOR" });
  });
});

describe("periods outside the data", () => {
  it("are not available, never 0", () => {
    for (const d of registry.definitions) {
      const future = fig(gongshuActivity, d.id, { from: "2027-01", to: "2027-01" });
      expect(future, d.id).toEqual({
        available: false,
        reason: "FUTURE_PERIOD",
        message: {
          "zh-CN": "这一时期还没有到来（数据截至 2026-11-30）",
          en: "This period has not happened yet (data as of 2026-11-30)",
        },
      });
      expect(fig(gongshuActivity, d.id, { from: "2026-08", to: "2026-09" }), d.id).toMatchObject({
        available: false,
        reason: "NOT_RECORDED",
      });
    }
  });

  it("refuses a backwards or malformed period", () => {
    const r = registry.compute("sessions.held", gongshuActivity, {
      from: "2026-11",
      to: "2026-10",
    });
    expect(!r.ok && r.error).toMatchObject({
      code: "INVALID_PERIOD",
      message: { en: "The period is not valid: 2026-11 to 2026-10" },
    });
    expect(
      registry.compute("sessions.held", gongshuActivity, { from: "2026-13", to: "2026-13" }).ok,
    ).toBe(false);
    const unknown = registry.compute("happiness", gongshuActivity, NOV);
    expect(!unknown.ok && unknown.error.code).toBe("UNKNOWN_METRIC");
  });
});

describe("definitions and the registry", () => {
  it("defines every built-in metric completely in both languages", () => {
    const ids = registry.definitions.map((d) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const d of registry.definitions) {
      expect(validate(MetricDefinitionSchema, d).ok, d.id).toBe(true);
      for (const text of [d.name, d.description, d.calculation, ...d.assumptions, ...d.footnotes]) {
        expect(text["zh-CN"], d.id).toMatch(/[\u4e00-\u9fff]/);
        expect(text.en, d.id).not.toMatch(/[\u4e00-\u9fff]/);
      }
    }
  });

  it("takes a host's own metric into snapshots, and refuses a duplicate id", () => {
    const own = createMetricRegistry().register({
      definition: {
        id: "bakes.sold",
        version: "1.0.0",
        name: { "zh-CN": "售出甜品数", en: "Bakes sold" },
        description: { "zh-CN": "售出的甜品份数", en: "Bakes sold" },
        unit: "count",
        calculation: { "zh-CN": "销售记录条数", en: "Sale records" },
        assumptions: [],
        footnotes: [],
      },
      compute: (ctx) => ({
        available: true,
        value: (ctx.data.ledger as readonly LedgerEntry[]).filter(
          (e) =>
            e.ruleSetId === "three-moms-bakery" &&
            e.kind === "sale" &&
            e.account === "cash" &&
            e.period >= ctx.range.from &&
            e.period <= ctx.range.to,
        ).length,
        breakdown: [],
        notes: [],
        provenance: { records: {}, sources: [] },
      }),
    });
    const snap = own.snapshot(gongshuActivity, BOTH, AT);
    expect(
      snap.ok &&
        snap.value.metrics
          .find((m) => m.definition.id === "bakes.sold")
          ?.series.map((s) => value(s.figure)),
    ).toEqual([3, 4]);
    expect(() =>
      own.register({
        ...own,
        definition: own.definitions[0]!,
        compute: () => ({
          available: false,
          reason: "NO_BASELINE",
          message: { "zh-CN": "", en: "" },
        }),
      }),
    ).toThrow(/already registered/);
  });
});

describe("snapshots and export", () => {
  const snap = registry.snapshot(gongshuActivity, BOTH, AT);
  if (!snap.ok) throw new Error("snapshot failed");
  const snapshot: MetricsSnapshot = snap.value;

  it("validates against the shared snapshot schema, with a series per month", () => {
    expect(validate(MetricsSnapshotSchema, snapshot).ok).toBe(true);
    expect(validate(MetricsSnapshotSchema, JSON.parse(snapshotToJson(snapshot))).ok).toBe(true);
    expect(snapshot.metrics.map((m) => m.series.map((s) => s.month))).toEqual(
      snapshot.metrics.map(() => ["2026-10", "2026-11"]),
    );
    const uplift = snapshot.metrics.find((m) => m.definition.id === "income-uplift.mean")!;
    expect(uplift.series.map((s) => value(s.figure))).toEqual([31647, 196240]);
    expect(value(uplift.figure)).toBe(113943);
  });

  it("gives the same snapshot from a ledger kept as columns", () => {
    const columns = registry.snapshot(
      { ...gongshuActivity, ledger: toLedgerColumns(activityLedger) },
      BOTH,
      AT,
    );
    expect(columns.ok && columns.value).toEqual(snapshot);
  });

  it("exports CSV with a BOM that a CSV parser reads back to the same numbers and text", () => {
    const csv = snapshotToCsv(snapshot);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const parsed = Papa.parse<Record<string, string>>(csv.slice(1), {
      header: true,
      skipEmptyLines: true,
    });
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.fields).toEqual([...CSV_COLUMNS]);
    const rows = parsed.data;
    // Every figure and breakdown part, for the period and each month, comes back as written.
    let checked = 0;
    for (const m of snapshot.metrics) {
      for (const [when, f] of [
        [`2026-10..2026-11`, m.figure] as const,
        ...m.series.map((s) => [s.month, s.figure] as const),
      ]) {
        const head = rows.find(
          (r) => r.metric_id === m.definition.id && r.period === when && r.part === "",
        )!;
        expect(head.name_zh_cn).toBe(m.definition.name["zh-CN"]);
        expect(head.name_en).toBe(m.definition.name.en);
        if (f.available) {
          expect(Number(head.value)).toBe(f.value);
          for (const b of f.breakdown) {
            const row = rows.find(
              (r) => r.metric_id === m.definition.id && r.period === when && r.part === b.key,
            )!;
            expect(row.value === "" ? null : Number(row.value)).toBe(b.value);
            expect(row.part_zh_cn).toBe(b.label["zh-CN"]);
            checked++;
          }
        } else {
          expect(head.value).toBe("");
          expect(head.reason).toBe(f.reason);
          expect(head.message_zh_cn).toBe(f.message["zh-CN"]);
        }
        checked++;
      }
    }
    expect(checked).toBe(rows.length);
    expect(
      rows.find(
        (r) => r.metric_id === "income-uplift.mean" && r.period === "2026-11" && r.part === "",
      ),
    ).toMatchObject({ currency: "CNY", unit: "money", value: "196240" });
  });

  it("quotes text with commas, quotes and line breaks", () => {
    const tricky = {
      ...snapshot,
      metrics: [
        {
          ...snapshot.metrics[0]!,
          definition: {
            ...snapshot.metrics[0]!.definition,
            name: { "zh-CN": "增收，“平均”\n值", en: 'Uplift, "mean"' },
          },
        },
      ],
    };
    const rows = Papa.parse<Record<string, string>>(snapshotToCsv(tricky).slice(1), {
      header: true,
      skipEmptyLines: true,
    }).data;
    expect(rows[0]!.name_zh_cn).toBe("增收，“平均”\n值");
    expect(rows[0]!.name_en).toBe('Uplift, "mean"');
  });
});
