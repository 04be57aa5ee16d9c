import { issueIn, type LinliIssue } from "../common/issue.js";
import { lifecycleMessages } from "../i18n/messages.js";
import { err, ok, type Result } from "../common/result.js";
import type { BilingualText } from "../i18n/locale.js";

/** A state machine as data: the states, each one's allowed next states, and their labels. */
export interface LifecycleDefinition<S extends string> {
  /** A name for errors and logs, e.g. `group`. */
  readonly name: string;
  readonly transitions: { readonly [K in S]: readonly S[] };
  readonly labels: { readonly [K in S]: BilingualText };
}

/** A lifecycle with its one transition function. */
export interface Lifecycle<S extends string> extends LifecycleDefinition<S> {
  readonly states: readonly S[];
  /** Whether `from → to` is allowed. */
  can(from: S, to: S): boolean;
  /** The states reachable in one step from `from`. */
  next(from: S): readonly S[];
  /** Moves `from → to`, or refuses with `TRANSITION_REFUSED` (details: machine, from, to, allowed). */
  transition(from: S, to: S): Result<S, LinliIssue>;
  /** States with no way out. */
  readonly terminal: readonly S[];
}

/**
 * Defines a lifecycle. Group, application and order lifecycles are all made with it, so
 * they refuse in the same way.
 *
 * @example
 * const door = defineLifecycle({ name: "door", transitions: { open: ["shut"], shut: ["open"] }, labels });
 * door.transition("open", "open"); // { ok: false, error: { code: "TRANSITION_REFUSED", … } }
 */
export function defineLifecycle<S extends string>(def: LifecycleDefinition<S>): Lifecycle<S> {
  const states = Object.keys(def.transitions) as S[];
  return {
    ...def,
    states,
    terminal: states.filter((s) => def.transitions[s].length === 0),
    can: (from, to) => def.transitions[from]?.includes(to) ?? false,
    next: (from) => def.transitions[from] ?? [],
    transition(from, to) {
      if (def.transitions[from]?.includes(to)) return ok(to);
      const allowed = def.transitions[from] ?? [];
      return err(
        issueIn(
          lifecycleMessages,
          "TRANSITION_REFUSED",
          {
            fromLabel: def.labels[from] ?? { "zh-CN": String(from), en: String(from) },
            toLabel: def.labels[to] ?? { "zh-CN": String(to), en: String(to) },
          },
          "status",
          { machine: def.name, from, to, allowed: allowed.join(",") },
        ),
      );
    },
  };
}
