import { describe, expect, it } from "vitest";
import {
  allocateSale,
  assertBalanced,
  emptyPeriodState,
  fieldMessages,
  paysPartner,
  periodFeeEntries,
  refundEntries,
  saleEntries,
  settle,
  splitRefund,
  SplitRuleSetSchema,
  validate,
  type Allocation,
  type LedgerEntry,
  type PeriodState,
  type RefundSplit,
  type SplitRuleSet,
} from "../src/index.js";
import {
  groups,
  nightMarketGroups,
  nightMarketPartner,
  partners,
  pieceworkWorkshop,
  splitRuleSets,
  threeMomsBakery,
} from "../src/fixtures/index.js";

const cny = (amount: number) => ({ amount, currency: "CNY" as const });
const amounts = (a: Allocation) =>
  Object.fromEntries(a.lines.map((l) => [l.partyId, l.amount.amount]));

/** Splits a list of sales in order, carrying the period state, and returns the allocations. */
function month(set: SplitRuleSet, sales: [at: string, amount: number][]): Allocation[] {
  let state: PeriodState = emptyPeriodState("");
  return sales.map(([at, amount], i) => {
    const r = allocateSale({ id: `sale-${i + 1}`, amount: cny(amount), at }, set, state);
    if (!r.ok) throw new Error(r.error.message.en);
    state = r.value.state;
    return r.value.allocation;
  });
}

