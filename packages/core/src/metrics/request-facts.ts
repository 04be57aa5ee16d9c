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
    readRequests(ctx.data.requests, f);
    return f;
  });
}

const KINDS = ["resident", "firm", "group"];

function readRequests(rs: FactsSource["data"]["requests"], f: RequestFacts): void {
  for (let i = 0; i < rs.length; i++) {
    const r = rs[i]!;
    f.received[i] = monthOf(r.receivedOn);
    f.resolved[i] =
      r.resolvedOn !== undefined && (r.outcome === undefined || r.outcome === "resolved")
        ? monthOf(r.resolvedOn)
        : NEVER;
    f.kind[i] = KINDS.indexOf(r.raisedBy.kind);
    f.technical[i] = r.category === "technical" ? 1 : 0;
  }
}

// The counts fill an array they are given rather than return an object, so that the
// code V8 compiles for each loop has nothing after the loop left to learn.

/** Requests received in months `a..b`: `counts` gets the total, then residents', firms' and groups'. */
export function countReceived(f: RequestFacts, a: number, b: number, counts: Int32Array): void {
  for (let i = 0; i < f.received.length; i++) {
    if (f.received[i]! < a || f.received[i]! > b) continue;
    counts[0]!++;
    counts[1 + f.kind[i]!]!++;
  }
}

/** Requests resolved in months `a..b`: `counts` gets the total, then how many were technical. */
export function countResolved(f: RequestFacts, a: number, b: number, counts: Int32Array): void {
  for (let i = 0; i < f.resolved.length; i++) {
    if (f.resolved[i]! < a || f.resolved[i]! > b) continue;
    counts[0]!++;
    counts[1]! += f.technical[i]!;
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
  for (let i = 0; i < f.received.length; i++) {
    if (f.received[i]! < a || f.received[i]! > b) continue;
    counts[0]!++;
    // Resolved by the end of the period: month granularity is exact, as periods are whole months.
    if (f.resolved[i]! <= b) counts[1]!++;
  }
}
