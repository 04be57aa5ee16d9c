// Data for tests and stories (never imported by the elements themselves): a metrics snapshot
// with the figures the seed's newspaper page reports, month by month over the first half of 2026.
import type { MetricFigure, MetricsSnapshot, SnapshotMetric } from "@linli/core/metrics";

const known = (value: number): MetricFigure => ({
  available: true,
  value,
  breakdown: [],
  notes: [],
  provenance: { records: {}, sources: [] },
});
const notRecorded: MetricFigure = {
  available: false,
  reason: "NOT_RECORDED",
  message: { "zh-CN": "当月未登记。", en: "Not recorded that month." },
};
const months = ["2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06"];
const series = (values: ReadonlyArray<number | null>) =>
  months.map((month, i) => ({
    month,
    figure: values[i] === null ? notRecorded : known(values[i]!),
  }));

export const incomeUplift: SnapshotMetric = {
  definition: {
    id: "income-uplift.mean",
    version: "1.2.0",
    name: { "zh-CN": "参与人月均增收", en: "Income uplift per participant" },
    description: {
      "zh-CN": "参与共富工坊和烘焙工作室的居民，每人每月比参与前多收入的金额。",
      en: "How much more a resident in the workshop or the bakery earns a month than before joining.",
    },
    unit: "money",
    calculation: {
      "zh-CN": "（当月收入 − 参与前三个月平均收入）的平均值。",
      en: "Mean of (income this month − mean income in the three months before joining).",
    },
    assumptions: [
      { "zh-CN": "收入以分成结算记录为准。", en: "Income is what the split settlements record." },
    ],
    footnotes: [{ "zh-CN": "不含一次性补贴。", en: "One-off grants are not counted." }],
  },
  figure: known(260000),
  series: series([120000, 150000, 170000, 190000, 230000, 260000]),
};

export const coverage: SnapshotMetric = {
  definition: {
    id: "coverage.private-firms",
    version: "1.0.0",
    name: { "zh-CN": "30人以上民营企业组织覆盖率", en: "Coverage of private firms with 30+ staff" },
    description: {
      "zh-CN": "已建立组织的30人以上民营企业所占比例。",
      en: "Share of private firms with 30 or more staff that have an organisation.",
    },
    unit: "ratio",
    calculation: {
      "zh-CN": "已覆盖企业数 ÷ 30人以上民营企业总数。",
      en: "Firms covered ÷ all private firms with 30+ staff.",
    },
    assumptions: [],
    footnotes: [
      { "zh-CN": "494家重点企业覆盖率为100%。", en: "All 494 key firms are covered (100%)." },
    ],
  },
  figure: known(0.814),
  series: series([null, null, 0.702, 0.75, 0.79, 0.814]),
};

export const requestsResolved: SnapshotMetric = {
  definition: {
    id: "requests.resolved",
    version: "1.0.0",
    name: { "zh-CN": "办结企业诉求", en: "Firm requests resolved" },
    description: {
      "zh-CN": "产业链联盟58家企业提出并已办结的诉求。",
      en: "Requests from the 58 firms of the industry-chain alliance that were resolved.",
    },
    unit: "requests",
    calculation: {
      "zh-CN": "期内办结的诉求数。",
      en: "Requests closed as resolved in the period.",
    },
    assumptions: [],
    footnotes: [],
  },
  figure: known(111),
  series: series([12, 15, 20, 18, 22, 24]),
};

export const reEmployment: SnapshotMetric = {
  definition: {
    id: "re-employment.rate",
    version: "0.1.0",
    name: { "zh-CN": "再就业率", en: "Re-employment rate" },
    description: {
      "zh-CN": "参与前失业的居民中，已再就业者所占比例。",
      en: "Share of residents out of work before joining who now have work.",
    },
    unit: "ratio",
    calculation: {
      "zh-CN": "再就业人数 ÷ 参与前失业人数。",
      en: "Residents back in work ÷ residents out of work before joining.",
    },
    assumptions: [],
    footnotes: [],
  },
  figure: {
    available: false,
    reason: "NO_BASELINE",
    message: {
      "zh-CN": "尚未登记参与人参与前的就业情况，无法计算。",
      en: "Participants' work before joining was not recorded, so this cannot be computed.",
    },
  },
  series: series([null, null, null, null, null, null]),
};

/** The red house's programme, January to June 2026. */
export const redHouseSnapshot: MetricsSnapshot = {
  scope: {
    id: "red-house",
    name: { "zh-CN": "红房子共富工坊", en: "The Red House co-prosperity programme" },
  },
  period: { from: "2026-01", to: "2026-06" },
  currency: "CNY",
  asOf: "2026-07-01",
  generatedAt: "2026-07-01T08:00:00+08:00",
  metrics: [incomeUplift, coverage, requestsResolved, reEmployment],
};
