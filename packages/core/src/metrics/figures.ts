import type { BilingualText } from "../i18n/locale.js";
import { bilingualIn, metricsMessages, type MessageParams } from "../i18n/messages.js";
import type { MetricsData } from "./data.js";
import type { IncomeIndex } from "./income.js";
import { rangeDays } from "./period.js";
import type {
  BreakdownItem,
  MetricFigure,
  MetricUnit,
  MonthRange,
  Provenance,
  UnavailableReason,
} from "./schemas.js";

/** What a metric's compute function receives. */
export interface MetricContext {
  readonly data: MetricsData;
  /** The months this figure covers (the whole snapshot period, or one month of a series). */
  readonly range: MonthRange;
  /** Income per person and month over the whole snapshot period, built once per snapshot. */
  readonly income: IncomeIndex;
  /** Caches a value derived from the data for the rest of the snapshot (keys are per metric author). */
  memo<T>(key: string, make: () => T): T;
}

/** A fresh memo store for one snapshot or one computation. */
export function memoStore(): MetricContext["memo"] {
  const store = new Map<string, unknown>();
  return <T>(key: string, make: () => T): T => {
    if (!store.has(key)) store.set(key, make());
    return store.get(key) as T;
  };
}

/** A figure that could not be computed, with its reason in both languages. */
export function unavailable(reason: UnavailableReason, params: MessageParams = {}): MetricFigure {
  return { available: false, reason, message: bilingualIn(metricsMessages, reason, params) };
}

/** A computed figure. */
export function figure(
  value: number,
  breakdown: BreakdownItem[] = [],
  records: Record<string, number> = {},
  notes: BilingualText[] = [],
  sources: Provenance["sources"] = [],
): MetricFigure {
  return { available: true, value, breakdown, notes, provenance: { records, sources } };
}

/** A breakdown line; `null` values carry their reason. */
export function part(
  key: string,
  label: BilingualText,
  unit: MetricUnit,
  value: number | null,
  reason?: UnavailableReason,
): BreakdownItem {
  return value === null
    ? { key, label, unit, value, reason: reason ?? "NO_PARTICIPANTS" }
    : { key, label, unit, value };
}

/**
 * The figure every metric gives for a period outside the data: after `asOf`, or wholly
 * before the platform started recording. `undefined` when the period is covered.
 */
export function outsideData(ctx: MetricContext): MetricFigure | undefined {
  const { first, last } = rangeDays(ctx.range);
  if (first > ctx.data.asOf) return unavailable("FUTURE_PERIOD", { asOf: ctx.data.asOf });
  if (last < ctx.data.recordsSince)
    return unavailable("NOT_RECORDED", { since: ctx.data.recordsSince });
  return undefined;
}

/** Rounds to the nearest integer, ties to even, so averages of minor units stay unbiased. */
export function roundHalfEven(x: number): number {
  const r = Math.round(x);
  const result = Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
  return result === 0 ? 0 : result;
}
