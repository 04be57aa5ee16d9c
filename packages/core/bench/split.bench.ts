// Splits 1 000 000 sales under a 4-party tiered rule three ways, in one run:
//  - Linli's compiled allocation path (what the server and metrics use),
//  - dinero.js 2.x `allocate` on the same sales (its speed, not its rounding, is compared),
//  - a minimal hand-written exact largest-remainder loop over typed arrays (the practical limit).
// Then times Linli's explained path (`allocateSale`, with the "who gets what" breakdown) on
// 100 000 sales, and checks every Linli allocation adds up exactly.
import { allocate as dineroAllocate, dinero, toSnapshot } from "dinero.js";
import { CNY } from "dinero.js/currencies";
import {
  allocateSale,
  compileSplit,
  emptyPeriodState,
  type PeriodState,
  type SplitRuleSet,
} from "../src/split/index.js";
import { medianMs, prng, report } from "./report.js";

const N = 1_000_000;
const MONTH_START = Date.parse("2026-11-01T00:00:00+08:00");
const MONTH_MS = 30 * 86_400_000;

// A month of a busy studio: sales of ¥1 to ¥500, the first ¥30 000 to the partner alone,
// then 70/15/10/5 between partner, hub, fund and platform, and a ¥0.20 fee per sale.
const rules: SplitRuleSet = {
  id: "bench-4-party",
  name: { "zh-CN": "四方分档" },
  currency: "CNY",
  timeZone: "Asia/Shanghai",
  parties: [
    { id: "partner", kind: "partner", name: { "zh-CN": "合伙人" } },
    { id: "hub", kind: "hub", name: { "zh-CN": "中心" } },
    { id: "fund", kind: "community-fund", name: { "zh-CN": "基金" } },
    { id: "platform", kind: "platform", name: { "zh-CN": "平台" } },
  ],
  residualPartyId: "partner",
  versions: [
    {
      version: 1,
      effectiveFrom: "2026-01-01T00:00:00+08:00",
      tiers: [
        {
          from: 0,
          upTo: 3_000_000,
          shares: [
            { partyId: "partner", bps: 10_000 },
            { partyId: "hub", bps: 0 },
            { partyId: "fund", bps: 0 },
            { partyId: "platform", bps: 0 },
          ],
        },
        {
          from: 3_000_000,
          shares: [
            { partyId: "partner", bps: 7000 },
            { partyId: "hub", bps: 1500 },
            { partyId: "fund", bps: 1000 },
            { partyId: "platform", bps: 500 },
          ],
        },
      ],
      fees: [
        {
          id: "fee",
          name: { "zh-CN": "手续费" },
          per: "sale",
          amount: 20,
          payerId: "partner",
          payeeId: "platform",
        },
      ],
      limits: [],
    },
  ],
};

const rand = prng(20261128);
const amounts = new Float64Array(N);
const times = new Float64Array(N);
const volumes = new Float64Array(N);
let volume = 0;
for (let i = 0; i < N; i++) {
  amounts[i] = 100 + Math.floor(rand() * 49_900);
  times[i] = MONTH_START + Math.floor((i / N) * MONTH_MS);
  volumes[i] = volume;
  volume += amounts[i]!;
}

// Linli, compiled path.
const split = compileSplit(rules);
const out = new Float64Array(4);
const totals = new Float64Array(4);
const linli = () => {
  totals.fill(0);
  for (let i = 0; i < N; i++) {
    split.allocateInto(amounts[i]!, times[i]!, volumes[i]!, null, out);
    totals[0]! += out[0]!;
    totals[1]! += out[1]!;
    totals[2]! += out[2]!;
    totals[3]! += out[3]!;
  }
};

// Hand-written: the same tiers as typed arrays, exact largest remainder, the same fee.
const tierFrom = new Float64Array([0, 3_000_000]);
const tierTo = new Float64Array([3_000_000, Infinity]);
const bps = new Int32Array([10_000, 0, 0, 0, 7000, 1500, 1000, 500]);
const acc = new Float64Array(4);
const handTotals = new Float64Array(4);
const hand = () => {
  handTotals.fill(0);
  for (let i = 0; i < N; i++) {
    const amount = amounts[i]!;
    const v0 = volumes[i]!;
    const v1 = v0 + amount;
    acc[0] = acc[1] = acc[2] = acc[3] = 0;
    for (let t = 0; t < 2; t++) {
      const lo = tierFrom[t]! > v0 ? tierFrom[t]! : v0;
      const hi = tierTo[t]! < v1 ? tierTo[t]! : v1;
      if (hi <= lo) continue;
      const portion = hi - lo;
      for (let p = 0; p < 4; p++) acc[p]! += portion * bps[t * 4 + p]!;
    }
    let given = 0;
    for (let p = 0; p < 4; p++) {
      const w = Math.floor(acc[p]! / 10_000);
      out[p] = w;
      acc[p] = acc[p]! - w * 10_000;
      given += w;
    }
    for (let left = amount - given; left > 0; left--) {
      let best = -1;
      for (let p = 0; p < 4; p++) if (acc[p]! > 0 && (best < 0 || acc[p]! > acc[best]!)) best = p;
      out[best]! += 1;
      acc[best] = -1;
    }
    const fee = out[0]! < 20 ? out[0]! : 20;
    out[0]! -= fee;
    out[3]! += fee;
    handTotals[0]! += out[0]!;
    handTotals[1]! += out[1]!;
    handTotals[2]! += out[2]!;
    handTotals[3]! += out[3]!;
  }
};

