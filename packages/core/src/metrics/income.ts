import {
  isLedgerColumns,
  monthNumber,
  toLedgerColumns,
  type LedgerColumns,
} from "../split/columns.js";
import type { SplitRuleSet } from "../split/rules.js";
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
  const partnerIndex = new Map<string, number>();
  for (let i = 0; i < data.partners.length; i++) partnerIndex.set(data.partners[i]!.id, i);
  return incomeIndexWith(data, months, partnerIndex);
}

/**
 * {@link buildIncomeIndex} with the partners' positions already known: a snapshot builds
 * that map once for every fact it needs. Not part of the package's entry points.
 */
export function incomeIndexWith(
  data: MetricsData,
  months: readonly Month[],
  partnerIndex: ReadonlyMap<string, number>,
): IncomeIndex {
  const partnerIds = data.partners.map((p) => p.id);
  const M = months.length;
  const firstMonth = M === 0 ? 0 : monthNumber(months[0]!);
  const income = new Float64Array(partnerIds.length * M);
  const hasSource = new Uint8Array(partnerIds.length);
  const sets = indexRuleSets(data.ruleSets, partnerIndex, hasSource);
  const cols = isLedgerColumns(data.ledger) ? data.ledger : toLedgerColumns(data.ledger);
  const slotPerson = resolveSlots(cols.slots, data.ruleSets, sets);
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

/**
 * Rule sets by id, each party's person looked up once: rule set `k`'s parties are
 * `partyPerson[partyStart[k]]` onwards, -1 for a partner not in the data and -2 for a
 * party that names none.
 */
interface RuleSetIndex {
  /** Position in the data's rule sets (the last, if an id repeats). */
  readonly position: ReadonlyMap<string, number>;
  readonly partyStart: Int32Array;
  readonly partyPerson: Int32Array;
}

const NO_PARTNER = -2;

/** Indexes the rule sets, marking in `hasSource` everyone a party names. */
function indexRuleSets(
  ruleSets: readonly SplitRuleSet[],
  partnerIndex: ReadonlyMap<string, number>,
  hasSource: Uint8Array,
): RuleSetIndex {
  const position = new Map<string, number>();
  const partyStart = new Int32Array(ruleSets.length + 1);
  const partyPerson: number[] = [];
  for (let k = 0; k < ruleSets.length; k++) {
    const set = ruleSets[k]!;
    position.set(set.id, k);
    const parties = set.parties;
    for (let j = 0; j < parties.length; j++) {
      const partnerId = parties[j]!.partnerId;
      const person = partnerId === undefined ? NO_PARTNER : (partnerIndex.get(partnerId) ?? -1);
      if (person >= 0) hasSource[person] = 1;
      partyPerson.push(person);
    }
    partyStart[k + 1] = partyPerson.length;
  }
  return { position, partyStart, partyPerson: Int32Array.from(partyPerson) };
}

/**
 * Each (rule set, account) slot to the person it pays, or -1: once per slot, so entries
 * need no strings. Only `party:` accounts pay a person, so other slots skip the lookup, and
 * a rule set's slots usually sit together, so the last rule set found is tried first.
 */
function resolveSlots(
  slots: LedgerColumns["slots"],
  ruleSets: readonly SplitRuleSet[],
  sets: RuleSetIndex,
): Int32Array {
  const slotPerson = new Int32Array(slots.length).fill(-1);
  const { partyStart, partyPerson } = sets;
  let lastId: string | undefined;
  let last: number | undefined;
  for (let k = 0; k < slots.length; k++) {
    const { ruleSetId, account } = slots[k]!;
    if (!account.startsWith("party:")) continue;
    if (ruleSetId !== lastId) {
      lastId = ruleSetId;
      last = sets.position.get(ruleSetId);
    }
    if (last === undefined) continue;
    const parties = ruleSets[last]!.parties;
    const first = partyStart[last]!;
    // The last party whose account this is decides, as a later one would overwrite it.
    for (let j = 0; j < parties.length; j++) {
      const person = partyPerson[first + j]!;
      if (person === NO_PARTNER) continue;
      const id = parties[j]!.id;
      if (account.length !== 6 + id.length || !account.endsWith(id)) continue;
      slotPerson[k] = person;
    }
  }
  return slotPerson;
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
