import * as z from "zod/mini";
import { firstDuplicateId, IdSchema } from "../common/ids.js";
import { LocalizedTextSchema } from "../i18n/locale.js";
import { CurrencyCodeSchema, type CurrencyCode } from "../money/currency.js";
import { formatMoney } from "../money/format.js";
import { InstantSchema, TimeZoneSchema } from "../time/schemas.js";

/** Basis points: 1 bp = 0.01%, 10 000 bp = 100%. Shares are whole basis points. */
export const BASIS_POINTS = 10_000;

/** Who takes part in a split. */
export const PARTY_KINDS = [
  "partner",
  "hub",
  "operator",
  "community-fund",
  "platform",
  "other",
] as const;
export const PartyKindSchema = /* @__PURE__ */ (() => z.enum(PARTY_KINDS))();
export type PartyKind = z.infer<typeof PartyKindSchema>;

export const SplitPartySchema = /* @__PURE__ */ (() =>
  z.object({
    id: IdSchema,
    kind: PartyKindSchema,
    name: LocalizedTextSchema,
    /** The partner this party stands for, when kind is `partner`. */
    partnerId: z.optional(IdSchema),
  }))();
export type SplitParty = z.infer<typeof SplitPartySchema>;

// Amounts inside a rule set are minor units of the rule set's currency.
const minor = () =>
  z.int({
    error: (i) =>
      i.code === "invalid_type" && i.input !== undefined ? "AMOUNT_NOT_INTEGER" : undefined,
  });
const nonNegativeMinor = (code: "NEGATIVE_FEE" | "TOO_SMALL") =>
  minor().check(z.gte(0, { error: code === "NEGATIVE_FEE" ? "NEGATIVE_FEE" : undefined }));

/** One party's share of a tier, in basis points. */
export const ShareSchema = /* @__PURE__ */ (() =>
  z.object({
    partyId: IdSchema,
    bps: z.int().check(z.gte(0), z.lte(BASIS_POINTS)),
  }))();
export type Share = z.infer<typeof ShareSchema>;

/**
 * A band of cumulative gross volume within the settlement period, `[from, upTo)` in minor
 * units, and how a sale's money in that band is shared. "The partner keeps 100% of the
 * first ¥3,000 in a month, then 80/20" is two tiers: `[0, 300000)` and `[300000, ∞)`.
 */
export const TierSchema = /* @__PURE__ */ (() =>
  z.object({
    from: nonNegativeMinor("TOO_SMALL"),
    /** Exclusive upper bound; omitted on the last, open-ended tier. */
    upTo: z.optional(minor()),
    shares: z.array(ShareSchema).check(z.minLength(1)),
  }))();
export type Tier = z.infer<typeof TierSchema>;

/** A waiver of a fee, with why and until when (exclusive). */
export const WaiverSchema = /* @__PURE__ */ (() =>
  z.object({
    reason: LocalizedTextSchema,
    until: InstantSchema,
  }))();
export type Waiver = z.infer<typeof WaiverSchema>;

/**
 * A fixed fee one party pays another: per sale (taken from the payer's share, never below
 * zero) or per settlement period (a stall fee, charged at settlement).
 */
export const FeeSchema = /* @__PURE__ */ (() =>
  z.object({
    id: IdSchema,
    name: LocalizedTextSchema,
    per: z.enum(["sale", "period"]),
    amount: nonNegativeMinor("NEGATIVE_FEE"),
    payerId: IdSchema,
    payeeId: IdSchema,
    waiver: z.optional(WaiverSchema),
  }))();
export type Fee = z.infer<typeof FeeSchema>;

/**
 * Limits on one party's share. A floor tops the party up to at least this much per sale,
 * funded by the residual party (as far as its share allows); a cap stops the party's
 * cumulative share within a period at this much, the excess going to the residual party.
 */
export const PartyLimitSchema = /* @__PURE__ */ (() =>
  z.object({
    partyId: IdSchema,
    floorPerSale: z.optional(nonNegativeMinor("TOO_SMALL")),
    capPerPeriod: z.optional(nonNegativeMinor("TOO_SMALL")),
  }))();
