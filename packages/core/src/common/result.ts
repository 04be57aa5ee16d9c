/**
 * The outcome of a rule that can refuse: a value, or typed errors.
 * Rules return it instead of throwing so callers must handle refusal.
 *
 * @example
 * const r = transitionGroup("proposed", "archived");
 * if (!r.ok) console.log(r.error.code);
 */
export type Result<T, E> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: E };

/** Wraps a success. */
export const ok = <T>(value: T): { readonly ok: true; readonly value: T } => ({ ok: true, value });

/** Wraps a refusal. */
export const err = <E>(error: E): { readonly ok: false; readonly error: E } => ({
  ok: false,
  error,
});