describe("the seed's programmes, as worked examples", () => {
  it("accepts the preset rule sets", () => {
    for (const s of splitRuleSets) expect(validate(SplitRuleSetSchema, s).ok, s.id).toBe(true);
  });

  it("night market: Chen Sicong's ¥15 cup of osmanthus rice wine is shared 85/15", () => {
    const [a] = month(nightMarketPartner, [["2026-11-28T20:15:00+08:00", 1500]]);
    expect(amounts(a!)).toEqual({ stallholder: 1275, operator: 225 });
    expect(a!.version).toBe(1);
    expect(a!.period).toBe("2026-11");
  });

  it("night market: a ¥9.99 sale rounds once, to the larger remainder", () => {
    // 85% of 999 fen is 849.15, 15% is 149.85: 849 + 149 = 998, the last fen goes to the operator (.85 > .15).
    const [a] = month(nightMarketPartner, [["2026-11-28T20:15:00+08:00", 999]]);
    expect(amounts(a!)).toEqual({ stallholder: 849, operator: 150 });
    expect(a!.explanation.map((e) => [e.partyId, e.exact, e.roundingUnit])).toEqual([
      ["stallholder", "849.1500", 0],
      ["operator", "149.8500", 1],
    ]);
  });

  it("night market: November's statement shows the waived stall fee and reconciles to the ledger", () => {
    const sales = month(nightMarketPartner, [
      ["2026-11-02T19:30:00+08:00", 1500],
      ["2026-11-02T20:10:00+08:00", 3000],
      ["2026-11-15T21:00:00+08:00", 12000],
    ]);
    const ledger: LedgerEntry[] = [
      ...sales.flatMap((a) => saleEntries(a)),
      ...periodFeeEntries(nightMarketPartner, "2026-11"),
    ];
    assertBalanced(ledger);
    const chen = settle(ledger, nightMarketPartner, "stallholder", "2026-11");
    // 85% of ¥165.00 = ¥140.25; the ¥300 stall fee is charged and waived.
    expect(chen).toMatchObject({
      gross: 14025,
      fees: 30000,
      waiversApplied: 30000,
      refunds: 0,
      netPayable: 14025,
    });
    const op = settle(ledger, nightMarketPartner, "operator", "2026-11");
    expect(op).toMatchObject({
      gross: 2475,
      fees: -30000,
      waiversApplied: -30000,
      netPayable: 2475,
    });
    expect(chen.netPayable + op.netPayable).toBe(16500);
  });

  it("night market: once the waiver has expired, July's stall fee is charged", () => {
    const sales = month(nightMarketPartner, [["2027-07-03T20:00:00+08:00", 100000]]);
    const ledger = [
      ...sales.flatMap((a) => saleEntries(a)),
      ...periodFeeEntries(nightMarketPartner, "2027-07"),
    ];
    expect(settle(ledger, nightMarketPartner, "stallholder", "2027-07")).toMatchObject({
      gross: 85000,
      fees: 30000,
      waiversApplied: 0,
      netPayable: 55000,
    });
  });

  it("night market: version 2 (2027) caps the operator at ¥1,500 a month, the rest to the stallholder", () => {
    const sales = month(nightMarketPartner, [
      ["2027-02-01T20:00:00+08:00", 900000], // operator 15% = ¥1,350
      ["2027-02-02T20:00:00+08:00", 200000], // would be ¥300 more, only ¥150 fits under the cap
      ["2027-02-03T20:00:00+08:00", 10000], // cap reached: all to the stallholder
    ]);
    expect(sales.map((a) => a.version)).toEqual([2, 2, 2]);
    expect(sales.map(amounts)).toEqual([
      { stallholder: 765000, operator: 135000 },
      { stallholder: 185000, operator: 15000 },
      { stallholder: 10000, operator: 0 },
    ]);
    expect(sales[1]!.explanation[1]!.adjustments).toEqual([{ kind: "cap", amount: -15000 }]);
  });

  it("bakery: the mothers keep the first ¥3,000 of the month; a sale across the line is split across both tiers", () => {
    const sales = month(threeMomsBakery, [
      ["2026-11-01T15:20:00+08:00", 290000],
      ["2026-11-20T15:40:00+08:00", 20000], // ¥100 in the first tier, ¥100 in the second
      ["2026-11-28T16:05:00+08:00", 1800], // a tiger-skin roll, all in the second tier
    ]);
    // The ¥0.20 payment fee comes out of the mothers' share on every order.
    expect(sales.map(amounts)).toEqual([
      { moms: 289980, hub: 0, fund: 0, platform: 20 },
      { moms: 17980, hub: 1000, fund: 1000, platform: 20 },
      { moms: 1420, hub: 180, fund: 180, platform: 20 },
    ]);
    expect(sales[1]!.explanation[0]!.tiers).toEqual([
      { tier: 0, portion: 10000, bps: 10000, exact: "10000.0000" },
      { tier: 1, portion: 10000, bps: 8000, exact: "8000.0000" },
    ]);
  });

  it("bakery: a new month starts again in the first tier", () => {
    const sales = month(threeMomsBakery, [
      ["2026-11-30T15:00:00+08:00", 400000],
      ["2026-12-01T15:00:00+08:00", 1800],
    ]);
    expect(sales.map((a) => a.period)).toEqual(["2026-11", "2026-12"]);
    expect(amounts(sales[1]!)).toEqual({ moms: 1780, hub: 0, fund: 0, platform: 20 });
  });

  it("piecework: the workshop's ¥1 floor per batch is funded by the workers", () => {
    const [small, large] = month(pieceworkWorkshop, [
      ["2026-11-10T16:00:00+08:00", 800], // 10% would be ¥0.80
      ["2026-11-10T16:30:00+08:00", 48000],
    ]);
    expect(amounts(small!)).toEqual({ workers: 660, workshop: 100, fund: 40 });
    expect(small!.explanation[1]!.adjustments).toEqual([{ kind: "floor", amount: 20 }]);
    expect(amounts(large!)).toEqual({ workers: 40800, workshop: 4800, fund: 2400 });
  });

  it("a refund of a fruit cup, in two parts, takes back exactly what each party got", () => {
    const [sale] = month(threeMomsBakery, [["2026-11-25T15:00:00+08:00", 401500]]);
    // Over the first tier after ¥3,000: moms 80%+100%, hub and fund 10% of the upper ¥1,015.
    expect(amounts(sale!)).toEqual({ moms: 381180, hub: 10150, fund: 10150, platform: 20 });
    const first = splitRefund(
      sale!,
      { id: "r1", saleId: sale!.saleId, amount: cny(1500), at: "2026-11-26T10:00:00+08:00" },
      [],
    );
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    const rest = splitRefund(
      sale!,
      { id: "r2", saleId: sale!.saleId, amount: cny(400000), at: "2026-12-02T10:00:00+08:00" },
      [first.value],
    );
    expect(rest.ok).toBe(true);
    if (!rest.ok) return;
    const back = (r: RefundSplit) =>
      Object.fromEntries(r.lines.map((l) => [l.partyId, l.amount.amount]));
    expect(back(first.value)).toEqual({ moms: 1424, hub: 38, fund: 38, platform: 0 });
    const total = Object.fromEntries(
      sale!.lines.map((l) => [
        l.partyId,
        back(first.value)[l.partyId]! + back(rest.value)[l.partyId]!,
      ]),
    );
    expect(total).toEqual(amounts(sale!));
    const tooMuch = splitRefund(
      sale!,
      { id: "r3", saleId: sale!.saleId, amount: cny(1), at: "2026-12-03T10:00:00+08:00" },
      [first.value, rest.value],
    );
    expect(tooMuch.ok).toBe(false);
    if (!tooMuch.ok) {
      expect(tooMuch.error.code).toBe("REFUND_TOO_LARGE");
      expect(tooMuch.error.message).toEqual({
        "zh-CN": "退款超出可退金额（最多还能退 ¥0.00）",
        en: "The refund is more than what is left to refund (CN¥0.00)",
      });
    }
    // Refunds are booked in their own period: November shows the sale, December the second refund.
    const ledger = [
      ...saleEntries(sale!),
      ...refundEntries(first.value, threeMomsBakery),
      ...refundEntries(rest.value, threeMomsBakery),
    ];
    assertBalanced(ledger);
    expect(settle(ledger, threeMomsBakery, "moms", "2026-11")).toMatchObject({
      gross: 381200,
      fees: 20,
      refunds: 1424,
      netPayable: 379756,
    });
    expect(settle(ledger, threeMomsBakery, "moms", "2026-12").netPayable).toBe(-379756);
  });

  it("works the same in a currency without minor units (JPY)", () => {
    const yen: SplitRuleSet = {
      ...pieceworkWorkshop,
      id: "yen",
      currency: "JPY",
      versions: [{ ...pieceworkWorkshop.versions[0]!, limits: [] }],
    };
    const r = allocateSale(
      { id: "y1", amount: { amount: 1001, currency: "JPY" }, at: "2026-11-10T16:00:00+08:00" },
      yen,
      emptyPeriodState("2026-11"),
    );
    expect(r.ok && r.value.allocation.lines.map((l) => [l.partyId, l.amount])).toEqual([
      ["workers", { amount: 851, currency: "JPY" }],
      ["workshop", { amount: 100, currency: "JPY" }],
      ["fund", { amount: 50, currency: "JPY" }],
    ]);
  });
});

