import type { PartnerRole } from "../partners/partner.js";
import { COHORTS } from "../partners/partner.js";
import { monthNumber } from "../split/columns.js";
import type { MetricContext } from "./figures.js";
import { indexIds } from "./id-index.js";

// Records turned into typed arrays once per snapshot (memoised on the context), so that
// thirteen periods times a dozen metrics over 10 000 people stay cheap.

export const NEVER = 2 ** 31 - 1;

// People the programme serves. Staff and mentors support them and are not counted.
const PARTICIPANT_ROLES: readonly PartnerRole[] = [
  "organiser",
  "co-founder",
  "helper",
  "volunteer",
];
// Module-level copies, read in per-person loops without going through an import binding.
const COHORT_LIST: readonly string[] = COHORTS;
export const COHORT_COUNT = COHORTS.length;

/** What facts are built from: the records and the snapshot's memo. */
export type FactsSource = Pick<MetricContext, "data" | "memo">;

/**
 * {@link monthNumber} of a `YYYY-MM…` string without the two substrings it allocates:
 * a snapshot reads tens of thousands of dates. Anything else goes to `monthNumber` itself.
 */
export function monthOf(date: string): number {
  const y = digits(date, 0, 4);
  const m = digits(date, 5, 2);
  return y < 0 || m < 0 ? monthNumber(date) : y * 12 + m - 1;
}

function digits(s: string, from: number, count: number): number {
  let n = 0;
  for (let i = from; i < from + count; i++) {
    const d = s.charCodeAt(i) - 48;
    if (!(d >= 0 && d <= 9)) return -1; // also NaN past the end
    n = n * 10 + d;
  }
  return n;
}

export interface PeopleFacts {
  readonly n: number;
  readonly participant: Uint8Array;
  /** Month numbers of joining and leaving (`NEVER` when still in). */
  readonly joined: Int32Array;
  readonly left: Int32Array;
  /** Monthly baseline in minor units; NaN when none in the data's currency. */
  readonly baseline: Float64Array;
  /** Bit `k` set when the person is in cohort `COHORTS[k]`. */
  readonly cohorts: Uint8Array;
  /** Partner ids in order, and each id's position (the last, if an id repeats). The ledger's income index shares both. */
  readonly ids: readonly string[];
  readonly index: ReadonlyMap<string, number>;
}

export function peopleFacts(ctx: FactsSource): PeopleFacts {
  return ctx.memo("people", () => buildPeopleFacts(ctx.data.partners, ctx.data.currency));
}

function buildPeopleFacts(
  ps: FactsSource["data"]["partners"],
  currency: FactsSource["data"]["currency"],
): PeopleFacts {
  const n = ps.length;
  const participant = new Uint8Array(n);
  const joined = new Int32Array(n);
  const left = new Int32Array(n);
  const baseline = new Float64Array(n);
  const cohorts = new Uint8Array(n);
  // Filled with strings up front, so the loop below always gets an array of one kind (V8
  // would otherwise change its representation on the first store, then compile for that).
  const ids = new Array<string>(n).fill("");
  readPartners(ps, currency, participant, joined, left, baseline, cohorts, ids);
  return { n, participant, joined, left, baseline, cohorts, ids, index: indexIds(ids) };
}

// One plain loop: each partner record is touched once, in order. Like every loop over a
// snapshot's records, it is a function that only fills the arrays it is given, with
// nothing to do before or after the loop. V8 gathers type feedback for a function run once
// per snapshot only once its loop is running and compiles it then; code before or after
// the loop is compiled blind, and bailing out there on the next snapshot sent the rest of
// that snapshot's loop back to the interpreter.
function readPartners(
  ps: FactsSource["data"]["partners"],
  currency: FactsSource["data"]["currency"],
  participant: Uint8Array,
  joined: Int32Array,
  left: Int32Array,
  baseline: Float64Array,
  cohorts: Uint8Array,
  ids: string[],
): void {
  for (let i = 0; i < ps.length; i++) {
    const p = ps[i]!;
    ids[i] = p.id;
    participant[i] = takesPart(p.roles) ? 1 : 0;
    joined[i] = monthOf(p.joinedOn);
    left[i] = p.leftOn === undefined ? NEVER : monthOf(p.leftOn);
    const b = p.incomeBaseline;
    baseline[i] = b !== undefined && b.monthly.currency === currency ? b.monthly.amount : NaN;
    cohorts[i] = cohortMask(p.cohorts);
  }
}

function takesPart(roles: readonly PartnerRole[]): boolean {
  for (let j = 0; j < roles.length; j++) if (PARTICIPANT_ROLES.includes(roles[j]!)) return true;
  return false;
}

function cohortMask(cohorts: readonly string[]): number {
  let mask = 0;
  for (let j = 0; j < cohorts.length; j++) {
    const k = COHORT_LIST.indexOf(cohorts[j]!);
    if (k >= 0) mask |= 1 << k;
  }
  return mask;
}

// The queries below hand their loops typed arrays, never the facts object: each snapshot
// builds a new one, and compiled code that had learnt its shape was thrown away with it.

/** Marks participants enrolled at some point of months `a..b`. */
export function markEnrolled(people: PeopleFacts, a: number, b: number, seen: Uint8Array): void {
  markEnrolledIn(people.participant, people.joined, people.left, a, b, seen);
}

function markEnrolledIn(
  participant: Uint8Array,
  joined: Int32Array,
  left: Int32Array,
  a: number,
  b: number,
  seen: Uint8Array,
): void {
  for (let i = 0; i < participant.length; i++) {
    if (participant[i] === 1 && joined[i]! <= b && left[i]! >= a) seen[i] = 1;
  }
}

/**
 * Counts the people marked in `seen` into `counts`: one slot per cohort, then those with no
 * cohort, then everyone marked.
 */
export function tallyCohorts(people: PeopleFacts, seen: Uint8Array, counts: Int32Array): void {
  tallyCohortsIn(people.cohorts, seen, counts);
}

function tallyCohortsIn(cohorts: Uint8Array, seen: Uint8Array, counts: Int32Array): void {
  for (let i = 0; i < cohorts.length; i++) {
    if (seen[i] !== 1) continue;
    counts[COHORT_COUNT + 1]!++;
    const mask = cohorts[i]!;
    if (mask === 0) counts[COHORT_COUNT]!++;
    for (let k = 0; k < COHORT_COUNT; k++) if (mask & (1 << k)) counts[k]!++;
  }
}

/** The context's range as month numbers, both ends included. */
export function rangeNumbers(ctx: MetricContext): readonly [number, number] {
  return [monthNumber(ctx.range.from), monthNumber(ctx.range.to)];
}
