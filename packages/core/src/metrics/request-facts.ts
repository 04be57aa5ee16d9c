import { monthOf, NEVER, type FactsSource } from "./facts.js";

// Requests as typed arrays, and the counts the request metrics take over a range of months.
// Each count is a small function of its own, optimised once for every period of a snapshot.

export interface RequestFacts {
  readonly received: Int32Array;
  /** Month resolved with outcome "resolved" (or none given); `NEVER` otherwise. */
  readonly resolved: Int32Array;
  /** 0 resident, 1 firm, 2 group. */
  readonly kind: Uint8Array;
  readonly technical: Uint8Array;
}

export function requestFacts(ctx: FactsSource): RequestFacts {
  return ctx.memo("requests", () => {
    const n = ctx.data.requests.length;
    const f = {
      received: new Int32Array(n),
      resolved: new Int32Array(n),
      kind: new Uint8Array(n),
      technical: new Uint8Array(n),
    };
    readRequests(ctx.data.requests, f.received, f.resolved, f.kind, f.technical);
    return f;
  });
}

const KINDS = ["resident", "firm", "group"];

// Loops get typed arrays, never a facts object: see `markEnrolled` in facts.ts.
function readRequests(
  rs: FactsSource["data"]["requests"],
  received: Int32Array,
  resolved: Int32Array,
  kind: Uint8Array,
  technical: Uint8Array,
): void {
  for (let i = 0; i < rs.length; i++) {
    const r = rs[i]!;
    received[i] = monthOf(r.receivedOn);
    resolved[i] =
      r.resolvedOn !== undefined && (r.outcome === undefined || r.outcome === "resolved")
        ? monthOf(r.resolvedOn)
        : NEVER;
    kind[i] = KINDS.indexOf(r.raisedBy.kind);
    technical[i] = r.category === "technical" ? 1 : 0;
  }
}

// The counts fill an array they are given rather than return an object, so that the
// code V8 compiles for each loop has nothing after the loop left to learn.

/** Requests received in months `a..b`: `counts` gets the total, then residents', firms' and groups'. */
export function countReceived(f: RequestFacts, a: number, b: number, counts: Int32Array): void {
  countReceivedIn(f.received, f.kind, a, b, counts);
}

function countReceivedIn(
  received: Int32Array,
  kind: Uint8Array,
  a: number,
  b: number,
  counts: Int32Array,
): void {
  for (let i = 0; i < received.length; i++) {
    if (received[i]! < a || received[i]! > b) continue;
    counts[0]!++;
    counts[1 + kind[i]!]!++;
  }
}

/** Requests resolved in months `a..b`: `counts` gets the total, then how many were technical. */
export function countResolved(f: RequestFacts, a: number, b: number, counts: Int32Array): void {
  countResolvedIn(f.resolved, f.technical, a, b, counts);
}

function countResolvedIn(
  resolved: Int32Array,
  technical: Uint8Array,
  a: number,
  b: number,
  counts: Int32Array,
): void {
  for (let i = 0; i < resolved.length; i++) {
    if (resolved[i]! < a || resolved[i]! > b) continue;
    counts[0]!++;
    counts[1]! += technical[i]!;
  }
}

/**
 * Requests received in months `a..b`: `counts` gets how many, then how many of those were
 * resolved by the end of `b`.
 */
export function countResolvedByEnd(
  f: RequestFacts,
  a: number,
  b: number,
  counts: Int32Array,
): void {
  countResolvedByEndIn(f.received, f.resolved, a, b, counts);
}

function countResolvedByEndIn(
  received: Int32Array,
  resolved: Int32Array,
  a: number,
  b: number,
  counts: Int32Array,
): void {
  for (let i = 0; i < received.length; i++) {
    if (received[i]! < a || received[i]! > b) continue;
    counts[0]!++;
    // Resolved by the end of the period: month granularity is exact, as periods are whole months.
    if (resolved[i]! <= b) counts[1]!++;
  }
}
