// Data a host passes as a property is checked against core's schema, but lazily: the schema
// (and zod) load in a separate chunk when the browser is idle, so the first paint does not
// wait and the element's own bundle stays small. A mismatch is a programming error on the
// page: it is reported once on the console with field paths (see check-data-run.ts), and the
// element goes on showing what it can (missing fields are left out, text is never run as HTML).

const checked = new WeakSet<object>();
let queue: Array<[tag: string, items: readonly unknown[]]> = [];

/** Marks groups as known good (from a store, whose data the contract already checked). */
export function trustGroups(groups: readonly object[]): void {
  for (const g of groups) checked.add(g);
}

/**
 * Checks groups a host passed to `tag` against `PublicGroupSchema` when the browser is idle,
 * and warns on the console about those that do not match. Each object is checked once.
 */
export function checkGroupsLater(tag: string, groups: readonly unknown[]): void {
  const fresh = groups.filter((g) => !checked.has(g as object));
  for (const g of fresh) if (g === Object(g)) checked.add(g as object);
  if (fresh.length === 0) return;
  if (queue.push([tag, fresh]) > 1) return; // a run is already scheduled
  (globalThis.requestIdleCallback ?? setTimeout)(() => {
    const jobs = queue;
    queue = [];
    void import("./check-data-run.js").then((m) => m.warnAboutInvalidGroups(jobs));
  });
}
