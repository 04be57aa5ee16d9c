import type { PartnerRole } from "../partners/partner.js";
import { COHORTS } from "../partners/partner.js";
import { monthNumber } from "../split/columns.js";
import type { MetricContext } from "./figures.js";

// Records turned into typed arrays once per snapshot (memoised on the context), so that
// thirteen periods times a dozen metrics over 10 000 people stay cheap.

const NEVER = 2 ** 31 - 1;

// People the programme serves. Staff and mentors support them and are not counted.
const PARTICIPANT_ROLES: readonly PartnerRole[] = [
  "organiser",
  "co-founder",
  "helper",
  "volunteer",
];

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
  readonly index: ReadonlyMap<string, number>;
}

export function peopleFacts(ctx: MetricContext): PeopleFacts {
  return ctx.memo("people", () => {
    const ps = ctx.data.partners;
    const f = {
      n: ps.length,
      participant: new Uint8Array(ps.length),
      joined: new Int32Array(ps.length),
      left: new Int32Array(ps.length),
      baseline: new Float64Array(ps.length),
      cohorts: new Uint8Array(ps.length),
      index: new Map(ps.map((p, i) => [p.id, i])),
    };
    ps.forEach((p, i) => {
      f.participant[i] = p.roles.some((r) => PARTICIPANT_ROLES.includes(r)) ? 1 : 0;
      f.joined[i] = monthNumber(p.joinedOn);
      f.left[i] = p.leftOn === undefined ? NEVER : monthNumber(p.leftOn);
      f.baseline[i] =
        p.incomeBaseline?.monthly.currency === ctx.data.currency
          ? p.incomeBaseline.monthly.amount
          : NaN;
      let mask = 0;
      COHORTS.forEach((c, k) => (mask |= p.cohorts.includes(c) ? 1 << k : 0));
      f.cohorts[i] = mask;
    });
    return f;
  });
}

export interface SessionFacts {
  readonly month: Int32Array;
  readonly attendees: Float64Array;
  /** Registered attendees as person indices; unknown ids as strings. */
  readonly people: ReadonlyArray<readonly number[]>;
  readonly unknown: ReadonlyArray<readonly string[]>;
  readonly category: readonly string[];
}

export function sessionFacts(ctx: MetricContext): SessionFacts {
  return ctx.memo("sessions", () => {
    const people = peopleFacts(ctx);
    const categoryOf = new Map(ctx.data.groups.map((g) => [g.id, g.category as string]));
    const ss = ctx.data.sessions;
    return {
      month: Int32Array.from(ss, (s) => monthNumber(s.date)),
      attendees: Float64Array.from(ss, (s) => s.attendees),
      people: ss.map((s) =>
        (s.participantIds ?? []).map((id) => people.index.get(id) ?? -1).filter((i) => i >= 0),
      ),
      unknown: ss.map((s) => (s.participantIds ?? []).filter((id) => !people.index.has(id))),
      category: ss.map((s) => categoryOf.get(s.groupId) ?? "unknown"),
    };
  });
}

export interface RequestFacts {
  readonly received: Int32Array;
  /** Month resolved with outcome "resolved" (or none given); `NEVER` otherwise. */
  readonly resolved: Int32Array;
  /** 0 resident, 1 firm, 2 group. */
  readonly kind: Uint8Array;
  readonly technical: Uint8Array;
}

export function requestFacts(ctx: MetricContext): RequestFacts {
  return ctx.memo("requests", () => {
    const rs = ctx.data.requests;
    const kinds = ["resident", "firm", "group"];
    return {
      received: Int32Array.from(rs, (r) => monthNumber(r.receivedOn)),
      resolved: Int32Array.from(rs, (r) =>
        r.resolvedOn !== undefined && (r.outcome === undefined || r.outcome === "resolved")
          ? monthNumber(r.resolvedOn)
          : NEVER,
      ),
      kind: Uint8Array.from(rs, (r) => kinds.indexOf(r.raisedBy.kind)),
      technical: Uint8Array.from(rs, (r) => (r.category === "technical" ? 1 : 0)),
    };
  });
}

/** The context's range as month numbers, both ends included. */
export function rangeNumbers(ctx: MetricContext): readonly [number, number] {
  return [monthNumber(ctx.range.from), monthNumber(ctx.range.to)];
}
