import type { CurrencyCode } from "../money/currency.js";
import type { LedgerEntry } from "./ledger.js";

/**
 * A ledger as columns: what reading a year of entries for metrics wants. Strings are
 * dictionary-encoded once, so a pass over a million entries touches only typed arrays.
 * A server that keeps its ledger this way can compute metrics without re-reading rows.
 */
export interface LedgerColumns {
  readonly length: number;
  /** Index into `slots`: one per (rule set, account) pair. */
  readonly slot: Int32Array;
  /** Settlement period as a month number, `year * 12 + month - 1`. */
  readonly month: Int32Array;
  readonly amount: Float64Array;
  /** Index into `currencies`. */
  readonly currency: Uint8Array;
  readonly slots: ReadonlyArray<{ readonly ruleSetId: string; readonly account: string }>;
  readonly currencies: readonly CurrencyCode[];
}

/** `YYYY-MM` as a month number (`year * 12 + month - 1`), so months compare and subtract as integers. */
export function monthNumber(period: string): number {
  return Number(period.slice(0, 4)) * 12 + Number(period.slice(5, 7)) - 1;
}

/** A month number back to `YYYY-MM`. */
export function monthFromNumber(n: number): string {
  return `${Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, "0")}`;
}

/**
 * Encodes ledger entries as columns.
 *
 * @example
 * const columns = toLedgerColumns(entries);
 * columns.amount[0]; // the first entry's amount
 */
export function toLedgerColumns(entries: readonly LedgerEntry[]): LedgerColumns {
  const n = entries.length;
  const slot = new Int32Array(n);
  const month = new Int32Array(n);
  const amount = new Float64Array(n);
  const currency = new Uint8Array(n);
  const slots: { ruleSetId: string; account: string }[] = [];
  const slotIndex = new Map<string, Map<string, number>>();
  const currencies: CurrencyCode[] = [];
  let lastSet = "";
  let lastAccounts: Map<string, number> = new Map();
  let lastPeriod = "";
  let lastMonth = 0;
  for (let i = 0; i < n; i++) {
    const e = entries[i]!;
    if (e.ruleSetId !== lastSet) {
      lastSet = e.ruleSetId;
      let accounts = slotIndex.get(lastSet);
      if (!accounts) slotIndex.set(lastSet, (accounts = new Map()));
      lastAccounts = accounts;
    }
    let s = lastAccounts.get(e.account);
    if (s === undefined) {
      s = slots.push({ ruleSetId: e.ruleSetId, account: e.account }) - 1;
      lastAccounts.set(e.account, s);
    }
    slot[i] = s;
    if (e.period !== lastPeriod) {
      lastPeriod = e.period;
      lastMonth = monthNumber(lastPeriod);
    }
    month[i] = lastMonth;
    amount[i] = e.amount;
    let c = currencies.indexOf(e.currency);
    if (c < 0) c = currencies.push(e.currency) - 1;
    currency[i] = c;
  }
  return { length: n, slot, month, amount, currency, slots, currencies };
}

/** Whether a ledger is already in columns. */
export function isLedgerColumns(
  ledger: readonly LedgerEntry[] | LedgerColumns,
): ledger is LedgerColumns {
  return !Array.isArray(ledger);
}
