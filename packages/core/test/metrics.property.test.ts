import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  COHORTS,
  createMetricRegistry,
  roundHalfEven,
  toLedgerColumns,
  type LedgerEntry,
  type MetricFigure,
  type MetricsData,
  type MonthRange,
  type Partner,
  type SessionRecord,
  type SplitRuleSet,
} from "../src/index.js";
import { countAtLeast, meanOf, medianOf } from "../src/metrics/stats.js";

// The snapshot reads facts through typed arrays, shared maps and selection; these
// properties hold it to the definitions written the plain way, on random records.

const RUNS = { numRuns: 300 } as const;

describe("mean and median over two lists", () => {
  const values = fc.array(
    fc.oneof(
      fc.double(),
      fc.integer({ min: -5, max: 5 }),
      fc.constantFrom(0, -0, 0.5, -0.5, 1.5, Number.NaN),
    ),
    { maxLength: 60 },
  );
  const sortedMedian = (xs: number[]) => {
    if (xs.length === 0) return null;
    const s = Float64Array.from(xs).sort();
    const mid = s.length >> 1;
    return roundHalfEven(s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2);
  };

  it("give what concatenating, summing and sorting give", () => {
    fc.assert(
      fc.property(values, values, fc.double({ noNaN: true }), (xs, ys, threshold) => {
        const all = [...xs, ...ys];
        const a = Float64Array.from(xs);
        const b = Float64Array.from(ys);
        const mean =
          all.length === 0 ? null : roundHalfEven(all.reduce((p, q) => p + q, 0) / all.length);
        expect(meanOf(a, b)).toBe(mean);
        expect(medianOf(a, b)).toBe(sortedMedian(all));
        expect(medianOf(a)).toBe(sortedMedian(xs));
        expect(countAtLeast(a, threshold) + countAtLeast(b, threshold)).toBe(
          all.filter((x) => x >= threshold).length,
        );
        // The lists themselves are left as they were.
        expect([...a]).toEqual(xs);
      }),
      { numRuns: 2000 },
    );
  });

  it("select the middle of long runs of equal values and of sorted lists", () => {
    const runs = [
      Array.from({ length: 10_001 }, (_, i) => i % 3),
      Array.from({ length: 10_000 }, (_, i) => i),
      Array.from({ length: 10_000 }, (_, i) => -i),
      Array.from({ length: 9_999 }, () => 7),
    ];
    for (const xs of runs) expect(medianOf(Float64Array.from(xs))).toBe(sortedMedian(xs));
  });
});

const MONTHS = ["2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06"];
const PERIOD: MonthRange = { from: "2026-02", to: "2026-05" };
const ROLES = ["organiser", "co-founder", "mentor", "helper", "volunteer", "staff"] as const;
const PARTICIPANT = new Set<string>(["organiser", "co-founder", "helper", "volunteer"]);

const partnerArb = fc.record({
  id: fc.constantFrom("p0", "p1", "p2", "p3", "p4", "p5", "p6", "p7"),
  roles: fc.subarray([...ROLES], { minLength: 1 }),
  cohorts: fc.subarray([...COHORTS]),
  joined: fc.integer({ min: 0, max: 5 }),
  /** Months after joining that the person left, if they did. */
  stayedFor: fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined }),
  baseline: fc.option(
    fc.record({
      amount: fc.integer({ min: 0, max: 9 }).map((k) => k * 12_345),
      currency: fc.constantFrom("CNY", "CNY", "USD"),
    }),
    { nil: undefined },
  ),
});
const ruleSetArb = fc.record({
  id: fc.constantFrom("r0", "r1", "r2", "r3"),
  parties: fc.array(
    fc.record({
      id: fc.constantFrom("a", "b", "c"),
      partnerId: fc.option(fc.constantFrom("p0", "p1", "p2", "p3", "p4", "p5", "p6", "p9"), {
        nil: undefined,
      }),
    }),
    { minLength: 1, maxLength: 3 },
  ),
});
const entryArb = fc.record({
  ruleSetId: fc.constantFrom("r0", "r1", "r2", "r3", "r9"),
  account: fc.constantFrom("cash", "party:a", "party:b", "party:c", "party:", "fee:a"),
  amount: fc.integer({ min: -50_000, max: 50_000 }),
  currency: fc.constantFrom("CNY", "CNY", "CNY", "USD"),
  month: fc.integer({ min: 0, max: 5 }),
});
const sessionArb = fc.record({
  month: fc.integer({ min: 0, max: 5 }),
  ids: fc.option(
    fc.array(fc.constantFrom("p0", "p1", "p2", "p3", "p4", "p5", "p6", "p7", "p8", "x"), {
      maxLength: 4,
    }),
    { nil: undefined },
  ),
});

