import {
  isLedgerColumns,
  monthNumber,
  toLedgerColumns,
  type LedgerColumns,
} from "../split/columns.js";
import type { SplitRuleSet } from "../split/rules.js";
import type { MetricsData } from "./data.js";
import { compactCopies, indexIds } from "./id-index.js";
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
  const ids = data.partners.map((p) => p.id);
  return incomeIndexWith(data, months, { ids, index: indexIds(ids) });
}

/** The partners' ids in order, and each id's position. */
export interface PartnerIds {
  readonly ids: readonly string[];
  readonly index: ReadonlyMap<string, number>;
}

/**
 * {@link buildIncomeIndex} with the partners' ids already indexed: a snapshot does that
 * once for every fact it needs. Not part of the package's entry points.
 */
export function incomeIndexWith(
  data: MetricsData,
  months: readonly Month[],
  partners: PartnerIds,
): IncomeIndex {
  const partnerIds = partners.ids;
  const partnerIndex = partners.index;
  const M = months.length;
  const firstMonth = M === 0 ? 0 : monthNumber(months[0]!);
  const hasSource = new Uint8Array(partnerIds.length);
  const sets = indexRuleSets(data.ruleSets, partnerIndex, hasSource);
  const cols = isLedgerColumns(data.ledger) ? data.ledger : toLedgerColumns(data.ledger);
  const slotPerson = new Int32Array(cols.slots.length).fill(-1);
  resolveSlots(
    cols.slots,
    sets.position,
    sets.partyStart,
    sets.partyId,
    sets.partyPerson,
    slotPerson,
  );
  const P = partnerIds.length;
  // Summed month by month, then turned round: a ledger is posted in time order, so each
  // month's entries land in one 80 KB row (for 10 000 people) that stays in cache, where
  // the person-major layout spreads them over the whole table.
  const byMonth = new Float64Array(P * M);
  const counts = new Int32Array(2);
  const wanted = cols.currencies.indexOf(data.currency);
  const { slot, month, amount, currency, length } = cols;
  counts[0] = sumIncome(
    slot,
    month,
    amount,
    currency,
    length,
    slotPerson,
    wanted,
    firstMonth,
    M,
    P,
    byMonth,
    counts,
  );
  const income = new Float64Array(P * M);
  transpose(byMonth, M, P, income);
  return {
    months,
    firstMonth,
    partnerIds,
    income,
    hasSource,
    entriesRead: counts[0]!,
    entriesOtherCurrency: counts[1]!,
  };
}

/**
 * Rule sets by id, with the parties that name a partner laid out flat: rule set `k`'s are
 * `partyId[partyStart[k]]` up to `partyStart[k + 1]`, with the person each names (-1 for a
 * partner not in the data). Matching slots then reads these arrays, not 10 000 rule set
 * objects spread over the heap.
 */
interface RuleSetIndex {
  /** Position in the data's rule sets (the last, if an id repeats). */
  readonly position: ReadonlyMap<string, number>;
  readonly partyStart: Int32Array;
  readonly partyId: readonly string[];
  readonly partyPerson: Int32Array;
}

/** Indexes the rule sets, marking in `hasSource` everyone a party names. */
function indexRuleSets(
  ruleSets: readonly SplitRuleSet[],
  partnerIndex: ReadonlyMap<string, number>,
  hasSource: Uint8Array,
): RuleSetIndex {
  // Arrays sized and filled with strings up front, so the loop below always gets arrays of
  // one kind (V8 would otherwise change their representation on the first store).
  const setIds = new Array<string>(ruleSets.length).fill("");
  const partyStart = new Int32Array(ruleSets.length + 1);
  const partyId = new Array<string>(countParties(ruleSets)).fill("");
  const partyPerson = new Int32Array(partyId.length);
  const count = readRuleSets(
    ruleSets,
    partnerIndex,
    hasSource,
    setIds,
    partyStart,
    partyId,
    partyPerson,
  );
  partyId.length = count;
  return {
    position: indexIds(setIds),
    partyStart,
    partyId: compactCopies(partyId),
    partyPerson: partyPerson.subarray(0, count),
  };
}

