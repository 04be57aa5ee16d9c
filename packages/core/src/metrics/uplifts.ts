import { addDays } from "../time/zoned.js";
import { monthOf, peopleFacts, rangeNumbers, type PeopleFacts } from "./facts.js";
import type { MetricContext } from "./figures.js";
import type { IncomeIndex } from "./income.js";

/** Each counted participant's monthly income uplift over a range, and who was left out. */
export interface Uplifts {
  /** Uplifts of those still in at the end of the range, then of those who left, in person order. */
  readonly stayed: Float64Array;
  readonly left: Float64Array;
  readonly active: number;
  readonly noBaseline: number;
  readonly noSource: number;
  /** Months of the range that count: recorded, and over by `asOf`. */
  readonly months: number;
}

/** The last month that is over by `asOf`: its own month only on that month's last day. */
export function lastMonthOver(asOf: string): number {
  const m = monthOf(asOf);
  return monthOf(addDays(asOf, 1)) > m ? m : m - 1;
}

/**
 * Each participant's average monthly net income over the months of the range they were
 * enrolled in, less their baseline. Shared by the three uplift metrics through the memo.
 * Months before the platform started recording (`recordsSince`) are left out: their income
 * is unknown, not zero, and counting it as zero would report a loss that never happened. So
 * is a month not yet over by `asOf`: part of a month's income is no measure against a
 * monthly baseline.
 */
export function uplifts(ctx: MetricContext): Uplifts {
  return ctx.memo(`uplifts:${ctx.range.from}:${ctx.range.to}`, () => {
    const [a, b] = rangeNumbers(ctx);
    return upliftsOver(
      peopleFacts(ctx),
      ctx.income,
      Math.max(a, monthOf(ctx.data.recordsSince)),
      Math.min(b, lastMonthOver(ctx.data.asOf)),
    );
  });
}

function upliftsOver(people: PeopleFacts, index: IncomeIndex, a: number, b: number): Uplifts {
  const stayed = new Float64Array(people.n);
  const left = new Float64Array(people.n);
  const counts = new Int32Array(5);
  fillUplifts(
    people.participant,
    people.joined,
    people.left,
    people.baseline,
    index.hasSource,
    index.income,
    index.months.length,
    index.firstMonth,
    a,
    b,
    stayed,
    left,
    counts,
  );
  return {
    stayed: stayed.subarray(0, counts[0]),
    left: left.subarray(0, counts[1]),
    active: counts[2]!,
    noBaseline: counts[3]!,
    noSource: counts[4]!,
    months: Math.max(0, b - a + 1),
  };
}

// The loop over everyone, in a plain function of its own that V8 optimises once for all
// thirteen periods of a snapshot. It reads typed arrays only (see `markEnrolled` in
// facts.ts) and fills what it is given (`counts`: stayed, left, active, without a
// baseline, without a source), so nothing after the loop is left to learn.
function fillUplifts(
  participant: Uint8Array,
  joined: Int32Array,
  leftOn: Int32Array,
  baselines: Float64Array,
  hasSource: Uint8Array,
  income: Float64Array,
  M: number,
  firstMonth: number,
  a: number,
  b: number,
  stayed: Float64Array,
  left: Float64Array,
  counts: Int32Array,
): void {
  for (let i = 0; i < participant.length; i++) {
    if (participant[i] !== 1 || joined[i]! > b || leftOn[i]! < a) continue;
    counts[2]!++;
    const baseline = baselines[i]!;
    if (Number.isNaN(baseline)) {
      counts[3]!++;
      continue;
    }
    if (hasSource[i] !== 1) {
      counts[4]!++;
      continue;
    }
    const from = Math.max(a, joined[i]!);
    const to = Math.min(b, leftOn[i]!);
    let total = 0;
    for (let m = from; m <= to; m++) total += income[i * M + m - firstMonth]!;
    const uplift = total / (to - from + 1) - baseline;
    if (leftOn[i]! <= b) left[counts[1]!++] = uplift;
    else stayed[counts[0]!++] = uplift;
  }
}