const dataArb = fc
  .record({
    partners: fc.array(partnerArb, { maxLength: 10 }),
    ruleSets: fc.array(ruleSetArb, { maxLength: 5 }),
    entries: fc.array(entryArb, { maxLength: 60 }),
    sessions: fc.array(sessionArb, { maxLength: 12 }),
    recordsSince: fc.constantFrom(...MONTHS.map((m) => `${m}-01`)),
    // After the period, on a month's last day, mid-month, early in a month.
    asOf: fc.constantFrom("2026-12-31", "2026-06-30", "2026-06-15", "2026-04-10"),
  })
  .map(({ partners, ruleSets, entries, sessions, recordsSince, asOf }): MetricsData => ({
    scope: { id: "random", name: { "zh-CN": "随机" } },
    currency: "CNY",
    asOf,
    recordsSince,
    partners: partners.map((p, i): Partner => ({
      id: p.id,
      name: `n${i}`,
      displayName: undefined,
      roles: p.roles,
      cohorts: p.cohorts,
      contact: { phone: "13800000000", wechatId: undefined },
      hubId: "red-house",
      groupIds: [],
      supportReceived: [],
      incomeBaseline:
        p.baseline === undefined
          ? undefined
          : {
              monthly: { amount: p.baseline.amount, currency: p.baseline.currency },
              recordedOn: `${MONTHS[p.joined]!}-01`,
            },
      splitRuleSetId: undefined,
      joinedOn: `${MONTHS[p.joined]!}-10`,
      leftOn:
        p.stayedFor === undefined
          ? undefined
          : `${MONTHS[Math.min(5, p.joined + p.stayedFor)]!}-20`,
    })),
    groups: [],
    sessions: sessions.map((s, i): SessionRecord => ({
      id: `s${i}`,
      groupId: "somewhere",
      date: `${MONTHS[s.month]!}-03`,
      start: "09:00",
      end: "10:00",
      attendees: 3,
      participantIds: s.ids,
    })),
    requests: [],
    ledger: entries.map((e, i): LedgerEntry => ({
      txId: `t${i}`,
      kind: "sale",
      account: e.account,
      amount: e.amount,
      currency: e.currency,
      at: `${MONTHS[e.month]!}-15T12:00:00+08:00`,
      period: MONTHS[e.month]!,
      ruleSetId: e.ruleSetId,
      saleId: `s${i}`,
      feeId: undefined,
    })),
    ruleSets: ruleSets.map((r): SplitRuleSet => ({
      id: r.id,
      name: { "zh-CN": r.id },
      currency: "CNY",
      timeZone: "Asia/Shanghai",
      parties: r.parties.map((p) =>
        p.partnerId === undefined
          ? { id: p.id, kind: "hub", name: { "zh-CN": p.id } }
          : { id: p.id, kind: "partner", name: { "zh-CN": p.id }, partnerId: p.partnerId },
      ),
      residualPartyId: r.parties[0]!.id,
      versions: [],
    })),
    coverage: [],
  }));

const IDS = [
  "income-uplift.mean",
  "income-uplift.median",
  "income-uplift.above-threshold",
  "participants.unique",
] as const;

