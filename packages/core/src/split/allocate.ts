import * as z from "zod/mini";
import { IdSchema } from "../common/ids.js";
import { issueIn, type LinliIssue } from "../common/issue.js";
import { moneyMessages, splitMessages } from "../i18n/messages.js";
import { err, ok, type Result } from "../common/result.js";
import { LocalizedTextSchema } from "../i18n/locale.js";
import { MoneySchema, type Money } from "../money/money.js";
import { InstantSchema } from "../time/schemas.js";
import { formatDateTimeBilingual } from "../time/format.js";
import { periodOf } from "./period.js";
import { BASIS_POINTS, type SplitRuleSet, type SplitRuleVersion } from "./rules.js";

/**
 * The largest sale amount (in minor units) a split accepts: exact shares are computed in
 * units of 1/10 000 of a minor unit and must stay within 2^53. That is ¥9 007 199 254.
 */
export const MAX_SPLIT_AMOUNT = Math.floor(Number.MAX_SAFE_INTEGER / BASIS_POINTS);

/** A sale to split. */
export const SaleSchema = /* @__PURE__ */ (() =>
  z.object({
    id: IdSchema,
    amount: MoneySchema,
    at: InstantSchema,
  }))();
export type Sale = z.infer<typeof SaleSchema>;

/**
 * What has happened in the current settlement period before a sale: the gross volume
 * (which picks the tier) and what each party has received (which caps read).
 */
export const PeriodStateSchema = /* @__PURE__ */ (() =>
  z.object({
    period: z.string().check(z.regex(/^\d{4}-\d{2}$/)),
    volume: z.int().check(z.gte(0)),
    received: z.record(z.string(), z.int()),
  }))();
export type PeriodState = z.infer<typeof PeriodStateSchema>;

/** How one party's amount came about: the "who gets what" preview. */
export const PartyExplanationSchema = /* @__PURE__ */ (() =>
  z.object({
    partyId: IdSchema,
    /** The party's exact share of each tier the sale touched. */
    tiers: z.array(
      z.object({
        tier: z.int(),
        /** Minor units of the sale that fell in this tier. */
        portion: z.int(),
        bps: z.int(),
        /** Exact share in minor units, with four decimals: "1234.5000". */
        exact: z.string(),
      }),
    ),
    /** Exact share of the whole sale, four decimals. */
    exact: z.string(),
    /** Minor units after largest-remainder rounding. */
    rounded: z.int(),
    /** 1 when this party received one of the leftover minor units, else 0. */
    roundingUnit: z.int(),
    adjustments: z.array(
      z.object({
        kind: z.enum(["cap", "floor", "fee", "waiver"]),
        /** Signed minor units; a waiver's amount is the fee that was not charged (0 effect). */
        amount: z.int(),
        feeId: z.optional(IdSchema),
        note: z.optional(LocalizedTextSchema),
      }),
    ),
    amount: z.int(),
  }))();
export type PartyExplanation = z.infer<typeof PartyExplanationSchema>;

/** One party's final amount of a sale. */
export const AllocationLineSchema = /* @__PURE__ */ (() =>
  z.object({
    partyId: IdSchema,
    amount: MoneySchema,
    /** The share before per-sale fees moved money between parties. */
    beforeFees: MoneySchema,
  }))();
export type AllocationLine = z.infer<typeof AllocationLineSchema>;

/** A per-sale fee as applied to a sale. */
export const AppliedFeeSchema = /* @__PURE__ */ (() =>
  z.object({
    feeId: IdSchema,
    payerId: IdSchema,
    payeeId: IdSchema,
    /** What was charged, limited by what the payer had. */
    charged: z.int(),
    /** What the waiver forgave (the fee's full amount when waived), else 0. */
    waived: z.int(),
  }))();
export type AppliedFee = z.infer<typeof AppliedFeeSchema>;

/** The result of splitting one sale. Lines always add up to the sale, none is negative. */
export const AllocationSchema = /* @__PURE__ */ (() =>
  z.object({
    saleId: IdSchema,
    ruleSetId: IdSchema,
    version: z.int(),
    period: z.string(),
    at: InstantSchema,
    amount: MoneySchema,
    lines: z.array(AllocationLineSchema),
    fees: z.array(AppliedFeeSchema),
    explanation: z.array(PartyExplanationSchema),
  }))();