// dinero.js: one allocate per tier portion, the same fee moved afterwards.
const ratiosByTier = [
  [10_000, 0, 0, 0],
  [7000, 1500, 1000, 500],
];
const dineroRun = (n: number) => {
  let check = 0;
  for (let i = 0; i < n; i++) {
    const amount = amounts[i]!;
    const v0 = volumes[i]!;
    const v1 = v0 + amount;
    for (let t = 0; t < 2; t++) {
      const lo = Math.max(tierFrom[t]!, v0);
      const hi = Math.min(tierTo[t]!, v1);
      if (hi <= lo) continue;
      const parts = dineroAllocate(dinero({ amount: hi - lo, currency: CNY }), ratiosByTier[t]!);
      check += toSnapshot(parts[0]!).amount;
    }
  }
  return check;
};

// Interleaved, so a slow patch of the machine does not land on one side only; medians of
// several runs each (dinero.js takes seconds a run, so three).
const linliRuns: number[] = [];
const handRuns: number[] = [];
const dineroRuns: number[] = [];
dineroRun(50_000); // warm up
for (let round = 0; round < 3; round++) {
  linliRuns.push(medianMs(3, linli));
  handRuns.push(medianMs(3, hand));
  const start = performance.now();
  dineroRun(N);
  dineroRuns.push(performance.now() - start);
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
const linliMs = median(linliRuns);
const handMs = median(handRuns);
const dineroMs = median(dineroRuns);

// Every Linli allocation adds up exactly and is never negative (checked outside the timing).
let exact = true;
for (let i = 0; i < N && exact; i++) {
  split.allocateInto(amounts[i]!, times[i]!, volumes[i]!, null, out);
  exact =
    out[0]! + out[1]! + out[2]! + out[3]! === amounts[i]! &&
    out.every((x) => x >= 0 && Number.isInteger(x));
}
const sameAsHand = totals.every((x, p) => x === handTotals[p]);
if (!exact || !sameAsHand || totals.reduce((a, b) => a + b, 0) !== volume) {
  console.error(`split bench: sums are not exact (exact=${exact}, sameAsHand=${sameAsHand})`);
  process.exit(1);
}

// The explained path on 100 000 sales, carrying the period state as a server would.
const EXPLAINED = 100_000;
const explained = () => {
  let state: PeriodState = emptyPeriodState("2026-11");
  for (let i = 0; i < EXPLAINED; i++) {
    const r = allocateSale(
      {
        id: "s",
        amount: { amount: amounts[i]!, currency: "CNY" },
        at: new Date(times[i]!).toISOString(),
      },
      rules,
      state,
    );
    if (!r.ok) throw new Error(r.error.message.en);
    state = r.value.state;
  }
};
const explainedMs = medianMs(3, explained);

console.log(
  `split: ${N.toLocaleString("en")} sales, 4 parties, 2 tiers, a per-sale fee; every sum exact`,
);
console.log(
  `  Linli compiled path   ${linliMs.toFixed(1)} ms (runs: ${linliRuns.map((x) => x.toFixed(0)).join(", ")})`,
);
console.log(
  `  hand-written loop     ${handMs.toFixed(1)} ms (runs: ${handRuns.map((x) => x.toFixed(0)).join(", ")})`,
);
console.log(
  `  dinero.js allocate    ${dineroMs.toFixed(1)} ms (runs: ${dineroRuns.map((x) => x.toFixed(0)).join(", ")})`,
);
console.log(
  `  Linli explained path  ${explainedMs.toFixed(1)} ms per ${EXPLAINED.toLocaleString("en")} sales`,
);
report({
  name: "split.allocate-1M.vs-dinero",
  value: linliMs,
  unit: "ms",
  baseline: dineroMs,
  ratio: dineroMs / linliMs,
  target: ">= 20 (times faster)",
});
report({
  name: "split.allocate-1M.vs-hand-loop",
  value: linliMs,
  unit: "ms",
  baseline: handMs,
  ratio: linliMs / handMs,
  target: "<= 2",
});
report({
  name: "split.allocate-explained-100k.vs-hand-loop",
  value: explainedMs,
  unit: "ms",
  baseline: handMs / 10,
  ratio: explainedMs / (handMs / 10),
  target: "report only",
});
