// Computes every built-in metric over one year (the period figure and twelve monthly
// figures) for 10 000 participants and 1 000 000 ledger entries, and, in the same run, a
// minimal typed-array pass that sums the same entries per participant and month: the
// practical limit for the part of the work that touches every entry.
import {
  createMetricRegistry,
  toLedgerColumns,
  type LedgerColumns,
  type Group,
  type LedgerEntry,
  type MetricsData,
  type Partner,
  type SessionRecord,
  type SplitRuleSet,
  type Request,
} from "../src/index.js";
import { groups } from "../src/fixtures/index.js";
import { medianMs, pairedRounds, prng, report } from "./report.js";

const PEOPLE = 10_000;
const ENTRIES = 1_000_000;
const MONTHS = Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, "0")}`);
const rand = prng(4_2026);
const cohorts = [
  "full-time-mother",
  "unemployed-youth",
  "retiree",
  "new-employment-worker",
  "other",
] as const;

const partners: Partner[] = [];
const ruleSets: SplitRuleSet[] = [];
for (let i = 0; i < PEOPLE; i++) {
  const id = `p${i}`;
  const joined = MONTHS[Math.floor(rand() * 6)]!;
  // One object shape for everyone, as rows read from a database would have.
  partners.push({
    id,
    name: `参与人${i}`,
    displayName: undefined,
    roles: ["organiser"],
    cohorts: [cohorts[i % cohorts.length]!],
    contact: { phone: `138${String(i).padStart(8, "0")}`, wechatId: undefined },
    hubId: "red-house",
    groupIds: [groups[i % groups.length]!.id],
    supportReceived: [],
    incomeBaseline:
      i % 10 === 0
        ? undefined
        : {
            monthly: { amount: Math.floor(rand() * 500_000), currency: "CNY" },
            recordedOn: `${joined}-01`,
          },
    splitRuleSetId: `rs-${i}`,
    joinedOn: `${joined}-01`,
    leftOn: i % 17 === 0 ? `${MONTHS[9]!}-15` : undefined,
  });
  // Every participant sells under their own two-party rule set, as a stall or studio would.
  ruleSets.push({
    id: `rs-${i}`,
    name: { "zh-CN": `规则${i}` },
    currency: "CNY",
    timeZone: "Asia/Shanghai",
    parties: [
      { id: "partner", kind: "partner", name: { "zh-CN": "合伙人" }, partnerId: id },
      { id: "hub", kind: "hub", name: { "zh-CN": "中心" } },
    ],
    residualPartyId: "partner",
    versions: [
      {
        version: 1,
        effectiveFrom: "2026-01-01T00:00:00+08:00",
        tiers: [
          {
            from: 0,
            shares: [
              { partyId: "partner", bps: 8500 },
              { partyId: "hub", bps: 1500 },
            ],
          },
        ],
        fees: [],
        limits: [],
      },
    ],
  });
}

// A year of sales in time order: each posts cash, the partner's share and the hub's share.
const ledger: LedgerEntry[] = [];
for (let k = 0; ledger.length < ENTRIES; k++) {
  const m = Math.floor((k * 3 * 12) / ENTRIES);
  const who = Math.floor(rand() * PEOPLE);
  const total = 500 + Math.floor(rand() * 20_000);
  const share = Math.floor(total * 0.85);
  const period = MONTHS[m]!;
  const accounts = [
    ["cash", total],
    ["party:partner", -share],
    ["party:hub", share - total],
  ] as const;
  for (const [account, amt] of accounts) {
    if (ledger.length === ENTRIES) break;
    ledger.push({
      txId: `sale:s${k}`,
      kind: "sale",
      account,
      amount: amt,
      currency: "CNY",
      at: `${period}-15T12:00:00+08:00`,
      period,
      ruleSetId: `rs-${who}`,
      saleId: `s${k}`,
      feeId: undefined,
    });
  }
}

const sessions: SessionRecord[] = [];
for (let i = 0; i < 20_000; i++) {
  const m = MONTHS[i % 12]!;
  sessions.push({
    id: `ss${i}`,
    groupId: groups[i % groups.length]!.id,
    date: `${m}-${String(1 + (i % 28)).padStart(2, "0")}`,
    start: "09:00",
    end: "10:00",
    attendees: 5 + (i % 20),
    participantIds: [`p${(i * 7) % PEOPLE}`, `p${(i * 13) % PEOPLE}`],
  });
}
const requests: Request[] = Array.from({ length: 5_000 }, (_, i) => ({
  id: `rq${i}`,
  scope: "red-house",
  raisedBy: { kind: "resident" as const },
  category: "other" as const,
  receivedOn: `${MONTHS[i % 12]!}-05`,
  summary: undefined,
  resolvedOn: i % 3 === 0 ? undefined : `${MONTHS[i % 12]!}-20`,
  outcome: i % 3 === 0 ? undefined : ("resolved" as const),
}));

const data: MetricsData = {
  scope: { id: "bench", name: { "zh-CN": "基准" } },
  currency: "CNY",
  asOf: "2026-12-31",
  recordsSince: "2026-01-01",
  partners,
  groups: groups as Group[],
  sessions,
  requests,
  ledger,
  ruleSets,
  coverage: [],
};

// The ledger as the server keeps it for reading: columns. Encoding a million posted entries
// is reported as its own figure.
const encodeMs = medianMs(3, () => toLedgerColumns(data.ledger as LedgerEntry[]));
const columnar: MetricsData = { ...data, ledger: toLedgerColumns(data.ledger as LedgerEntry[]) };
ledger.length = 0; // the snapshot reads the columns only

const registry = createMetricRegistry();
let snapshotOk = false;
const snapshot = () => {
  const r = registry.snapshot(
    columnar,
    { from: "2026-01", to: "2026-12" },
    "2026-12-31T23:59:59+08:00",
  );
  snapshotOk = r.ok && r.value.metrics.every((m) => m.series.length === 12);
};

// The practical limit for the part that touches every entry: one pass over the same stored
// columns, each (rule set, account) slot already resolved to a participant, summing per
// participant and month into a typed array.
const cols = columnar.ledger as LedgerColumns;
const slotPerson = Int32Array.from(cols.slots, (s) =>
  s.account === "party:partner" ? Number(s.ruleSetId.slice(3)) : -1,
);
const firstMonth = cols.month[0]!;
const sums = new Float64Array(PEOPLE * 12);
const typedArrayPass = () => {
  sums.fill(0);
  const { slot, month, amount } = cols;
  for (let i = 0; i < cols.length; i++) {
    const p = slotPerson[slot[i]!]!;
    if (p >= 0) sums[p * 12 + month[i]! - firstMonth]! -= amount[i]!;
  }
};

const paired = pairedRounds(9, snapshot, typedArrayPass);
const metricsMs = paired.ms;
const baselineMs = paired.baselineMs;

if (!snapshotOk) {
  console.error("metrics bench: the snapshot did not compute");
  process.exit(1);
}
console.log(
  `metrics: ${PEOPLE.toLocaleString("en")} participants, ${ENTRIES.toLocaleString("en")} ledger entries, 12 months, every built-in metric with its series`,
);
console.log(`  all metrics          ${metricsMs.toFixed(1)} ms`);
console.log(`  typed-array pass     ${baselineMs.toFixed(1)} ms`);
console.log(`  ratio per round      ${paired.ratios.map((r) => r.toFixed(1)).join(", ")}`);
console.log(
  `  encoding the ledger as columns (once, as entries are posted) ${encodeMs.toFixed(1)} ms`,
);
report({
  name: "metrics.snapshot-year-10k-1M.vs-typed-array-pass",
  value: metricsMs,
  unit: "ms",
  baseline: baselineMs,
  // The median of nine rounds' own ratios (each round times both side by side).
  ratio: paired.ratio,
  target: "<= 10",
});
report({
  name: "metrics.ledger-columns-encode-1M.vs-typed-array-pass",
  value: encodeMs,
  unit: "ms",
  baseline: baselineMs,
  ratio: encodeMs / baselineMs,
  target: "report only",
});