export type Allocation = z.infer<typeof AllocationSchema>;

interface CompiledVersion {
  readonly version: SplitRuleVersion;
  readonly from: number;
  readonly to: number;
  readonly tierFrom: Float64Array;
  readonly tierTo: Float64Array;
  /** bps[t * parties + p] */
  readonly bps: Int32Array;
  readonly capIdx: Int32Array;
  readonly capAmt: Float64Array;
  readonly floorIdx: Int32Array;
  readonly floorAmt: Float64Array;
  readonly feePayer: Int32Array;
  readonly feePayee: Int32Array;
  readonly feeAmt: Float64Array;
  readonly feeWaivedUntil: Float64Array;
  readonly feeIds: readonly string[];
  /** Whether any floor, cap or per-sale fee applies. */
  readonly adjusts: boolean;
}

/**
 * A rule set compiled for speed: parties become indices, tiers typed arrays. The hot path
 * {@link CompiledSplit.allocateInto} allocates no objects, so a month of sales (or a
 * million) splits in a single pass.
 */
export interface CompiledSplit {
  readonly ruleSet: SplitRuleSet;
  readonly partyIds: readonly string[];
  readonly residual: number;
  /** Index of the version in force at `at` (epoch ms), or -1. */
  versionIndexAt(at: number): number;
  /**
   * Splits `amount` minor units sold at `at`, after `volume` minor units of gross sales in
   * the same period, into `out` (one slot per party, in `partyIds` order). `received` holds
   * each party's amount so far this period (for caps) and is updated; pass `null` to skip
   * caps. Returns the version index used, or -1 when no version is in force (out untouched).
   * The amounts written always add up to `amount` and are never negative.
   */
  allocateInto(
    amount: number,
    at: number,
    volume: number,
    received: Float64Array | null,
    out: Float64Array,
  ): number;
  readonly versions: readonly CompiledVersion[];
}

const compiled = new WeakMap<SplitRuleSet, CompiledSplit>();

/**
 * Compiles a validated rule set (cached per object).
 *
 * @example
 * const split = compileSplit(ruleSet);
 * const out = new Float64Array(split.partyIds.length);
 * split.allocateInto(1800, Date.now(), 0, null, out);
 */
