import * as z from "zod/mini";
import { IdSchema } from "../common/ids.js";
import { issueIn, LinliError } from "../common/issue.js";
import { moneyMessages, splitMessages } from "../i18n/messages.js";
import { CurrencyCodeSchema, type CurrencyCode } from "../money/currency.js";
import { InstantSchema } from "../time/schemas.js";
import type { Allocation } from "./allocate.js";
import { periodOf, periodStart } from "./period.js";
import type { RefundSplit } from "./refund.js";
import { versionAt, type SplitRuleSet } from "./rules.js";

/** The account holding buyers' money until it is paid out. */
export const CASH_ACCOUNT = "cash";

/** The account of what is owed to a party. */
export const partyAccount = (partyId: string): string => `party:${partyId}`;

export const LEDGER_ENTRY_KINDS = ["sale", "fee", "waiver", "refund", "period-fee"] as const;

/**
 * One line of a double-entry ledger. Debits are positive, credits negative; the lines of a
 * transaction (`txId`) add up to zero. A party's account is credited with what it is owed.
 */
export const LedgerEntrySchema = /* @__PURE__ */ (() =>
  z.object({
    txId: z.string(),
    kind: z.enum(LEDGER_ENTRY_KINDS),
    account: z.string(),
    amount: z.int(),
    currency: CurrencyCodeSchema,
    at: InstantSchema,
    /** Settlement period, `YYYY-MM`, in the rule set's zone. */
    period: z.string(),
    ruleSetId: IdSchema,
    saleId: z.optional(IdSchema),
    feeId: z.optional(IdSchema),
  }))();
export type LedgerEntry = z.infer<typeof LedgerEntrySchema>;

interface EntryContext {
  readonly txId: string;
  readonly currency: CurrencyCode;
  readonly at: string;
  readonly period: string;
  readonly ruleSetId: string;
  readonly saleId: string | undefined;
}

// Every entry is built here with the same keys in the same order, so a ledger of a million
// entries stays one object shape and reading it stays fast.
function entry(
  c: EntryContext,
  kind: LedgerEntry["kind"],
  account: string,
  amount: number,
  feeId?: string,
): LedgerEntry {
  return {
    txId: c.txId,
    kind,
    account,
    amount,
    currency: c.currency,
    at: c.at,
    period: c.period,
    ruleSetId: c.ruleSetId,
    saleId: c.saleId,
    feeId,
  };
}

/**
 * Ledger lines for a split sale: the cash in, each party's share, and per-sale fees (a
 * waived fee is posted with its waiver, so statements can show waivers applied).
 */
export function saleEntries(a: Allocation): LedgerEntry[] {
  const c: EntryContext = {
    txId: `sale:${a.saleId}`,
    currency: a.amount.currency,
    at: a.at,
    period: a.period,
    ruleSetId: a.ruleSetId,
    saleId: a.saleId,
  };
  const out = [entry(c, "sale", CASH_ACCOUNT, a.amount.amount)];
  for (const l of a.lines) {
    if (l.beforeFees.amount !== 0)
      out.push(entry(c, "sale", partyAccount(l.partyId), -l.beforeFees.amount));
  }
  for (const f of a.fees) {
    const amount = f.charged + f.waived;
    if (amount === 0) continue;
    out.push(entry(c, "fee", partyAccount(f.payerId), amount, f.feeId));
    out.push(entry(c, "fee", partyAccount(f.payeeId), -amount, f.feeId));
    if (f.waived > 0) {
      out.push(entry(c, "waiver", partyAccount(f.payerId), -f.waived, f.feeId));
      out.push(entry(c, "waiver", partyAccount(f.payeeId), f.waived, f.feeId));
    }
  }
  return out;
}

/** Ledger lines for a refund: cash out, and each party's share taken back, in the refund's period. */
export function refundEntries(r: RefundSplit, set: SplitRuleSet): LedgerEntry[] {
  const c: EntryContext = {
    txId: `refund:${r.refundId}`,
    currency: r.amount.currency,
    at: r.at,
    period: periodOf(Date.parse(r.at), set.timeZone),
    ruleSetId: r.ruleSetId,
    saleId: r.saleId,
  };
  const out = [entry(c, "refund", CASH_ACCOUNT, -r.amount.amount)];
  for (const l of r.lines) {
    if (l.amount.amount !== 0)
      out.push(entry(c, "refund", partyAccount(l.partyId), l.amount.amount));
  }
  return out;
}

/**
 * Ledger lines for a period's fixed fees (a stall fee), from the version in force at the
 * period's start. A fee whose waiver runs past the period's start is posted with its waiver.
 */