// The loop over the rule sets only fills the arrays it is given (see `readPartners` in
// facts.ts).
function readRuleSets(
  ruleSets: readonly SplitRuleSet[],
  partnerIndex: ReadonlyMap<string, number>,
  hasSource: Uint8Array,
  setIds: string[],
  partyStart: Int32Array,
  partyId: string[],
  partyPerson: Int32Array,
): number {
  let count = 0;
  for (let k = 0; k < ruleSets.length; k++) {
    const set = ruleSets[k]!;
    setIds[k] = set.id;
    const parties = set.parties;
    for (let j = 0; j < parties.length; j++) {
      const party = parties[j]!;
      if (party.partnerId === undefined) continue;
      const person = partnerIndex.get(party.partnerId) ?? -1;
      if (person >= 0) hasSource[person] = 1;
      partyId[count] = party.id;
      partyPerson[count++] = person;
    }
    partyStart[k + 1] = count;
  }
  return count;
}

function countParties(ruleSets: readonly SplitRuleSet[]): number {
  let count = 0;
  for (let k = 0; k < ruleSets.length; k++) count += ruleSets[k]!.parties.length;
  return count;
}

/**
 * Each (rule set, account) slot to the person it pays, or -1: once per slot, so entries
 * need no strings. Only `party:` accounts pay a person, so other slots skip the lookup, and
 * a rule set's slots usually sit together, so the last rule set found is tried first.
 */
function resolveSlots(
  slots: LedgerColumns["slots"],
  position: ReadonlyMap<string, number>,
  partyStart: Int32Array,
  partyId: readonly string[],
  partyPerson: Int32Array,
  slotPerson: Int32Array,
): void {
  let lastId: string | undefined;
  let last: number | undefined;
  for (let k = 0; k < slots.length; k++) {
    const { ruleSetId, account } = slots[k]!;
    if (!account.startsWith("party:")) continue;
    if (ruleSetId !== lastId) {
      lastId = ruleSetId;
      last = position.get(ruleSetId);
    }
    if (last === undefined) continue;
    // The last party whose account this is decides, as a later one would overwrite it.
    for (let j = partyStart[last]!; j < partyStart[last + 1]!; j++) {
      const id = partyId[j]!;
      if (account.length === 6 + id.length && account.endsWith(id)) slotPerson[k] = partyPerson[j]!;
    }
  }
}

// The loop over every entry, on its own so the engine optimises it fully: it adds each to
// `byMonth[month * P + person]`, counts those in another currency into `counts[1]` and
// returns how many it read (a local count: an array slot bumped per entry costs a store).
function sumIncome(
  slot: Int32Array,
  month: Int32Array,
  amount: Float64Array,
  currency: Uint8Array,
  length: number,
  slotPerson: Int32Array,
  wanted: number,
  firstMonth: number,
  M: number,
  P: number,
  byMonth: Float64Array,
  counts: Int32Array,
): number {
  let read = 0;
  for (let i = 0; i < length; i++) {
    const person = slotPerson[slot[i]!]!;
    if (person < 0) continue;
    const m = month[i]! - firstMonth;
    if (m < 0 || m >= M) continue;
    if (currency[i] !== wanted) {
      counts[1]!++;
      continue;
    }
    read++;
    // A party's account is credited (negative) with what it is owed.
    byMonth[m * P + person]! -= amount[i]!;
  }
  return read;
}

// `rows` × `columns` to `columns` × `rows`, a block of columns at a time so that both sides
// stay in cache.
function transpose(from: Float64Array, rows: number, columns: number, to: Float64Array): void {
  for (let c0 = 0; c0 < columns; c0 += 256) {
    const c1 = Math.min(columns, c0 + 256);
    for (let r = 0; r < rows; r++) {
      for (let c = c0; c < c1; c++) to[c * rows + r] = from[r * columns + c]!;
    }
  }
}