export function compileSplit(set: SplitRuleSet): CompiledSplit {
  const cached = compiled.get(set);
  if (cached) return cached;
  const partyIds = set.parties.map((p) => p.id);
  const n = partyIds.length;
  const index = (id: string) => partyIds.indexOf(id);
  const residual = index(set.residualPartyId);
  const versions: CompiledVersion[] = set.versions.map((v) => {
    const t = v.tiers.length;
    const bps = new Int32Array(t * n);
    v.tiers.forEach((tier, ti) =>
      tier.shares.forEach((s) => (bps[ti * n + index(s.partyId)] = s.bps)),
    );
    const caps = v.limits.filter(
      (l) => l.capPerPeriod !== undefined && index(l.partyId) !== residual,
    );
    const floors = v.limits.filter(
      (l) => l.floorPerSale !== undefined && index(l.partyId) !== residual,
    );
    const fees = v.fees.filter((f) => f.per === "sale");
    return {
      version: v,
      from: Date.parse(v.effectiveFrom),
      to: v.effectiveTo === undefined ? Infinity : Date.parse(v.effectiveTo),
      tierFrom: Float64Array.from(v.tiers, (x) => x.from),
      tierTo: Float64Array.from(v.tiers, (x) => x.upTo ?? Infinity),
      bps,
      capIdx: Int32Array.from(caps, (l) => index(l.partyId)),
      capAmt: Float64Array.from(caps, (l) => l.capPerPeriod!),
      floorIdx: Int32Array.from(floors, (l) => index(l.partyId)),
      floorAmt: Float64Array.from(floors, (l) => l.floorPerSale!),
      feePayer: Int32Array.from(fees, (f) => index(f.payerId)),
      feePayee: Int32Array.from(fees, (f) => index(f.payeeId)),
      feeAmt: Float64Array.from(fees, (f) => f.amount),
      feeWaivedUntil: Float64Array.from(fees, (f) =>
        f.waiver ? Date.parse(f.waiver.until) : -Infinity,
      ),
      feeIds: fees.map((f) => f.id),
      adjusts: floors.length + caps.length + fees.length > 0,
    };
  });
  // Scratch space reused across calls: the hot path allocates nothing.
  const rem = new Float64Array(n);
  let last = 0;

  const versionIndexAt = (at: number): number => {
    const c = versions[last];
    if (c && c.from <= at && at < c.to) return last;
    for (let i = versions.length - 1; i >= 0; i--) {
      if (versions[i]!.from <= at && at < versions[i]!.to) return (last = i);
    }
    return -1;
  };

  // Floors, caps and fees, apart from the main loop: most sales need few of them, and a
  // small main loop is one the engine inlines and optimises the same way every time.
  const adjust = (
    c: CompiledVersion,
    at: number,
    received: Float64Array | null,
    out: Float64Array,
  ) => {
    // Floors, funded by the residual party as far as its share goes.
    for (let k = 0; k < c.floorIdx.length; k++) {
      const p = c.floorIdx[k]!;
      const need = c.floorAmt[k]! - out[p]!;
      if (need > 0) {
        const take = need < out[residual]! ? need : out[residual]!;
        out[p]! += take;
        out[residual]! -= take;
      }
    }
    // Caps per period; the excess goes to the residual party.
    if (received !== null) {
      for (let k = 0; k < c.capIdx.length; k++) {
        const p = c.capIdx[k]!;
        const room = c.capAmt[k]! - received[p]!;
        const allowed = room > 0 ? room : 0;
        if (out[p]! > allowed) {
          out[residual]! += out[p]! - allowed;
          out[p] = allowed;
        }
      }
      for (let p = 0; p < n; p++) received[p]! += out[p]!;
    }
    // Per-sale fees move money between parties, never below zero.
    for (let k = 0; k < c.feeAmt.length; k++) {
      if (at < c.feeWaivedUntil[k]!) continue;
      const payer = c.feePayer[k]!;
      const take = c.feeAmt[k]! < out[payer]! ? c.feeAmt[k]! : out[payer]!;
      out[payer]! -= take;
      out[c.feePayee[k]!]! += take;
    }
  };

  const allocateInto = (
    amount: number,
    at: number,
    volume: number,
    received: Float64Array | null,
    out: Float64Array,
  ): number => {
    // The version in force: almost always the one the last sale used.
    const cached = versions[last];
    const vi =
      cached !== undefined && cached.from <= at && at < cached.to ? last : versionIndexAt(at);
    if (vi < 0) return -1;
    const c = versions[vi]!;
    const { tierFrom, tierTo, bps } = c;
    for (let p = 0; p < n; p++) rem[p] = 0;
    // Exact shares in 1/10 000 of a minor unit, summed over the tiers the sale touches.
    const end = volume + amount;
    const tiers = tierFrom.length;
    for (let t = 0; t < tiers; t++) {
      const from = tierFrom[t]!;
      const to = tierTo[t]!;
      const lo = from > volume ? from : volume;
      const hi = to < end ? to : end;
      if (hi <= lo) continue;
      const portion = hi - lo;
      const row = t * n;
      for (let p = 0; p < n; p++) rem[p]! += portion * bps[row + p]!;
    }
    // Largest remainder: floor every share, then hand the leftover units to the largest
    // remainders, ties to the earlier party in the rule set.
    let given = 0;
    for (let p = 0; p < n; p++) {
      const whole = Math.floor(rem[p]! / BASIS_POINTS);
      out[p] = whole;
      rem[p] = rem[p]! - whole * BASIS_POINTS;
      given += whole;
    }
    for (let left = amount - given; left > 0; left--) {
      let best = -1;
      for (let p = 0; p < n; p++) if (rem[p]! > 0 && (best < 0 || rem[p]! > rem[best]!)) best = p;
      out[best]! += 1;
      rem[best] = -1; // one unit each at most
    }
    if (c.adjusts || received !== null) adjust(c, at, received, out);
    return vi;
  };

  const result: CompiledSplit = {
    ruleSet: set,
    partyIds,
    residual,
    versionIndexAt,
    allocateInto,
    versions,
  };
  compiled.set(set, result);
  return result;
}

