import { issueIn, LinliError, type LinliIssue } from "../common/issue.js";
import { metricsMessages } from "../i18n/messages.js";
import { err, ok, type Result } from "../common/result.js";
import { builtInMetrics, coverageMetric, type MetricImplementation } from "./builtins.js";
import type { MetricsData } from "./data.js";
import { memoStore, type MetricContext } from "./figures.js";
import { peopleFacts } from "./facts.js";
import { incomeIndexWith, type IncomeIndex } from "./income.js";
import { monthsOf } from "./period.js";
import {
  MonthRangeSchema,
  type MetricDefinition,
  type MetricFigure,
  type MetricsSnapshot,
  type Month,
  type MonthRange,
} from "./schemas.js";

/** Options for {@link createMetricRegistry}. */
export interface MetricRegistryOptions {
  /** The uplift a participant must reach to count as "income rose", minor units a month. Default 200 000 (¥2,000). */
  readonly upliftThreshold?: number;
}

/** Built-in metrics plus any a host registers; computes single figures and whole snapshots. */
export interface MetricRegistry {
  /** Definitions, in order (coverage metrics are added per snapshot from the data). */
  readonly definitions: readonly MetricDefinition[];
  /**
   * Adds a host's own metric.
   * @throws {LinliError} `DUPLICATE_METRIC` when the id is taken.
   */
  register(metric: MetricImplementation): MetricRegistry;
  /**
   * Every metric's figure over a period and its monthly series.
   * @example
   * createMetricRegistry().snapshot(data, { from: "2026-01", to: "2026-12" }, new Date().toISOString());
   */
  snapshot(
    data: MetricsData,
    period: MonthRange,
    generatedAt: string,
  ): Result<MetricsSnapshot, LinliIssue>;
  /** One metric's figure over a period. */
  compute(id: string, data: MetricsData, period: MonthRange): Result<MetricFigure, LinliIssue>;
}

function checkPeriod(period: MonthRange): LinliIssue | undefined {
  const parsed = MonthRangeSchema["~standard"].validate(period);
  if ("issues" in parsed && parsed.issues)
    return issueIn(
      metricsMessages,
      "INVALID_PERIOD",
      { from: String(period.from), to: String(period.to) },
      "period",
    );
  if (period.from > period.to)
    return issueIn(
      metricsMessages,
      "INVALID_PERIOD",
      { from: period.from, to: period.to },
      "period",
    );
  return undefined;
}

// The income index resolves ledger parties to people through the same partner ids and
// map the people facts build, so a snapshot indexes the partners once.
function incomeOver(
  data: MetricsData,
  months: readonly Month[],
  memo: MetricContext["memo"],
): IncomeIndex {
  return incomeIndexWith(data, months, peopleFacts({ data, memo }));
}

/**
 * A registry with Linli's built-in co-prosperity metrics. Hosts add their own with
 * `register`; every metric is a definition (data) plus a pure function of the records.
 *
 * @example
 * const registry = createMetricRegistry().register({ definition: myDefinition, compute: (ctx) => … });
 * const r = registry.snapshot(data, { from: "2026-07", to: "2026-11" }, "2026-11-28T12:00:00+08:00");
 */
export function createMetricRegistry(options: MetricRegistryOptions = {}): MetricRegistry {
  const metrics: MetricImplementation[] = builtInMetrics(options);
  const all = (data: MetricsData) => [...metrics, ...data.coverage.map(coverageMetric)];
  const registry: MetricRegistry = {
    get definitions() {
      return metrics.map((m) => m.definition);
    },
    register(metric) {
      if (metrics.some((m) => m.definition.id === metric.definition.id)) {
        throw new LinliError(
          issueIn(metricsMessages, "DUPLICATE_METRIC", { value: metric.definition.id }),
        );
      }
      metrics.push(metric);
      return registry;
    },
    compute(id, data, period) {
      const bad = checkPeriod(period);
      if (bad) return err(bad);
      const metric = all(data).find((m) => m.definition.id === id);
      if (!metric) return err(issueIn(metricsMessages, "UNKNOWN_METRIC", { value: id }, "id"));
      const memo = memoStore();
      const income = incomeOver(data, monthsOf(period), memo);
      return ok(metric.compute({ data, range: period, income, memo }));
    },
    snapshot(data, period, generatedAt) {
      const bad = checkPeriod(period);
      if (bad) return err(bad);
      const months = monthsOf(period);
      const memo = memoStore();
      // One pass over the ledger serves every metric and every month.
      const income = incomeOver(data, months, memo);
      const context = (range: MonthRange): MetricContext => ({ data, range, income, memo });
      return ok({
        scope: { id: data.scope.id, name: data.scope.name },
        period,
        currency: data.currency,
        asOf: data.asOf,
        generatedAt,
        metrics: all(data).map((m) => ({
          definition: m.definition,
          figure: m.compute(context(period)),
          series: months.map((month) => ({
            month,
            figure: m.compute(context({ from: month, to: month })),
          })),
        })),
      });
    },
  };
  return registry;
}
