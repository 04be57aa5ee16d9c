import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createSqliteStorage,
  demoSeed,
  hashAdminKey,
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
    await storage.seed({
      ...demoSeed(Date.now()),
      menus: [hotMenu(40), hotMenu(5, "idem-menu"), hotMenu(5, "status-menu")],
    });
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

  it.runIf(available)(
    "refuses the second of two status changes sent at once with 409, and posts one sale",
    async () => {
      // Every read of an order waits until both requests have read it: both decide from the
      // same status before either writes, which is the race.
      let waiting: (() => void)[] = [];
      let gated = 0;
      const both: LinliStorage = {
        ...storage,
        async getOrder(id) {
          if (gated > 0) {
            gated--;
            await new Promise<void>((go) => {
              waiting.push(go);
              if (waiting.length === 2) for (const w of waiting.splice(0)) w();
            });
          }
          return storage.getOrder(id);
        },
      };
      const key = "admin-key-for-status-races";
      const staff = await startServer({
        storage: both,
        port: 0,
        rateLimitPerMinute: false,
        adminKeyHashes: [hashAdminKey(key)],
      });
      try {
        const move = async (id: string, status: string) => {
          const r = await fetch(`${staff.url}/v1/admin/orders/${id}/status`, {
            method: "POST",
            headers: { "content-type": "application/json", authorization: `Bearer ${key}` },
            body: JSON.stringify({ status }),
          });
          return {
            status: r.status,
            body: (await r.json()) as { error: { code: string; message: unknown } },
          };
        };
        const ready = async (n: number) => {
          const placed = await post(
            `${server.url}/v1/orders`,
            orderFor("status-menu", n),
            `st-${n}-0000`,
          );
          const id = JSON.parse(placed.text).id as string;
          for (const s of ["confirmed", "ready"]) expect((await move(id, s)).status).toBe(200);
          return id;
        };
        const sales = async (id: string) =>
          (await storage.listLedger()).filter((e) => e.txId === `sale:${id}`);

        const twice = await ready(1);
        gated = 2;
        const collected = await Promise.all([move(twice, "collected"), move(twice, "collected")]);
        expect(collected.map((r) => r.status).sort()).toEqual([200, 409]);
        const refused = collected.find((r) => r.status === 409)!.body.error;
        expect(refused.code).toBe("TRANSITION_REFUSED");
        expect(refused.message).toEqual({
          "zh-CN": "不能从“已取货”变为“已取货”",
          en: "Cannot change from “Collected” to “Collected”",
        });
        const posted = await sales(twice);
        expect(posted.length).toBeGreaterThan(0);
        expect(posted.filter((e) => e.account === "cash")).toHaveLength(1);

        const either = await ready(2);
        gated = 2;
        const [collect, cancel] = await Promise.all([
          move(either, "collected"),
          move(either, "cancelled"),
        ]);
        expect([collect.status, cancel.status].sort()).toEqual([200, 409]);
        const won = collect.status === 200 ? "collected" : "cancelled";
        expect((await storage.getOrder(either))?.status).toBe(won);
        expect((await sales(either)).length > 0).toBe(won === "collected");
      } finally {
        await staff.close();
      }
    },
  );
});