/** An empty period state. */
export function emptyPeriodState(period: string): PeriodState {
  return { period, volume: 0, received: {} };
}

const fixed4 = (tenThousandths: number): string => {
  const whole = Math.floor(tenThousandths / BASIS_POINTS);
  return `${whole}.${String(tenThousandths - whole * BASIS_POINTS).padStart(4, "0")}`;
};

/**
 * Splits one sale by the rule set version in force at its time, and explains the result.
 * The amounts always add up exactly to the sale, are never negative, and are the same for
 * the same input. A sale that crosses a tier boundary is split across both tiers.
 *
 * Rounding: every party's exact share (over all tiers the sale touches) is floored, and the
 * minor units left over go one each to the largest fractional remainders; equal remainders
 * go to the party listed first in the rule set. Then floors (funded by the residual party),
 * period caps (the excess to the residual party) and per-sale fees (limited to what the payer
 * has) apply, in that order.
 *
 * Returns the allocation and the period state after the sale. A state for another period
 * than the sale's is treated as a fresh period.
 *
 * @example
 * const r = allocateSale({ id: "s1", amount: money(1800, "CNY"), at: "2026-11-28T15:30:00+08:00" }, bakerySplit, emptyPeriodState("2026-11"));
 * if (r.ok) r.value.allocation.lines; // [{ partyId: "moms", amount: ¥18.00 }, { partyId: "hub", amount: ¥0.00 }, …]
 */