describe("refusals", () => {
  const at = "2026-11-28T20:00:00+08:00";
  it("refuses a sale before any version is in force, in another currency, or not above zero", () => {
    const early = allocateSale(
      { id: "x", amount: cny(100), at: "2024-01-01T12:00:00+08:00" },
      nightMarketPartner,
      emptyPeriodState(""),
    );
    expect(!early.ok && early.error).toMatchObject({
      code: "NO_RULE_IN_FORCE",
      path: "at",
      message: { en: "No split rule is in force at 1 Jan, 12:00" },
    });
    const yen = allocateSale(
      { id: "x", amount: { amount: 100, currency: "JPY" }, at },
      nightMarketPartner,
      emptyPeriodState(""),
    );
    expect(!yen.ok && yen.error.code).toBe("CURRENCY_MISMATCH");
    const zero = allocateSale(
      { id: "x", amount: cny(0), at },
      nightMarketPartner,
      emptyPeriodState(""),
    );
    expect(!zero.ok && zero.error.message).toEqual({
      "zh-CN": "销售金额必须大于零",
      en: "A sale must be for more than zero",
    });
  });

  const invalid: [string, (s: any) => void, string, string, string][] = [
    [
      "shares not adding to 100%",
      (s) => (s.versions[0].tiers[1].shares[0].bps = 7000),
      "versions.0.tiers.1.shares",
      "SHARES_NOT_100",
      "Shares must add up to 100% (they add up to 90%)",
    ],
    [
      "overlapping tiers",
      (s) => (s.versions[0].tiers[1].from = 250000),
      "versions.0.tiers.1.from",
      "TIER_OVERLAP",
      "Tiers overlap: the previous one ends at CN¥3,000.00, this one starts at CN¥2,500.00",
    ],
    [
      "gapped tiers",
      (s) => (s.versions[0].tiers[1].from = 350000),
      "versions.0.tiers.1.from",
      "TIER_GAP",
      "There is a gap between tiers: the previous one ends at CN¥3,000.00, this one starts at CN¥3,500.00",
    ],
    [
      "a first tier not starting at zero",
      (s) => (s.versions[0].tiers[0].from = 100),
      "versions.0.tiers.0.from",
      "TIER_START",
      "The first tier must start at 0",
    ],
    [
      "a closed last tier",
      (s) => (s.versions[0].tiers[1].upTo = 900000),
      "versions.0.tiers.1.upTo",
      "TIER_OPEN_END",
      "Only the last tier may be open-ended, and it must be",
    ],
    [
      "a negative fee",
      (s) => (s.versions[0].fees[0].amount = -20),
      "versions.0.fees.0.amount",
      "NEGATIVE_FEE",
      "A fee cannot be negative",
    ],
    [
      "a fee paid to oneself",
      (s) => (s.versions[0].fees[0].payeeId = "moms"),
      "versions.0.fees.0.payeeId",
      "SAME_PARTY",
      "The payer and the payee must differ",
    ],
    [
      "an unknown party",
      (s) => (s.versions[0].tiers[1].shares[1].partyId = "mayor"),
      "versions.0.tiers.1.shares.1.partyId",
      "UNKNOWN_PARTY",
      "There is no party mayor in this rule set",
    ],
    [
      "a cap below the floor",
      (s) => s.versions[0].limits.push({ partyId: "hub", floorPerSale: 500, capPerPeriod: 100 }),
      "versions.0.limits.0.capPerPeriod",
      "CAP_BELOW_FLOOR",
      "A cap cannot be below the floor",
    ],
    [
      "overlapping versions",
      (s) =>
        s.versions.push({
          ...s.versions[0],
          version: 2,
          effectiveFrom: "2025-01-01T00:00:00+08:00",
        }),
      "versions.1.effectiveFrom",
      "VERSION_OVERLAP",
      "Version 2 overlaps the previous version's dates",
    ],
    [
      "a share in fractions of a basis point",
      (s) => (s.versions[0].tiers[1].shares[1].bps = 999.5),
      "versions.0.tiers.1.shares.1.bps",
      "NOT_INTEGER",
      "This field must be a whole number",
    ],
  ];
  it.each(invalid)("refuses a rule set with %s", (_what, mutate, path, code, en) => {
    const s = structuredClone(threeMomsBakery);
    mutate(s);
    const r = validate(SplitRuleSetSchema, s);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const found = r.error.find((i) => i.path === path);
    expect(found, JSON.stringify(r.error.map((i) => i.path))).toBeDefined();
    expect(found!.code).toBe(code);
    expect(fieldMessages(r.error, "en")[path]).toBe(en);
    expect(fieldMessages(r.error, "zh-CN")[path]).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe("statements per rule set", () => {
  it("keeps two rule sets' parties apart even when their ids are the same", () => {
    const other: SplitRuleSet = { ...pieceworkWorkshop, id: "other-workshop" };
    const [a] = month(pieceworkWorkshop, [["2026-11-10T16:00:00+08:00", 10000]]);
    const [b] = month(other, [["2026-11-10T16:00:00+08:00", 20000]]);
    const ledger = [...saleEntries(a!), ...saleEntries(b!)];
    expect(settle(ledger, pieceworkWorkshop, "workers", "2026-11").netPayable).toBe(8500);
    expect(settle(ledger, other, "workers", "2026-11").netPayable).toBe(17000);
  });
});

describe("whom a rule set pays", () => {
  const partner = (id: string) => partners.find((p) => p.id === id)!;
  const groupsOf = (id: string) =>
    [...groups, ...nightMarketGroups].filter((g) => partner(id).groupIds.includes(g.id));

  it("pays every seeded partner under the set they were given", () => {
    for (const p of partners.filter((x) => x.splitRuleSetId !== undefined)) {
      const set = splitRuleSets.find((s) => s.id === p.splitRuleSetId)!;
      expect(paysPartner(set, p, groupsOf(p.id)), p.id).toBe(true);
    }
  });

  it("pays a co-organiser through the party of the organiser they share a group with", () => {
    // Zhou Xiaomin is not the mothers' party; Hu Yanling, who organises the bakery with her, is.
    expect(threeMomsBakery.parties.some((p) => p.partnerId === "zhou-xiaomin")).toBe(false);
    expect(paysPartner(threeMomsBakery, partner("zhou-xiaomin"), groupsOf("zhou-xiaomin"))).toBe(
      true,
    );
    expect(paysPartner(threeMomsBakery, partner("zhou-xiaomin"), [])).toBe(false);
  });

  it("does not pay an organiser of another group", () => {
    // Ge Laoshi runs the Little Cloud studio: the bakery's set would pay her sales to the mothers.
    expect(paysPartner(threeMomsBakery, partner("ge-mengwei"), groupsOf("ge-mengwei"))).toBe(false);
    expect(paysPartner(nightMarketPartner, partner("hu-yanling"), groupsOf("hu-yanling"))).toBe(
      false,
    );
  });
});
