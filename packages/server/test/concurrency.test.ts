import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createSqliteStorage,
  demoSeed,
  startServer,
  type LinliStorage,
  type RunningServer,
} from "../src/index.js";
import { hotMenu, orderFor, post } from "./helpers.js";
import { DATABASE_URL, freshPostgres } from "./postgres.js";

const databases: [string, () => Promise<LinliStorage>, boolean][] = [
  ["SQLite", async () => createSqliteStorage({ filename: ":memory:" }), true],
  ["PostgreSQL", freshPostgres, DATABASE_URL !== undefined],
];

describe.each(databases)("concurrent orders over real HTTP on %s", (_name, make, available) => {
  let storage: LinliStorage;
  let server: RunningServer;
  beforeAll(async () => {
    if (!available) return;
    storage = await make();
    await storage.migrate();
    await storage.seed({ ...demoSeed(Date.now()), menus: [hotMenu(40), hotMenu(5, "idem-menu")] });
    server = await startServer({ storage, port: 0, rateLimitPerMinute: false });
  });
  afterAll(async () => {
    if (!available) return;
    await server.close();
    await storage.close();
  });

  it.runIf(available)(
    "sells exactly 40 of 40 units to 300 concurrent orders, refusing the rest with 409 SOLD_OUT",
    async () => {
      const results = await Promise.all(
        Array.from({ length: 300 }, (_, i) =>
          post(
            `${server.url}/v1/orders`,
            orderFor("hot-menu", i),
            `hot-${String(i).padStart(6, "0")}`,
          ),
        ),
      );
      const created = results.filter((r) => r.status === 201);
      const refused = results.filter((r) => r.status === 409);
      expect(created).toHaveLength(40);
      expect(refused).toHaveLength(260);
      for (const r of refused) expect(JSON.parse(r.text).error.code).toBe("SOLD_OUT");
      const orders = await storage.listOrders("hot-menu");
      expect(orders).toHaveLength(40);
      expect(new Set(created.map((r) => JSON.parse(r.text).pickupCode)).size).toBe(40);
    },
  );

  it.runIf(available)(
    "makes one order of the same request sent three times at once, with three identical answers",
    async () => {
      const body = orderFor("idem-menu", 1);
      const answers = await Promise.all(
        [0, 1, 2].map(() => post(`${server.url}/v1/orders`, body, "same-key-0001")),
      );
      expect(answers.map((a) => a.status)).toEqual([201, 201, 201]);
      expect(new Set(answers.map((a) => a.text)).size).toBe(1);
      const again = await post(`${server.url}/v1/orders`, body, "same-key-0001");
      expect(again.text).toBe(answers[0]!.text);
      expect(await storage.listOrders("idem-menu")).toHaveLength(1);
      const other = await post(
        `${server.url}/v1/orders`,
        orderFor("idem-menu", 2),
        "same-key-0001",
      );
      expect(other.status).toBe(422);
      expect(JSON.parse(other.text).error.code).toBe("IDEMPOTENCY_KEY_REUSED");
    },
  );
});