export function allocateSale(
  sale: Sale,
  set: SplitRuleSet,
  state: PeriodState,
): Result<{ allocation: Allocation; state: PeriodState }, LinliIssue> {
  if (sale.amount.currency !== set.currency) {
    return err(
      issueIn(
        moneyMessages,
        "CURRENCY_MISMATCH",
        { expected: set.currency, actual: sale.amount.currency },
        "amount.currency",
      ),
    );
  }
  const amount = sale.amount.amount;
  if (!(amount > 0)) return err(issueIn(splitMessages, "SALE_NOT_POSITIVE", {}, "amount.amount"));
  if (amount > MAX_SPLIT_AMOUNT)
    return err(issueIn(moneyMessages, "AMOUNT_OVERFLOW", {}, "amount.amount"));
  const at = Date.parse(sale.at);
  const split = compileSplit(set);
  const vi = split.versionIndexAt(at);
  if (vi < 0) {
    return err(
      issueIn(
        splitMessages,
        "NO_RULE_IN_FORCE",
        { at: formatDateTimeBilingual(at, set.timeZone) },
        "at",
        {
          at: sale.at,
        },
      ),
    );
  }
  const period = periodOf(at, set.timeZone);
  const prior = state.period === period ? state : emptyPeriodState(period);
  const n = split.partyIds.length;
  const received = Float64Array.from(split.partyIds, (id) => prior.received[id] ?? 0);
  const out = new Float64Array(n);
  split.allocateInto(amount, at, prior.volume, received, out);

  // Re-derive each step for the explanation; the figures above are the ones that count.
  const c = split.versions[vi]!;
  const v = c.version;
  const explanation: PartyExplanation[] = split.partyIds.map((partyId) => ({
    partyId,
    tiers: [],
    exact: "0.0000",
    rounded: 0,
    roundingUnit: 0,
    adjustments: [],
    amount: 0,
  }));
  const exact = new Float64Array(n);
  v.tiers.forEach((tier, t) => {
    const lo = Math.max(tier.from, prior.volume);
    const hi = Math.min(tier.upTo ?? Infinity, prior.volume + amount);
    if (hi <= lo) return;
    tier.shares.forEach((s) => {
      const p = split.partyIds.indexOf(s.partyId);
      const e = (hi - lo) * s.bps;
      exact[p]! += e;
      explanation[p]!.tiers.push({ tier: t, portion: hi - lo, bps: s.bps, exact: fixed4(e) });
    });
  });
  const rounded = new Float64Array(n);
  let given = 0;
  for (let p = 0; p < n; p++) {
    rounded[p] = Math.floor(exact[p]! / BASIS_POINTS);
    given += rounded[p]!;
  }
  const order = [...split.partyIds.keys()].sort((a, b) => {
    const ra = exact[a]! - rounded[a]! * BASIS_POINTS;
    const rb = exact[b]! - rounded[b]! * BASIS_POINTS;
    return rb - ra || a - b;
  });
  for (let k = 0; k < amount - given; k++) {
    rounded[order[k]!]! += 1;
    explanation[order[k]!]!.roundingUnit = 1;
  }
  const running = Float64Array.from(rounded);
  const note = (
    p: number,
    kind: "cap" | "floor" | "fee" | "waiver",
    delta: number,
    feeId?: string,
  ) => {
    if (delta === 0 && kind !== "waiver") return;
    const fee = feeId !== undefined ? v.fees.find((f) => f.id === feeId) : undefined;
    explanation[p]!.adjustments.push({
      kind,
      amount: delta,
      ...(feeId !== undefined ? { feeId } : {}),
      ...(kind === "waiver" && fee?.waiver
        ? { note: fee.waiver.reason }
        : fee
          ? { note: fee.name }
          : {}),
    });
    running[p]! += delta;
  };
  for (let k = 0; k < c.floorIdx.length; k++) {
    const p = c.floorIdx[k]!;
    const need = c.floorAmt[k]! - running[p]!;
    if (need > 0) {
      const take = Math.min(need, running[split.residual]!);
      note(p, "floor", take);
      note(split.residual, "floor", -take);
    }
  }
  const before = Float64Array.from(split.partyIds, (id) => prior.received[id] ?? 0);
  for (let k = 0; k < c.capIdx.length; k++) {
    const p = c.capIdx[k]!;
    const allowed = Math.max(0, c.capAmt[k]! - before[p]!);
    if (running[p]! > allowed) {
      const excess = running[p]! - allowed;
      note(p, "cap", -excess);
      note(split.residual, "cap", excess);
    }
  }
  const beforeFees = Float64Array.from(running);
  const fees: AppliedFee[] = [];
  for (let k = 0; k < c.feeAmt.length; k++) {
    const payer = c.feePayer[k]!;
    const payee = c.feePayee[k]!;
    const feeId = c.feeIds[k]!;
    if (at < c.feeWaivedUntil[k]!) {
      note(payer, "waiver", 0, feeId);
      fees.push({
        feeId,
        payerId: split.partyIds[payer]!,
        payeeId: split.partyIds[payee]!,
        charged: 0,
        waived: c.feeAmt[k]!,
      });
      continue;
    }
    const take = Math.min(c.feeAmt[k]!, running[payer]!);
    note(payer, "fee", -take, feeId);
    note(payee, "fee", take, feeId);
    fees.push({
      feeId,
      payerId: split.partyIds[payer]!,
      payeeId: split.partyIds[payee]!,
      charged: take,
      waived: 0,
    });
  }
  for (let p = 0; p < n; p++) {
    explanation[p]!.exact = fixed4(exact[p]!);
    explanation[p]!.rounded = rounded[p]!;
    explanation[p]!.amount = out[p]!;
  }

  const currency = set.currency;
  const money = (a: number): Money => ({ amount: a, currency });
  const nextReceived: Record<string, number> = { ...prior.received };
  split.partyIds.forEach((id, p) => (nextReceived[id] = received[p]!));
  return ok({
    allocation: {
      saleId: sale.id,
      ruleSetId: set.id,
      version: v.version,
      period,
      at: sale.at,
      amount: sale.amount,
      lines: split.partyIds.map((partyId, p) => ({
        partyId,
        amount: money(out[p]!),
        beforeFees: money(beforeFees[p]!),
      })),
      fees,
      explanation,
    },
    state: { period, volume: prior.volume + amount, received: nextReceived },
  });
}
