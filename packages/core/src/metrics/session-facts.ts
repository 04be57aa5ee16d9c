import { monthOf, peopleFacts, type FactsSource } from "./facts.js";

/**
 * Sessions as typed arrays. Who came is stored flat (session `s`'s attendees are
 * `people[peopleStart[s]]` up to `peopleStart[s + 1]`), so the thirteen periods of a
 * snapshot walk numbers rather than 20 000 small arrays.
 */
export interface SessionFacts {
  readonly n: number;
  readonly month: Int32Array;
  readonly attendees: Float64Array;
  /** Registered attendees who are among the partners, as person indices. */
  readonly peopleStart: Int32Array;
  readonly people: Int32Array;
  /** Registered ids not among the partners, laid out the same way (usually none). */
  readonly unknownStart: Int32Array;
  readonly unknown: readonly string[];
  /** Index into `categories`: the session's group category, or "unknown". */
  readonly category: Int32Array;
  readonly categories: readonly string[];
}

export function sessionFacts(ctx: FactsSource): SessionFacts {
  return ctx.memo("sessions", () =>
    buildSessionFacts(ctx.data.sessions, ctx.data.groups, peopleFacts(ctx).index),
  );
}

function buildSessionFacts(
  ss: FactsSource["data"]["sessions"],
  groups: FactsSource["data"]["groups"],
  index: ReadonlyMap<string, number>,
): SessionFacts {
  const n = ss.length;
  // Categories are few: each group maps to a small number, not a string per session.
  const categories: string[] = [];
  const categoryOfGroup = new Map<string, number>();
  for (const g of groups) {
    let c = categories.indexOf(g.category);
    if (c < 0) c = categories.push(g.category) - 1;
    categoryOfGroup.set(g.id, c);
  }
  // Sessions of groups not in the data count as "unknown" (an unused category costs nothing).
  let unknownGroup = categories.indexOf("unknown");
  if (unknownGroup < 0) unknownGroup = categories.push("unknown") - 1;
  const f = {
    n,
    month: new Int32Array(n),
    attendees: new Float64Array(n),
    category: new Int32Array(n),
    peopleStart: new Int32Array(n + 1),
    people: new Int32Array(countIds(ss)),
    unknownStart: new Int32Array(n + 1),
    unknown: [] as string[],
    categories,
  };
  const known = readSessions(
    ss,
    categoryOfGroup,
    unknownGroup,
    index,
    f.month,
    f.attendees,
    f.category,
    f.peopleStart,
    f.people,
    f.unknownStart,
    f.unknown,
  );
  return { ...f, people: f.people.subarray(0, known) };
}

function countIds(ss: FactsSource["data"]["sessions"]): number {
  let count = 0;
  for (let s = 0; s < ss.length; s++) count += ss[s]!.participantIds?.length ?? 0;
  return count;
}

// Fills the facts' arrays and returns how many attendees are known partners. Like every
// loop over a snapshot's records, it only fills the arrays it is given (see `readPartners`
// in facts.ts).
function readSessions(
  ss: FactsSource["data"]["sessions"],
  categoryOfGroup: ReadonlyMap<string, number>,
  unknownGroup: number,
  index: ReadonlyMap<string, number>,
  month: Int32Array,
  attendees: Float64Array,
  category: Int32Array,
  peopleStart: Int32Array,
  people: Int32Array,
  unknownStart: Int32Array,
  unknown: string[],
): number {
  let count = 0;
  for (let s = 0; s < ss.length; s++) {
    const session = ss[s]!;
    month[s] = monthOf(session.date);
    attendees[s] = session.attendees;
    category[s] = categoryOfGroup.get(session.groupId) ?? unknownGroup;
    const ids = session.participantIds;
    if (ids !== undefined) {
      for (let j = 0; j < ids.length; j++) {
        const person = index.get(ids[j]!);
        if (person === undefined) unknown.push(ids[j]!);
        else people[count++] = person;
      }
    }
    peopleStart[s + 1] = count;
    unknownStart[s + 1] = unknown.length;
  }
  return count;
}

// Each query hands its loop typed arrays, never the facts object: see `markEnrolled` in
// facts.ts.

/**
 * Marks the registered attendees of sessions in months `a..b`, collects ids that are not
 * partners into `unknown`, and returns how many sessions there were.
 */
export function markAttendees(
  f: SessionFacts,
  a: number,
  b: number,
  seen: Uint8Array,
  unknown: Set<string>,
): number {
  return markAttendeesIn(
    f.month,
    f.peopleStart,
    f.people,
    f.unknownStart,
    f.unknown,
    a,
    b,
    seen,
    unknown,
  );
}

function markAttendeesIn(
  month: Int32Array,
  peopleStart: Int32Array,
  people: Int32Array,
  unknownStart: Int32Array,
  unknownIds: readonly string[],
  a: number,
  b: number,
  seen: Uint8Array,
  unknown: Set<string>,
): number {
  let held = 0;
  for (let s = 0; s < month.length; s++) {
    if (month[s]! < a || month[s]! > b) continue;
    held++;
    for (let j = peopleStart[s]!; j < peopleStart[s + 1]!; j++) seen[people[j]!] = 1;
    for (let j = unknownStart[s]!; j < unknownStart[s + 1]!; j++) unknown.add(unknownIds[j]!);
  }
  return held;
}

/**
 * Sessions in months `a..b`, adding each to `counts` by category and noting in `order` the
 * order categories were first met in.
 */
export function countByCategory(
  f: SessionFacts,
  a: number,
  b: number,
  counts: Int32Array,
  order: number[],
): number {
  return countByCategoryIn(f.month, f.category, a, b, counts, order);
}

function countByCategoryIn(
  month: Int32Array,
  category: Int32Array,
  a: number,
  b: number,
  counts: Int32Array,
  order: number[],
): number {
  let total = 0;
  for (let i = 0; i < month.length; i++) {
    if (month[i]! < a || month[i]! > b) continue;
    total++;
    const c = category[i]!;
    if (counts[c]!++ === 0) order.push(c);
  }
  return total;
}

/** Attendance over sessions in months `a..b`, in record order: `out` gets the visits, then the sessions. */
export function attendanceIn(f: SessionFacts, a: number, b: number, out: Float64Array): void {
  sumAttendance(f.month, f.attendees, a, b, out);
}

function sumAttendance(
  month: Int32Array,
  attendees: Float64Array,
  a: number,
  b: number,
  out: Float64Array,
): void {
  for (let i = 0; i < month.length; i++) {
    if (month[i]! < a || month[i]! > b) continue;
    out[0]! += attendees[i]!;
    out[1]!++;
  }
}
