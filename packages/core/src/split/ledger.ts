import * as z from "zod/mini";
import { IdSchema } from "../common/ids.js";
import { issue, LinliError } from "../common/issue.js";
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
export const LedgerEntrySchema = z.object({
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
});
export type LedgerEntry = z.infer<typeof LedgerEntrySchema>;

/**
 * Ledger lines for a split sale: the cash in, each party's share, and per-sale fees (a
 * waived fee is posted with its waiver, so statements can show waivers applied).
 */
export function saleEntries(a: Allocation): LedgerEntry[] {
  const base = {
    currency: a.amount.currency,
    at: a.at,
    period: a.period,
    ruleSetId: a.ruleSetId,
    saleId: a.saleId,
  };
  const txId = `sale:${a.saleId}`;
  const out: LedgerEntry[] = [
    { ...base, txId, kind: "sale", account: CASH_ACCOUNT, amount: a.amount.amount },
  ];
  for (const l of a.lines) {
    if (l.beforeFees.amount !== 0)
      out.push({
        ...base,
        txId,
        kind: "sale",
        account: partyAccount(l.partyId),
        amount: -l.beforeFees.amount,
      });
  }
  for (const f of a.fees) {
    const amount = f.charged + f.waived;
    if (amount === 0) continue;
    out.push({
      ...base,
      txId,
      kind: "fee",
      feeId: f.feeId,
      account: partyAccount(f.payerId),
      amount,
    });
    out.push({
      ...base,
      txId,
      kind: "fee",
      feeId: f.feeId,
      account: partyAccount(f.payeeId),
      amount: -amount,
    });
    if (f.waived > 0) {
      out.push({
        ...base,
        txId,
        kind: "waiver",
        feeId: f.feeId,
        account: partyAccount(f.payerId),
        amount: -f.waived,
      });
      out.push({
        ...base,
        txId,
        kind: "waiver",
        feeId: f.feeId,
        account: partyAccount(f.payeeId),
        amount: f.waived,
      });
    }
  }
  return out;
}

/** Ledger lines for a refund: cash out, and each party's share taken back, in the refund's period. */
export function refundEntries(r: RefundSplit, set: SplitRuleSet): LedgerEntry[] {
  const at = Date.parse(r.at);
  const base = {
    currency: r.amount.currency,
    at: r.at,
    period: periodOf(at, set.timeZone),
    ruleSetId: r.ruleSetId,
    saleId: r.saleId,
  };
  const txId = `refund:${r.refundId}`;
  const out: LedgerEntry[] = [
    { ...base, txId, kind: "refund", account: CASH_ACCOUNT, amount: -r.amount.amount },
  ];
  for (const l of r.lines)
    if (l.amount.amount !== 0)
      out.push({
        ...base,
        txId,
        kind: "refund",
        account: partyAccount(l.partyId),
        amount: l.amount.amount,
      });
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
    const base = {
      currency: set.currency,
      at,
      period,
      ruleSetId: set.id,
      feeId: f.id,
      txId: `period-fee:${set.id}:${f.id}:${period}`,
    };
    out.push({ ...base, kind: "period-fee", account: partyAccount(f.payerId), amount: f.amount });
    out.push({ ...base, kind: "period-fee", account: partyAccount(f.payeeId), amount: -f.amount });
    if (f.waiver && Date.parse(f.waiver.until) > start) {
      out.push({ ...base, kind: "waiver", account: partyAccount(f.payerId), amount: -f.amount });
      out.push({ ...base, kind: "waiver", account: partyAccount(f.payeeId), amount: f.amount });
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
      throw new LinliError(issue("CURRENCY_MISMATCH", { expected: c, actual: e.currency }));
    currencies.set(e.txId, e.currency);
  }
  for (const [txId, total] of sums) {
    if (total !== 0)
      throw new LinliError(issue("LEDGER_UNBALANCED", { value: txId }, undefined, { txId, total }));
  }
}

/** A party's settlement statement for a period, derived from the ledger alone. */
export const SettlementSchema = z.object({
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
});
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
      throw new LinliError(issue("CURRENCY_MISMATCH", { expected: currency, actual: e.currency }));
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
