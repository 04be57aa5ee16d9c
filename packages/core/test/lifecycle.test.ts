import { describe, expect, it } from "vitest";
import {
  applicationLifecycle,
  groupLifecycle,
  orderLifecycle,
  transitionApplication,
  transitionGroup,
  transitionOrder,
  type Lifecycle,
} from "../src/index.js";

// Every pair of states is listed here as allowed or refused, so a change to a lifecycle
// has to change this table too.
const allowed = {
  group: [
    "proposed→incubating",
    "proposed→archived",
    "incubating→active",
    "incubating→archived",
    "active→self-operating",
    "active→archived",
    "self-operating→active",
    "self-operating→archived",
  ],
  application: [
    "submitted→reviewing",
    "submitted→declined",
    "reviewing→interview",
    "reviewing→accepted",
    "reviewing→declined",
    "interview→accepted",
    "interview→declined",
    "accepted→onboarded",
    "accepted→declined",
  ],
  order: [
    "placed→confirmed",
    "placed→cancelled",
    "confirmed→ready",
    "confirmed→cancelled",
    "ready→collected",
    "ready→no-show",
    "ready→cancelled",
  ],
} as const;

const machines: Record<keyof typeof allowed, Lifecycle<string>> = {
  group: groupLifecycle as Lifecycle<string>,
  application: applicationLifecycle as Lifecycle<string>,
  order: orderLifecycle as Lifecycle<string>,
};

describe.each(Object.keys(allowed) as (keyof typeof allowed)[])("%s lifecycle", (name) => {
  const m = machines[name];
  const pairs = m.states.flatMap((from) => m.states.map((to) => [from, to] as const));

  it.each(pairs)("%s → %s is allowed exactly when listed", (from, to) => {
    const listed = (allowed[name] as readonly string[]).includes(`${from}→${to}`);
    const r = m.transition(from, to);
    expect(r.ok).toBe(listed);
    expect(m.can(from, to)).toBe(listed);
    if (r.ok) {
      expect(r.value).toBe(to);
    } else {
      expect(r.error.code).toBe("TRANSITION_REFUSED");
      expect(r.error.path).toBe("status");
      expect(r.error.details).toMatchObject({
        machine: name,
        from,
        to,
        allowed: m.next(from).join(","),
      });
      expect(r.error.message["zh-CN"]).toBe(
        `不能从“${m.labels[from]!["zh-CN"]}”变为“${m.labels[to]!["zh-CN"]}”`,
      );
      expect(r.error.message.en).toBe(
        `Cannot change from “${m.labels[from]!.en}” to “${m.labels[to]!.en}”`,
      );
    }
  });

  it("labels every state in both languages", () => {
    for (const s of m.states) {
      expect(m.labels[s]!["zh-CN"]).toMatch(/[\u4e00-\u9fff]/);
      expect(m.labels[s]!.en).toMatch(/^[A-Z]/);
    }
  });
});

describe("lifecycle shapes", () => {
  it("knows which states are final", () => {
    expect(groupLifecycle.terminal).toEqual(["archived"]);
    expect(applicationLifecycle.terminal).toEqual(["declined", "onboarded"]);
    expect(orderLifecycle.terminal).toEqual(["collected", "cancelled", "no-show"]);
  });

  it("offers one transition function per entity", () => {
    expect(transitionGroup("active", "self-operating")).toEqual({
      ok: true,
      value: "self-operating",
    });
    const refused = transitionGroup("incubating", "self-operating");
    expect(refused.ok).toBe(false);
    if (!refused.ok)
      expect(refused.error.message.en).toBe("Cannot change from “Incubating” to “Self-operating”");
    expect(transitionApplication("interview", "accepted").ok).toBe(true);
    expect(transitionOrder("collected", "cancelled").ok).toBe(false);
  });

  it("refuses a state it does not know without throwing", () => {
    const r = (transitionOrder as (a: string, b: string) => ReturnType<typeof transitionOrder>)(
      "lost",
      "placed",
    );
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.details?.["allowed"]).toBe("");
  });
});