export type PartyLimit = z.infer<typeof PartyLimitSchema>;

/** One version of the rules, in force from `effectiveFrom` (inclusive) to `effectiveTo` (exclusive). */
export const SplitRuleVersionSchema = /* @__PURE__ */ (() =>
  z.object({
    version: z.int().check(z.positive()),
    effectiveFrom: InstantSchema,
    effectiveTo: z.optional(InstantSchema),
    tiers: z.array(TierSchema).check(z.minLength(1)),
    fees: z.array(FeeSchema),
    limits: z.array(PartyLimitSchema),
    note: z.optional(LocalizedTextSchema),
  }))();
export type SplitRuleVersion = z.infer<typeof SplitRuleVersionSchema>;

type Ctx = { issues: { push(i: object): void } };
type Path = (string | number)[];

function push(
  ctx: Ctx,
  message: string,
  path: Path,
  params?: Record<string, unknown>,
  input?: unknown,
): void {
  ctx.issues.push({ code: "custom", message, path, input, ...(params ? { params } : {}) });
}

const moneyText = (amount: number, currency: CurrencyCode) => ({
  "zh-CN": formatMoney({ amount, currency }, "zh-CN"),
  en: formatMoney({ amount, currency }, "en"),
});

function checkVersion(
  v: SplitRuleVersion,
  parties: ReadonlySet<string>,
  currency: CurrencyCode,
  base: Path,
  ctx: Ctx,
): void {
  if (v.effectiveTo !== undefined && Date.parse(v.effectiveTo) <= Date.parse(v.effectiveFrom)) {
    push(ctx, "RANGE_EMPTY", [...base, "effectiveTo"]);
  }
  v.tiers.forEach((t, i) => {
    const p: Path = [...base, "tiers", i];
    const last = i === v.tiers.length - 1;
    if (i === 0 && t.from !== 0) push(ctx, "TIER_START", [...p, "from"]);
    if (i > 0) {
      const previous = v.tiers[i - 1]!.upTo;
      const params = {
        previous: moneyText(previous ?? 0, currency),
        from: moneyText(t.from, currency),
      };
      if (previous !== undefined && t.from > previous)
        push(ctx, "TIER_GAP", [...p, "from"], params);
      if (previous !== undefined && t.from < previous)
        push(ctx, "TIER_OVERLAP", [...p, "from"], params);
    }
    if ((t.upTo === undefined) !== last) push(ctx, "TIER_OPEN_END", [...p, "upTo"]);
    if (t.upTo !== undefined && t.upTo <= t.from) push(ctx, "TIER_EMPTY", [...p, "upTo"]);
    let total = 0;
    const seen = new Set<string>();
    t.shares.forEach((s, j) => {
      total += s.bps;
      if (!parties.has(s.partyId))
        push(ctx, "UNKNOWN_PARTY", [...p, "shares", j, "partyId"], undefined, s.partyId);
      else if (seen.has(s.partyId))
        push(ctx, "DUPLICATE_ID", [...p, "shares", j, "partyId"], undefined, s.partyId);
      seen.add(s.partyId);
    });
    if (total !== BASIS_POINTS)
      push(ctx, "SHARES_NOT_100", [...p, "shares"], { percent: total / 100 });
  });
  v.fees.forEach((f, i) => {
    const p: Path = [...base, "fees", i];
    if (!parties.has(f.payerId))
      push(ctx, "UNKNOWN_PARTY", [...p, "payerId"], undefined, f.payerId);
    if (!parties.has(f.payeeId))
      push(ctx, "UNKNOWN_PARTY", [...p, "payeeId"], undefined, f.payeeId);
    if (f.payerId === f.payeeId) push(ctx, "SAME_PARTY", [...p, "payeeId"]);
  });
  const dupFee = firstDuplicateId(v.fees);
  if (dupFee)
    push(ctx, "DUPLICATE_ID", [...base, "fees", dupFee.index, "id"], undefined, dupFee.id);
  v.limits.forEach((l, i) => {
    const p: Path = [...base, "limits", i];
    if (!parties.has(l.partyId))
      push(ctx, "UNKNOWN_PARTY", [...p, "partyId"], undefined, l.partyId);
    if (
      l.floorPerSale !== undefined &&
      l.capPerPeriod !== undefined &&
      l.capPerPeriod < l.floorPerSale
    ) {
      push(ctx, "CAP_BELOW_FLOOR", [...p, "capPerPeriod"]);
    }
  });
}

