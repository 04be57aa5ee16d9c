import * as z from "zod/mini";
import { IdSchema } from "../common/ids.js";
import type { Group } from "../groups/group.js";
import { BilingualTextSchema, LocalizedTextSchema, type LocalizedText } from "../i18n/locale.js";
import type { CurrencyCode } from "../money/currency.js";
import type { Partner } from "../partners/partner.js";
import type { Request } from "../requests/request.js";
import type { LedgerColumns } from "../split/columns.js";
import type { LedgerEntry } from "../split/ledger.js";
import type { SplitRuleSet } from "../split/rules.js";
import { IsoDateSchema, LocalTimeSchema } from "../time/schemas.js";

/** A session that took place, with how many came and, where known, who. */
export const SessionRecordSchema = /* @__PURE__ */ (() =>
  z.object({
    id: IdSchema,
    groupId: IdSchema,
    date: IsoDateSchema,
    start: LocalTimeSchema,
    end: LocalTimeSchema,
    attendees: z.int().check(z.nonnegative()),
    /** Partner ids of registered participants who came; others are counted in `attendees` only. */
    participantIds: z.optional(z.array(IdSchema)),
  }))();
export type SessionRecord = z.infer<typeof SessionRecordSchema>;

/** A count behind a coverage ratio, with where its denominator came from and as of when. */
export const CoverageObservationSchema = /* @__PURE__ */ (() =>
  z.object({
    asOf: IsoDateSchema,
    numerator: z.int().check(z.nonnegative()),
    denominator: z.int().check(z.nonnegative()),
    denominatorSource: LocalizedTextSchema,
  }))();
export type CoverageObservation = z.infer<typeof CoverageObservationSchema>;

/** A coverage ratio a programme reports, e.g. organisations among key firms. */
export const CoverageSchema = /* @__PURE__ */ (() =>
  z.object({
    id: z.string().check(z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: "INVALID_SLUG" })),
    name: BilingualTextSchema,
    description: BilingualTextSchema,
    observations: z.array(CoverageObservationSchema).check(z.minLength(1)),
  }))();
export type Coverage = z.infer<typeof CoverageSchema>;

/**
 * What the metrics read: the records the platform already keeps. Every list may be empty.
 */
export interface MetricsData {
  /** Whose figures these are (a hub, a street office, an alliance). */
  readonly scope: { readonly id: string; readonly name: LocalizedText };
  /** Currency of income figures; ledger entries in other currencies are left out, with a note. */
  readonly currency: CurrencyCode;
  /** The day the data runs to; periods after it are not available. */
  readonly asOf: string;
  /** The first day the platform recorded anything; periods before it are not available. */
  readonly recordsSince: string;
  readonly partners: readonly Partner[];
  readonly groups: readonly Group[];
  readonly sessions: readonly SessionRecord[];
  readonly requests: readonly Request[];
  /** Entries as posted, or as columns (faster for a large ledger; see `toLedgerColumns`). */
  readonly ledger: readonly LedgerEntry[] | LedgerColumns;
  /** Rule sets whose parties name a `partnerId`: how ledger income reaches a person. */
  readonly ruleSets: readonly SplitRuleSet[];
  readonly coverage: readonly Coverage[];
}
