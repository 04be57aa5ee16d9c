import {
  isLedgerColumns,
  monthNumber,
  toLedgerColumns,
  type LedgerColumns,
} from "../split/columns.js";
import type { MetricsData } from "./data.js";
import type { Month } from "./schemas.js";

/**
 * Net settled income per person and month, read off the ledger in one pass. A person's
 * income is what the ledger owes the split parties that name them (`partnerId`): sales
 * shares, less fees and refunds, plus waivers, in the data's currency.
 */
export interface IncomeIndex {
  readonly months: readonly Month[];
  /** Month number of `months[0]` (`year * 12 + month - 1`). */
  readonly firstMonth: number;
  readonly partnerIds: readonly string[];
  /** `income[person * months.length + month]`, minor units. */
  readonly income: Float64Array;
  /** 1 when some split party names this person, so their income is recorded at all. */
  readonly hasSource: Uint8Array;
  readonly entriesRead: number;
  readonly entriesOtherCurrency: number;
}

/**
 * Builds the index over the given months. Entries given as objects are first encoded as
 * columns; a ledger kept as columns is read without touching a string.
 */
export function buildIncomeIndex(data: MetricsData, months: readonly Month[]): IncomeIndex {
  const partnerIds = data.partners.map((p) => p.id);
  const partnerIndex = new Map(partnerIds.map((id, i) => [id, i]));
  const M = months.length;
  const firstMonth = M === 0 ? 0 : monthNumber(months[0]!);
  const income = new Float64Array(partnerIds.length * M);
  const hasSource = new Uint8Array(partnerIds.length);
  const setsById = new Map(data.ruleSets.map((set) => [set.id, set]));
  for (const set of data.ruleSets) {
    for (const party of set.parties) {
      const person = party.partnerId === undefined ? undefined : partnerIndex.get(party.partnerId);
      if (person !== undefined) hasSource[person] = 1;
    }
  }
  const cols = isLedgerColumns(data.ledger) ? data.ledger : toLedgerColumns(data.ledger);
  // Each (rule set, account) slot resolves to a person once; entries then need no strings.
  const slotPerson = new Int32Array(cols.slots.length).fill(-1);
  for (let k = 0; k < cols.slots.length; k++) {
    const { ruleSetId, account } = cols.slots[k]!;
    const set = setsById.get(ruleSetId);
    if (!set || !account.startsWith("party:")) continue;
    const parties = set.parties;
    for (let j = 0; j < parties.length; j++) {
      const party = parties[j]!;
      if (
        party.partnerId === undefined ||
        account.length !== 6 + party.id.length ||
        !account.endsWith(party.id)
      )
        continue;
      slotPerson[k] = partnerIndex.get(party.partnerId) ?? -1;
    }
  }
  const counts = sumIncome(
    cols,
    slotPerson,
    cols.currencies.indexOf(data.currency),
    firstMonth,
    M,
    income,
  );
  return {
    months,
    firstMonth,
    partnerIds,
    income,
    hasSource,
    entriesRead: counts[0],
    entriesOtherCurrency: counts[1],
  };
}

// The loop over every entry, on its own so the engine optimises it fully.
function sumIncome(
  cols: LedgerColumns,
  slotPerson: Int32Array,
  wanted: number,
  firstMonth: number,
  M: number,
  income: Float64Array,
): [read: number, otherCurrency: number] {
  const { slot, month, amount, currency, length } = cols;
  let read = 0;
  let otherCurrency = 0;
  for (let i = 0; i < length; i++) {
    const person = slotPerson[slot[i]!]!;
    if (person < 0) continue;
    const m = month[i]! - firstMonth;
    if (m < 0 || m >= M) continue;
    if (currency[i] !== wanted) {
      otherCurrency++;
      continue;
    }
    read++;
    // A party's account is credited (negative) with what it is owed.
    income[person * M + m]! -= amount[i]!;
  }
  return [read, otherCurrency];
}