/**
 * A revenue-split rule set: who takes part, in which currency, and its versions over time.
 * Serialisable as JSON; validated with {@link validate}, which reports shares that do not add
 * up to 100%, gapped or overlapping tiers, negative fees, caps below floors, unknown parties
 * and overlapping versions, each on its field.
 */
export const SplitRuleSetSchema = /* @__PURE__ */ (() =>
  z
    .object({
      id: IdSchema,
      name: LocalizedTextSchema,
      currency: CurrencyCodeSchema,
      /** Zone whose calendar months are the settlement periods. */
      timeZone: TimeZoneSchema,
      parties: z.array(SplitPartySchema).check(z.minLength(1)),
      /** Receives what caps hold back and funds floors: usually the partner. */
      residualPartyId: IdSchema,
      versions: z.array(SplitRuleVersionSchema).check(z.minLength(1)),
    })
    .check(
      z.superRefine((set, ctx) => {
        const parties = new Set(set.parties.map((p) => p.id));
        const dup = firstDuplicateId(set.parties);
        if (dup) push(ctx, "DUPLICATE_ID", ["parties", dup.index, "id"], undefined, dup.id);
        if (!parties.has(set.residualPartyId))
          push(ctx, "UNKNOWN_PARTY", ["residualPartyId"], undefined, set.residualPartyId);
        set.versions.forEach((v, i) => {
          checkVersion(v, parties, set.currency, ["versions", i], ctx);
          if (i === 0) return;
          const prev = set.versions[i - 1]!;
          if (v.version <= prev.version) push(ctx, "VERSION_ORDER", ["versions", i, "version"]);
          if (
            prev.effectiveTo === undefined ||
            Date.parse(v.effectiveFrom) < Date.parse(prev.effectiveTo)
          ) {
            push(ctx, "VERSION_OVERLAP", ["versions", i, "effectiveFrom"], { version: v.version });
          }
        });
      }),
    ))();
export type SplitRuleSet = z.infer<typeof SplitRuleSetSchema>;

/**
 * The version in force at an instant, or undefined.
 *
 * @example
 * versionAt(nightMarketPartner, Date.parse("2026-11-28T20:00:00+08:00"))?.version; // 1
 */
export function versionAt(set: SplitRuleSet, at: number): SplitRuleVersion | undefined {
  for (let i = set.versions.length - 1; i >= 0; i--) {
    const v = set.versions[i]!;
    if (
      Date.parse(v.effectiveFrom) <= at &&
      (v.effectiveTo === undefined || at < Date.parse(v.effectiveTo))
    )
      return v;
  }
  return undefined;
}

/**
 * Whether a rule set pays a partner: one of its parties is them, or an organiser of one of
 * their groups (the three mothers share one party). A partner given any other set would have
 * their groups' sales credited to somebody else. `groups` are the partner's groups as stored.
 *
 * @example
 * // The bakery's set pays the mothers' party, Hu Yanling, who co-organises with Zhou Xiaomin:
 * paysPartner(threeMomsBakery, { id: "zhou-xiaomin" }, [{ organiserIds: ["hu-yanling", "zhou-xiaomin"] }]); // true
 * paysPartner(threeMomsBakery, { id: "ge-mengwei" }, [{ organiserIds: ["ge-mengwei"] }]); // false
 */
export function paysPartner(
  set: Pick<SplitRuleSet, "parties">,
  partner: { readonly id: string },
  groups: ReadonlyArray<{ readonly organiserIds: readonly string[] }>,
): boolean {
  const paid = new Set(set.parties.map((p) => p.partnerId));
  return paid.has(partner.id) || groups.some((g) => g.organiserIds.some((o) => paid.has(o)));
}
