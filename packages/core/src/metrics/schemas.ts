import * as z from "zod/mini";
import { IdSchema } from "../common/ids.js";
import { BilingualTextSchema, LocalizedTextSchema } from "../i18n/locale.js";
import { CurrencyCodeSchema } from "../money/currency.js";
import { InstantSchema, IsoDateSchema } from "../time/schemas.js";

/** A calendar month, `YYYY-MM`. */
export const MonthSchema = /* @__PURE__ */ (() =>
  z.string().check(z.regex(/^\d{4}-(?:0[1-9]|1[0-2])$/, { error: "INVALID_FORMAT" })))();
export type Month = z.infer<typeof MonthSchema>;

/** Whole months, both ends included. */
export const MonthRangeSchema = /* @__PURE__ */ (() =>
  z.object({ from: MonthSchema, to: MonthSchema }))();
export type MonthRange = z.infer<typeof MonthRangeSchema>;

/** What a figure counts or measures. `money` values are minor units of the snapshot's currency. */
export const MetricUnitSchema = /* @__PURE__ */ (() =>
  z.enum(["money", "people", "groups", "sessions", "visits", "requests", "count", "ratio"]))();
export type MetricUnit = z.infer<typeof MetricUnitSchema>;

/**
 * A metric's definition as data, in the manner of the IRIS+ catalogue: a stable id, what it
 * means, how it is calculated, what it assumes, and a version that changes when any of that
 * does. Shown one click away from every figure.
 */
export const MetricDefinitionSchema = /* @__PURE__ */ (() =>
  z.object({
    id: z.string().check(z.regex(/^[a-z0-9]+(?:[.-][a-z0-9]+)*$/, { error: "INVALID_ID" })),
    version: z.string().check(z.regex(/^\d+\.\d+\.\d+$/, { error: "INVALID_FORMAT" })),
    name: BilingualTextSchema,
    description: BilingualTextSchema,
    unit: MetricUnitSchema,
    calculation: BilingualTextSchema,
    assumptions: z.array(BilingualTextSchema),
    footnotes: z.array(BilingualTextSchema),
  }))();
export type MetricDefinition = z.infer<typeof MetricDefinitionSchema>;

/** Why a figure could not be computed. */
export const UNAVAILABLE_REASONS = [
  "NO_BASELINE",
  "NO_INCOME_DATA",
  "NO_PARTICIPANTS",
  "ZERO_DENOMINATOR",
  "NOT_RECORDED",
  "FUTURE_PERIOD",
  "NO_OBSERVATION",
  "MONTH_NOT_OVER",
] as const;
export const UnavailableReasonSchema = /* @__PURE__ */ (() => z.enum(UNAVAILABLE_REASONS))();
export type UnavailableReason = z.infer<typeof UnavailableReasonSchema>;

/** One part of a figure (a cohort, a status, the median of those who left). */
export const BreakdownItemSchema = /* @__PURE__ */ (() =>
  z.object({
    key: z.string(),
    label: BilingualTextSchema,
    /** `null` when this part cannot be computed; `reason` says why. */
    value: z.nullable(z.number()),
    unit: MetricUnitSchema,
    reason: z.optional(UnavailableReasonSchema),
  }))();
export type BreakdownItem = z.infer<typeof BreakdownItemSchema>;

/** Where a figure's inputs came from. */
export const ProvenanceSchema = /* @__PURE__ */ (() =>
  z.object({
    /** How many records of each kind were read, e.g. `{ "ledger entries": 1204 }`. */
    records: z.record(z.string(), z.int()),
    /** Named sources, such as where a coverage denominator came from. */
    sources: z.array(z.object({ label: LocalizedTextSchema, asOf: z.optional(IsoDateSchema) })),
  }))();
export type Provenance = z.infer<typeof ProvenanceSchema>;

/**
 * A computed figure, or why it could not be computed. Never NaN, never a made-up 0.
 */
export const MetricFigureSchema = /* @__PURE__ */ (() =>
  z.discriminatedUnion("available", [
    z.object({
      available: z.literal(true),
      value: z.number(),
      breakdown: z.array(BreakdownItemSchema),
      notes: z.array(BilingualTextSchema),
      provenance: ProvenanceSchema,
    }),
    z.object({
      available: z.literal(false),
      reason: UnavailableReasonSchema,
      message: BilingualTextSchema,
    }),
  ]))();
export type MetricFigure = z.infer<typeof MetricFigureSchema>;

/** One metric in a snapshot: its definition, its figure for the whole period, and a monthly series. */
export const SnapshotMetricSchema = /* @__PURE__ */ (() =>
  z.object({
    definition: MetricDefinitionSchema,
    figure: MetricFigureSchema,
    series: z.array(z.object({ month: MonthSchema, figure: MetricFigureSchema })),
  }))();
export type SnapshotMetric = z.infer<typeof SnapshotMetricSchema>;

/**
 * Everything an impact board shows and the server's metrics endpoint returns: every
 * metric's definition, its figure over the period and its monthly series.
 */
export const MetricsSnapshotSchema = /* @__PURE__ */ (() =>
  z.object({
    scope: z.object({ id: IdSchema, name: LocalizedTextSchema }),
    period: MonthRangeSchema,
    currency: CurrencyCodeSchema,
    asOf: IsoDateSchema,
    generatedAt: InstantSchema,
    metrics: z.array(SnapshotMetricSchema),
  }))();
export type MetricsSnapshot = z.infer<typeof MetricsSnapshotSchema>;