export function periodFeeEntries(set: SplitRuleSet, period: string): LedgerEntry[] {
  const start = periodStart(period, set.timeZone);
  const v = versionAt(set, start);
  if (!v) return [];
  const at = new Date(start).toISOString();
  const out: LedgerEntry[] = [];
  for (const f of v.fees) {
    if (f.per !== "period" || f.amount === 0) continue;
    const c: EntryContext = {
      txId: `period-fee:${set.id}:${f.id}:${period}`,
      currency: set.currency,
      at,
      period,
      ruleSetId: set.id,
      saleId: undefined,
    };
    out.push(entry(c, "period-fee", partyAccount(f.payerId), f.amount, f.id));
    out.push(entry(c, "period-fee", partyAccount(f.payeeId), -f.amount, f.id));
    if (f.waiver && Date.parse(f.waiver.until) > start) {
      out.push(entry(c, "waiver", partyAccount(f.payerId), -f.amount, f.id));
      out.push(entry(c, "waiver", partyAccount(f.payeeId), f.amount, f.id));
    }
  }
  return out;
}

/**
 * Checks that every transaction balances and is in one currency; throws otherwise, since
 * an unbalanced ledger is a bug, not a user error.
 *
 * @throws {LinliError} `LEDGER_UNBALANCED`.
 */
export function assertBalanced(entries: readonly LedgerEntry[]): void {
  const sums = new Map<string, number>();
  const currencies = new Map<string, CurrencyCode>();
  for (const e of entries) {
    sums.set(e.txId, (sums.get(e.txId) ?? 0) + e.amount);
    const c = currencies.get(e.txId);
    if (c !== undefined && c !== e.currency)
      throw new LinliError(
        issueIn(moneyMessages, "CURRENCY_MISMATCH", { expected: c, actual: e.currency }),
      );
    currencies.set(e.txId, e.currency);
  }
  for (const [txId, total] of sums) {
    if (total !== 0)
      throw new LinliError(
        issueIn(splitMessages, "LEDGER_UNBALANCED", { value: txId }, undefined, { txId, total }),
      );
  }
}

/** A party's settlement statement for a period, derived from the ledger alone. */
export const SettlementSchema = /* @__PURE__ */ (() =>
  z.object({
    ruleSetId: IdSchema,
    partyId: IdSchema,
    period: z.string(),
    currency: CurrencyCodeSchema,
    /** Its share of sales, before fees. */
    gross: z.int(),
    /** Fees it was charged less fees it received (negative when it received more). */
    fees: z.int(),
    /** Fees forgiven: positive for a payer, negative for the payee that forwent them. */
    waiversApplied: z.int(),
    /** What refunds took back. */
    refunds: z.int(),
    /** gross − fees + waiversApplied − refunds: what the party is owed for the period (negative: it owes). */
    netPayable: z.int(),
    entries: z.int(),
  }))();
export type Settlement = z.infer<typeof SettlementSchema>;

/**
 * A party's statement for one period under one rule set, read off the ledger. `netPayable`
 * always equals the party account's balance for the period (sign flipped), to the minor unit.
 *
 * @example
 * settle(entries, nightMarketPartner, "stallholder", "2026-11").netPayable; // 14025 (¥140.25)
 */
export function settle(
  entries: readonly LedgerEntry[],
  set: Pick<SplitRuleSet, "id" | "currency">,
  partyId: string,
  period: string,
): Settlement {
  const account = partyAccount(partyId);
  const currency = set.currency;
  let gross = 0;
  let fees = 0;
  let waivers = 0;
  let refunds = 0;
  let balance = 0;
  let count = 0;
  for (const e of entries) {
    if (e.account !== account || e.period !== period || e.ruleSetId !== set.id) continue;
    if (e.currency !== currency)
      throw new LinliError(
        issueIn(moneyMessages, "CURRENCY_MISMATCH", { expected: currency, actual: e.currency }),
      );
    count++;
    balance += e.amount;
    if (e.kind === "sale") gross -= e.amount;
    else if (e.kind === "fee" || e.kind === "period-fee") fees += e.amount;
    else if (e.kind === "waiver") waivers -= e.amount;
    else refunds += e.amount;
  }
  return {
    ruleSetId: set.id,
    partyId,
    period,
    currency,
    gross,
    fees,
    waiversApplied: waivers,
    refunds,
    netPayable: -balance === 0 ? 0 : -balance,
    entries: count,
  };
}

/** The balance of an account (debits positive), optionally for one rule set and one period. */
export function accountBalance(
  entries: readonly LedgerEntry[],
  account: string,
  filter: { readonly ruleSetId?: string; readonly period?: string } = {},
): number {
  let total = 0;
  for (const e of entries) {
    if (e.account !== account) continue;
    if (filter.period !== undefined && e.period !== filter.period) continue;
    if (filter.ruleSetId !== undefined && e.ruleSetId !== filter.ruleSetId) continue;
    total += e.amount;
  }
  return total;
}
