import { peopleFacts, rangeNumbers, type PeopleFacts } from "./facts.js";
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
}

/**
 * Each participant's average monthly net income over the months of the range they were
 * enrolled in, less their baseline. Shared by the three uplift metrics through the memo.
 */
export function uplifts(ctx: MetricContext): Uplifts {
  return ctx.memo(`uplifts:${ctx.range.from}:${ctx.range.to}`, () => {
    const [a, b] = rangeNumbers(ctx);
    return upliftsOver(peopleFacts(ctx), ctx.income, a, b);
  });
}

// The loop over everyone, in a plain function of its own that V8 optimises once for all
// thirteen periods of a snapshot.
function upliftsOver(people: PeopleFacts, index: IncomeIndex, a: number, b: number): Uplifts {
  const { income, hasSource, firstMonth } = index;
  const M = index.months.length;
  const { n, participant, joined, left: leftOn, baseline: baselines } = people;
  const stayed = new Float64Array(n);
  const left = new Float64Array(n);
  let nStayed = 0;
  let nLeft = 0;
  let active = 0;
  let noBaseline = 0;
  let noSource = 0;
  for (let i = 0; i < n; i++) {
    if (participant[i] !== 1 || joined[i]! > b || leftOn[i]! < a) continue;
    active++;
    const baseline = baselines[i]!;
    if (Number.isNaN(baseline)) {
      noBaseline++;
      continue;
    }
    if (hasSource[i] !== 1) {
      noSource++;
      continue;
    }
    const from = Math.max(a, joined[i]!);
    const to = Math.min(b, leftOn[i]!);
    let total = 0;
    for (let m = from; m <= to; m++) total += income[i * M + m - firstMonth]!;
    const uplift = total / (to - from + 1) - baseline;
    if (leftOn[i]! <= b) left[nLeft++] = uplift;
    else stayed[nStayed++] = uplift;
  }
  return {
    stayed: stayed.subarray(0, nStayed),
    left: left.subarray(0, nLeft),
    active,
    noBaseline,
    noSource,
  };
}
