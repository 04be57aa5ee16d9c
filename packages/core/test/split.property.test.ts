import fc from "fast-check";
import { describe, it } from "vitest";
import {
  accountBalance,
  allocateSale,
  assertBalanced,
  BASIS_POINTS,
  CASH_ACCOUNT,
  compileSplit,
  emptyPeriodState,
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

// Each property checks 100 000 generated sales: 5 000 generated rule sets (with their
// currency, tiers, fees, floors and caps), each with 20 generated sales and period states.
// Compiling a rule set costs more than splitting a sale, so batching keeps the file fast.
const RUNS = 5_000;
const PER_RUN = 20;
const batch = <T>(arb: fc.Arbitrary<T>) =>
  fc.array(arb, { minLength: PER_RUN, maxLength: PER_RUN });
const T0 = Date.parse("2026-11-01T00:00:00+08:00");
const ISO = (ms: number) => new Date(ms).toISOString();

/** Splits 10 000 basis points among n parties at random cut points (some may get 0). */
const sharesOf = (n: number) =>
  fc
    .array(fc.integer({ min: 0, max: BASIS_POINTS }), { minLength: n - 1, maxLength: n - 1 })
    .map((cuts) => {
      const sorted = [0, ...cuts.sort((a, b) => a - b), BASIS_POINTS];
      return sorted.slice(1).map((c, i) => c - sorted[i]!);
    });

interface FeeSeed {
  payer: number;
  step: number;
  amount: number;
  waivedFor: number | null;
}
interface LimitSeed {
  party: number;
  floor: number | null;
  capExtra: number | null;
}

interface Options {
  readonly adjustments: boolean;
}

const ruleSetArb = ({ adjustments }: Options): fc.Arbitrary<SplitRuleSet> =>
  fc.integer({ min: 1, max: 5 }).chain((n) =>
    fc
      .record({
        residual: fc.integer({ min: 0, max: n - 1 }),
        bounds: fc.uniqueArray(fc.integer({ min: 1, max: 2_000_000 }), { maxLength: 2 }),
        shares: fc.array(sharesOf(n), { minLength: 3, maxLength: 3 }),
        currency: fc.constantFrom("CNY" as const, "JPY" as const, "KWD" as const),
        fees:
          adjustments && n > 1
            ? fc.array<FeeSeed>(
                fc.record({
                  payer: fc.integer({ min: 0, max: n - 1 }),
                  step: fc.integer({ min: 1, max: n - 1 }),
                  amount: fc.integer({ min: 0, max: 500 }),
                  waivedFor: fc.option(fc.integer({ min: 0, max: 30 * 86_400_000 })),
                }),
                { maxLength: 2 },
              )
            : fc.constant<FeeSeed[]>([]),
        limits: adjustments
          ? fc.array<LimitSeed>(
              fc.record({
                party: fc.integer({ min: 0, max: n - 1 }),
                floor: fc.option(fc.integer({ min: 0, max: 2000 })),
                capExtra: fc.option(fc.integer({ min: 0, max: 50_000 })),
              }),
              { maxLength: 2 },
            )
          : fc.constant<LimitSeed[]>([]),
      })
      .map(({ residual, bounds, shares, currency, fees, limits }) => {
        const ids = Array.from({ length: n }, (_, i) => `p${i}`);
        const cuts = [0, ...bounds.sort((a, b) => a - b)];
        const seenLimit = new Set<number>();
        return {
          id: "generated",
          name: { "zh-CN": "生成的规则" },
          currency,
          timeZone: "Asia/Shanghai",
          parties: ids.map((id) => ({ id, kind: "partner" as const, name: { "zh-CN": id } })),
          residualPartyId: ids[residual]!,
          versions: [
            {
              version: 1,
              effectiveFrom: ISO(T0),
              tiers: cuts.map((from, t) => ({
                from,
                ...(t < cuts.length - 1 ? { upTo: cuts[t + 1]! } : {}),
                shares: ids.map((partyId, p) => ({ partyId, bps: shares[t]![p]! })),
              })),
              fees: fees.map((f, i) => ({
                id: `fee${i}`,
                name: { "zh-CN": "费" },
                per: "sale" as const,
                amount: f.amount,
                payerId: ids[f.payer]!,
                payeeId: ids[(f.payer + f.step) % n]!,
                ...(f.waivedFor !== null
                  ? { waiver: { reason: { "zh-CN": "免" }, until: ISO(T0 + f.waivedFor) } }
                  : {}),
              })),
              limits: limits
                .filter((l) => !seenLimit.has(l.party) && seenLimit.add(l.party))
                .map((l) => ({
                  partyId: ids[l.party]!,
                  ...(l.floor !== null ? { floorPerSale: l.floor } : {}),
                  ...(l.capExtra !== null ? { capPerPeriod: (l.floor ?? 0) + l.capExtra } : {}),
                })),
            },
          ],
        } satisfies SplitRuleSet;
      }),
  );

const amountArb = fc.oneof(
  fc.integer({ min: 1, max: 100 }),
  fc.integer({ min: 1, max: 1_000_000_000 }),
);
const atArb = fc.integer({ min: 0, max: 29 * 86_400_000 }).map((d) => ISO(T0 + d));

function stateFor(set: SplitRuleSet, volume: number, received: number[]): PeriodState {
  return {
    period: "2026-11",
    volume,
    received: Object.fromEntries(set.parties.map((p, i) => [p.id, received[i] ?? 0])),
  };
}

const money = (set: SplitRuleSet, amount: number) => ({ amount, currency: set.currency });

/** The exact share of a party in 1/10 000 minor units, recomputed from first principles with BigInt. */
function exactShare(set: SplitRuleSet, party: string, volume: number, amount: number): bigint {
  let total = 0n;
  for (const t of set.versions[0]!.tiers) {
    const lo = BigInt(Math.max(t.from, volume));
    const hi =
      t.upTo === undefined ? BigInt(volume + amount) : BigInt(Math.min(t.upTo, volume + amount));
    if (hi > lo) total += (hi - lo) * BigInt(t.shares.find((s) => s.partyId === party)!.bps);
  }
  return total;
}

describe("split properties", { timeout: 120_000 }, () => {
  it("generates only valid rule sets", () => {
    fc.assert(
      fc.property(ruleSetArb({ adjustments: true }), (set) => validate(SplitRuleSetSchema, set).ok),
      { numRuns: 2000 },
    );
  });

  it("always adds up exactly to the sale, never negative, with fees, floors and caps", () => {
    fc.assert(
      fc.property(
        ruleSetArb({ adjustments: true }),
        batch(
          fc.tuple(
            amountArb,
            fc.integer({ min: 0, max: 3_000_000 }),
            fc.array(fc.integer({ min: 0, max: 100_000 }), { maxLength: 5 }),
            atArb,
          ),
        ),
        (set, cases) =>
          cases.every(([amount, volume, received, at]) => {
            const r = allocateSale(
              { id: "s", amount: money(set, amount), at },
              set,
              stateFor(set, volume, received),
            );
            if (!r.ok) return false;
            const lines = r.value.allocation.lines;
            const sum = lines.reduce((a, l) => a + l.amount.amount, 0);
            const before = lines.reduce((a, l) => a + l.beforeFees.amount, 0);
            return (
              sum === amount &&
              before === amount &&
              lines.every(
                (l) =>
                  Number.isSafeInteger(l.amount.amount) &&
                  l.amount.amount >= 0 &&
                  l.beforeFees.amount >= 0,
              ) &&
              r.value.state.volume === volume + amount
            );
          }),
      ),
      { numRuns: RUNS },
    );
  });

  it("rounds each share once: every party gets the floor or the ceiling of its exact share, and no more ceilings than needed", () => {
    fc.assert(
      fc.property(
        ruleSetArb({ adjustments: false }),
        batch(fc.tuple(amountArb, fc.integer({ min: 0, max: 3_000_000 }))),
        (set, cases) =>
          cases.every(([amount, volume]) => {
            const r = allocateSale(
              { id: "s", amount: money(set, amount), at: ISO(T0 + 1000) },
              set,
              stateFor(set, volume, []),
            );
            if (!r.ok) return false;
            let ceilings = 0n;
            let fractional = 0n;
            for (const l of r.value.allocation.lines) {
              const exact = exactShare(set, l.partyId, volume, amount);
              const floor = exact / 10_000n;
              const got = BigInt(l.amount.amount);
              if (got !== floor && !(got === floor + 1n && exact % 10_000n !== 0n)) return false;
              if (got === floor + 1n) ceilings++;
              fractional += exact % 10_000n;
            }
            return ceilings * 10_000n === fractional;
          }),
      ),
      { numRuns: RUNS },
    );
  });

  it("is deterministic, and the compiled hot path gives the same amounts as the explained one", () => {
    fc.assert(
      fc.property(
        ruleSetArb({ adjustments: true }),
        batch(
          fc.tuple(
            amountArb,
            fc.integer({ min: 0, max: 3_000_000 }),
            fc.array(fc.integer({ min: 0, max: 100_000 }), { minLength: 5, maxLength: 5 }),
            atArb,
          ),
        ),
        (set, cases) => {
          // A structurally equal copy compiles separately: same input, same output.
          const twin = structuredClone(set);
          return cases.every(([amount, volume, received, at]) => {
            const state = stateFor(set, volume, received);
            const a = allocateSale({ id: "s", amount: money(set, amount), at }, set, state);
            const b = allocateSale(
              { id: "s", amount: money(set, amount), at },
              twin,
              structuredClone(state),
            );
            if (!a.ok || !b.ok) return false;
            const split = compileSplit(set);
            const out = new Float64Array(set.parties.length);
            const rec = Float64Array.from(set.parties, (_, i) => received[i]!);
            split.allocateInto(amount, Date.parse(at), volume, rec, out);
            const explained = a.value.allocation.explanation.map((e) => e.amount);
            return (
              JSON.stringify(a.value) === JSON.stringify(b.value) &&
              a.value.allocation.lines.every(
                (l, i) => l.amount.amount === out[i] && explained[i] === out[i],
              )
            );
          });
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("splits a sale across a tier boundary exactly as two sales on either side of it would share exactly", () => {
    fc.assert(
      fc.property(
        ruleSetArb({ adjustments: false }),
        batch(
          fc.tuple(
            amountArb,
            fc.integer({ min: 0, max: 3_000_000 }),
            fc.double({ min: 0, max: 1, noNaN: true }),
          ),
        ),
        (set, cases) =>
          cases.every(([amount, volume, cut]) => {
            const first = Math.floor(amount * cut);
            const whole = allocateSale(
              { id: "s", amount: money(set, amount), at: ISO(T0 + 1000) },
              set,
              stateFor(set, volume, []),
            );
            if (!whole.ok) return false;
            return set.parties.every((p, i) => {
              const e = whole.value.allocation.explanation[i]!;
              const sumTiers = e.tiers.reduce((a, t) => a + BigInt(t.portion) * BigInt(t.bps), 0n);
              const parts =
                exactShare(set, p.id, volume, first) +
                exactShare(set, p.id, volume + first, amount - first);
              return (
                sumTiers === parts &&
                e.tiers.reduce((a, t) => a + t.portion, 0) ===
                  amount - (e.tiers.length === 0 ? amount : 0)
              );
            });
          }),
      ),
      { numRuns: RUNS },
    );
  });

  it("reverses refunds exactly: partial refunds up to the full amount leave every party at zero, never below", () => {
    fc.assert(
      fc.property(
        ruleSetArb({ adjustments: true }),
        batch(
          fc.tuple(
            amountArb,
            fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 0, maxLength: 5 }),
          ),
        ),
        (set, cases) =>
          cases.every(([amount, fractions]) => {
            const sale = allocateSale(
              { id: "s", amount: money(set, amount), at: ISO(T0 + 1000) },
              set,
              stateFor(set, 0, []),
            );
            if (!sale.ok) return false;
            const a = sale.value.allocation;
            const done: RefundSplit[] = [];
            let left = amount;
            const steps = [...fractions.map((f) => Math.floor(left * f)), Infinity];
            for (const step of steps) {
              const r = Math.min(step === Infinity ? left : Math.floor(step), left);
              if (r <= 0) continue;
              const res = splitRefund(
                a,
                { id: `r${done.length}`, saleId: "s", amount: money(set, r), at: ISO(T0 + 2000) },
                done,
              );
              if (!res.ok) return false;
              if (res.value.lines.reduce((x, l) => x + l.amount.amount, 0) !== r) return false;
              if (res.value.lines.some((l) => l.amount.amount < 0)) return false;
              done.push(res.value);
              left -= r;
              // No party has given back more than it got.
              for (const l of a.lines) {
                const back = done.reduce(
                  (x, d) => x + d.lines.find((y) => y.partyId === l.partyId)!.amount.amount,
                  0,
                );
                if (back > l.amount.amount) return false;
              }
            }
            return a.lines.every(
              (l) =>
                l.amount.amount ===
                done.reduce(
                  (x, d) => x + d.lines.find((y) => y.partyId === l.partyId)!.amount.amount,
                  0,
                ),
            );
          }),
      ),
      { numRuns: RUNS },
    );
  });

  it("settles each party to exactly its ledger balance, and all parties to the cash collected", () => {
    fc.assert(
      fc.property(
        ruleSetArb({ adjustments: true }),
        batch(fc.tuple(amountArb, atArb, fc.option(fc.double({ min: 0, max: 1, noNaN: true })))),
        (set, sales) => {
          let state = emptyPeriodState("2026-11");
          const ledger: LedgerEntry[] = [];
          const allocations: Allocation[] = [];
          const refunds: RefundSplit[] = [];
          for (const [i, [amount, at, refundShare]] of sales.entries()) {
            const r = allocateSale({ id: `s${i}`, amount: money(set, amount), at }, set, state);
            if (!r.ok) return false;
            state = r.value.state;
            allocations.push(r.value.allocation);
            ledger.push(...saleEntries(r.value.allocation));
            const refund = refundShare === null ? 0 : Math.floor(amount * refundShare);
            if (refund > 0) {
              const rr = splitRefund(
                r.value.allocation,
                { id: `r${i}`, saleId: `s${i}`, amount: money(set, refund), at },
                [],
              );
              if (!rr.ok) return false;
              refunds.push(rr.value);
              ledger.push(...refundEntries(rr.value, set));
            }
          }
          ledger.push(...periodFeeEntries(set, "2026-11"));
          assertBalanced(ledger);
          let total = 0;
          for (const p of set.parties) {
            const s = settle(ledger, set, p.id, "2026-11");
            total += s.netPayable;
            const gross = allocations.reduce(
              (x, a) => x + a.lines.find((l) => l.partyId === p.id)!.beforeFees.amount,
              0,
            );
            const back = refunds.reduce(
              (x, r) => x + r.lines.find((l) => l.partyId === p.id)!.amount.amount,
              0,
            );
            const net =
              allocations.reduce(
                (x, a) => x + a.lines.find((l) => l.partyId === p.id)!.amount.amount,
                0,
              ) - back;
            if (s.netPayable !== -accountBalance(ledger, `party:${p.id}`, { period: "2026-11" }))
              return false;
            if (s.gross !== gross || s.refunds !== back) return false;
            if (s.netPayable !== s.gross - s.fees + s.waiversApplied - s.refunds) return false;
            // With no period fees in these rule sets, the statement equals the allocations less refunds.
            if (s.netPayable !== net) return false;
          }
          return total === accountBalance(ledger, CASH_ACCOUNT, { period: "2026-11" });
        },
      ),
      { numRuns: RUNS },
    );
  });
});
