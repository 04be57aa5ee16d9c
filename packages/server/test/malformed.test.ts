import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ErrorBodySchema, validate } from "@linli/core";
import { sampleApplication } from "@linli/core/fixtures";
import {
  createSqliteStorage,
  demoSeed,
  startServer,
  type LinliStorage,
  type RunningServer,
} from "../src/index.js";
import { hotMenu, orderFor } from "./helpers.js";

let storage: LinliStorage;
let server: RunningServer;
beforeAll(async () => {
  storage = createSqliteStorage({ filename: ":memory:" });
  await storage.migrate();
  await storage.seed({ ...demoSeed(Date.now()), menus: [hotMenu(1_000_000)] });
  server = await startServer({
    storage,
    port: 0,
    rateLimitPerMinute: false,
    bodyLimitBytes: 16 * 1024,
  });
});
afterAll(async () => {
  await server.close();
  await storage.close();
});

// Values of the wrong kind for any field: the typical ways a client gets a body wrong.
const junk = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.double(),
  fc.integer(),
  fc.string({ maxLength: 20 }),
  fc.string({ minLength: 5_000, maxLength: 30_000 }),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 3 }),
);

/** Takes a valid body and breaks it: a field removed, retyped, or an unknown field added. */
function broken(valid: Record<string, unknown>) {
  const paths: string[][] = [];
  const walk = (o: unknown, at: string[]) => {
    if (o && typeof o === "object")
      for (const [k, v] of Object.entries(o)) (paths.push([...at, k]), walk(v, [...at, k]));
  };
  walk(valid, []);
  return fc
    .tuple(fc.constantFrom(...paths), fc.constantFrom("remove", "retype", "unknown"), junk)
    .map(([path, how, value]) => {
      const copy = structuredClone(valid);
      let target = copy as Record<string, unknown>;
      for (const k of path.slice(0, -1)) target = target[k] as Record<string, unknown>;
      const last = path.at(-1)!;
      if (how === "remove") delete target[last];
      else if (how === "retype") target[last] = value;
      else (copy as Record<string, unknown>)[`x${last}`] = value;
      return JSON.stringify(copy);
    });
}

const requestArb = fc.oneof(
  fc.record({
    path: fc.constant("/v1/orders"),
    type: fc.constant("application/json"),
    body: broken(orderFor("hot-menu", 1)),
  }),
  fc.record({
    path: fc.constant("/v1/applications"),
    type: fc.constant("application/json"),
    body: broken(sampleApplication as unknown as Record<string, unknown>),
  }),
  fc.record({
    path: fc.constantFrom("/v1/orders", "/v1/applications"),
    type: fc.constantFrom(
      "application/json",
      "text/plain",
      "application/x-www-form-urlencoded",
      "",
    ),
    body: fc.oneof(
      fc.string({ maxLength: 50 }),
      fc.json({ maxDepth: 3 }),
      fc.constant("{"),
      fc.constant(""),
    ),
  }),
);

describe("2,000 malformed requests", () => {
  it("never cause a 5xx, and every answer is the error shape with field paths", async () => {
    let count = 0;
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(
        requestArb,
        fc.string({ minLength: 8, maxLength: 12 }).map((s) => `k-${s.replace(/[^\w.:-]/g, "x")}`),
        async (req, key) => {
          count++;
          const r = await fetch(server.url + req.path, {
            method: "POST",
            headers: { ...(req.type ? { "content-type": req.type } : {}), "idempotency-key": key },
            body: req.body,
          });
          statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
          const text = await r.text();
          if (r.status >= 500) return false;
          if (r.status === 201) return true; // an unknown field is ignored; the rest was valid
          const parsed = validate(ErrorBodySchema, JSON.parse(text));
          if (!parsed.ok || parsed.value.error.status !== r.status) return false;
          if (parsed.value.error.code === "VALIDATION_FAILED")
            return (
              parsed.value.error.issues.length > 0 &&
              parsed.value.error.issues.every((i) => typeof i.path === "string")
            );
          return true;
        },
      ),
      { numRuns: 2_000 },
    );
    expect(count).toBeGreaterThanOrEqual(2_000);
    expect([...statuses.keys()].every((s) => s < 500)).toBe(true);
  }, 120_000);
});