/** The uplift metrics and unique participants over a range, computed the plain way. */
function reference(data: MetricsData, range: MonthRange, threshold = 200_000) {
  const entries = data.ledger as LedgerEntry[];
  const recorded = data.recordsSince.slice(0, 7);
  if (`${range.from}-01` > data.asOf || range.to < recorded) {
    const reason = `${range.from}-01` > data.asOf ? "FUTURE_PERIOD" : "NOT_RECORDED";
    return Object.fromEntries(IDS.map((id) => [id, reason])) as Record<
      (typeof IDS)[number],
      unknown
    >;
  }
  const inRange = (month: string) => month >= range.from && month <= range.to;
  // Income before the platform recorded anything is unknown: uplifts start at `recorded`.
  const upliftFrom = range.from > recorded ? range.from : recorded;
  // …and end with the last month over by `asOf`: part of a month is not a month's income.
  const overBy = new Date(`${data.asOf}T00:00:00Z`);
  overBy.setUTCDate(overBy.getUTCDate() + 1);
  overBy.setUTCMonth(overBy.getUTCMonth(), 0); // the last day of the month before the next day's
  const lastOver = overBy.toISOString().slice(0, 7);
  const upliftTo = range.to < lastOver ? range.to : lastOver;
  const position = new Map(data.partners.map((p, i) => [p.id, i]));
  const setById = new Map(data.ruleSets.map((s) => [s.id, s]));
  const hasSource = new Set<number>();
  for (const s of data.ruleSets)
    for (const party of s.parties) {
      const who = party.partnerId === undefined ? undefined : position.get(party.partnerId);
      if (who !== undefined) hasSource.add(who);
    }
  // Income by person and month, in ledger order; the last matching party decides.
  const income = new Map<string, number>();
  for (const e of entries) {
    if (e.currency !== data.currency || !inRange(e.period)) continue;
    let who: number | undefined;
    for (const party of setById.get(e.ruleSetId)?.parties ?? [])
      if (party.partnerId !== undefined && e.account === `party:${party.id}`)
        who = position.get(party.partnerId);
    if (who === undefined) continue;
    const key = `${who}:${e.period}`;
    income.set(key, (income.get(key) ?? 0) - e.amount);
  }
  const stayed: number[] = [];
  const left: number[] = [];
  let active = 0;
  let noBaseline = 0;
  data.partners.forEach((p, i) => {
    const from = p.joinedOn.slice(0, 7);
    const to = p.leftOn?.slice(0, 7) ?? "9999-12";
    if (!p.roles.some((r) => PARTICIPANT.has(r)) || from > upliftTo || to < upliftFrom) return;
    active++;
    const base = p.incomeBaseline?.monthly;
    if (base?.currency !== data.currency) return void noBaseline++;
    if (!hasSource.has(i)) return;
    let total = 0;
    let months = 0;
    for (const m of MONTHS)
      if (m >= upliftFrom && m <= upliftTo && m >= from && m <= to) {
        total += income.get(`${i}:${m}`) ?? 0;
        months++;
      }
    (to <= upliftTo ? left : stayed).push(total / months - base.amount);
  });
  const all = [...stayed, ...left];
  const mean = (xs: number[]) =>
    xs.length === 0 ? null : roundHalfEven(xs.reduce((a, b) => a + b, 0) / xs.length);
  const median = (xs: number[]) => {
    if (xs.length === 0) return null;
    const s = [...xs].sort((a, b) => a - b);
    const mid = s.length >> 1;
    return roundHalfEven(s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2);
  };
  const reason =
    upliftFrom > upliftTo
      ? "MONTH_NOT_OVER"
      : active === 0
        ? "NO_PARTICIPANTS"
        : noBaseline === active
          ? "NO_BASELINE"
          : all.length === 0
            ? "NO_INCOME_DATA"
            : undefined;
  // Unique participants: people enrolled, and registered attendees (known or not), once each.
  const seen = new Set<string>();
  data.partners.forEach((p, i) => {
    const from = p.joinedOn.slice(0, 7);
    const to = p.leftOn?.slice(0, 7) ?? "9999-12";
    if (p.roles.some((r) => PARTICIPANT.has(r)) && from <= range.to && to >= range.from)
      seen.add(String(i));
  });
  for (const s of data.sessions)
    if (inRange(s.date.slice(0, 7)))
      for (const id of s.participantIds ?? []) {
        const who = position.get(id);
        seen.add(who === undefined ? `unknown:${id}` : String(who));
      }
  const byCohort: Record<string, number> = { "no-cohort": 0 };
  for (const c of COHORTS) byCohort[c] = 0;
  for (const key of seen) {
    const cohorts = key.startsWith("unknown:") ? [] : data.partners[Number(key)]!.cohorts;
    if (cohorts.length === 0) byCohort["no-cohort"]!++;
    for (const c of new Set(cohorts)) byCohort[c]!++;
  }
  const figures: Record<(typeof IDS)[number], unknown> = {
    "income-uplift.mean": reason ?? [mean(all), mean(stayed), mean(left), all.length],
    "income-uplift.median": reason ?? [median(all), median(stayed), median(left), all.length],
    "income-uplift.above-threshold": reason ?? all.filter((x) => x >= threshold).length,
    "participants.unique": [seen.size, byCohort],
  };
  return figures;
}

function observed(id: string, f: MetricFigure): unknown {
  if (!f.available) return f.reason;
  const parts = Object.fromEntries(f.breakdown.map((b) => [b.key, b.value]));
  if (id === "income-uplift.above-threshold") return f.value;
  if (id === "participants.unique") return [f.value, parts];
  return [f.value, parts["stayed"], parts["left"], parts["counted"]];
}

describe("a snapshot on random records", () => {
  it("gives the plain definitions' figures for the period and every month, from entries or columns", () => {
    const registry = createMetricRegistry();
    fc.assert(
      fc.property(dataArb, fc.boolean(), (data, asColumns) => {
        const input = asColumns
          ? { ...data, ledger: toLedgerColumns(data.ledger as LedgerEntry[]) }
          : data;
        const r = registry.snapshot(input, PERIOD, "2026-12-31T12:00:00+08:00");
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        const ranges = [
          PERIOD,
          ...r.value.metrics[0]!.series.map((s) => ({ from: s.month, to: s.month })),
        ];
        const expected = ranges.map((range) => reference(data, range));
        for (const m of r.value.metrics) {
          const id = m.definition.id as keyof ReturnType<typeof reference>;
          if (!(id in expected[0]!)) continue;
          const figures = [m.figure, ...m.series.map((s) => s.figure)];
          figures.forEach((f, k) => expect(observed(id, f)).toEqual(expected[k]![id]));
        }
      }),
      RUNS,
    );
  });
});
