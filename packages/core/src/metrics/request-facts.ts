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
    const rs = ctx.data.requests;
    const kinds = ["resident", "firm", "group"];
    const received = new Int32Array(rs.length);
    const resolved = new Int32Array(rs.length);
    const kind = new Uint8Array(rs.length);
    const technical = new Uint8Array(rs.length);
    for (let i = 0; i < rs.length; i++) {
      const r = rs[i]!;
      received[i] = monthOf(r.receivedOn);
      resolved[i] =
        r.resolvedOn !== undefined && (r.outcome === undefined || r.outcome === "resolved")
          ? monthOf(r.resolvedOn)
          : NEVER;
      kind[i] = kinds.indexOf(r.raisedBy.kind);
      technical[i] = r.category === "technical" ? 1 : 0;
    }
    return { received, resolved, kind, technical };
  });
}

/** Requests received in months `a..b`, adding each to `byKind` (resident, firm, group). */
export function countReceived(f: RequestFacts, a: number, b: number, byKind: Int32Array): number {
  let total = 0;
  for (let i = 0; i < f.received.length; i++) {
    if (f.received[i]! < a || f.received[i]! > b) continue;
    total++;
    byKind[f.kind[i]!]!++;
  }
  return total;
}

/** Requests resolved in months `a..b`, and how many of them were technical. */
export function countResolved(
  f: RequestFacts,
  a: number,
  b: number,
): { readonly total: number; readonly technical: number } {
  let total = 0;
  let technical = 0;
  for (let i = 0; i < f.resolved.length; i++) {
    if (f.resolved[i]! < a || f.resolved[i]! > b) continue;
    total++;
    technical += f.technical[i]!;
  }
  return { total, technical };
}

/** Requests received in months `a..b`, and how many of those were resolved by the end of `b`. */
export function countResolvedByEnd(
  f: RequestFacts,
  a: number,
  b: number,
): { readonly received: number; readonly resolved: number } {
  let received = 0;
  let resolved = 0;
  for (let i = 0; i < f.received.length; i++) {
    if (f.received[i]! < a || f.received[i]! > b) continue;
    received++;
    // Resolved by the end of the period: month granularity is exact, as periods are whole months.
    if (f.resolved[i]! <= b) resolved++;
  }
  return { received, resolved };
}
