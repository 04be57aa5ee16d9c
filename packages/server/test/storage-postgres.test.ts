import { issue } from "@linli/core";
import { afterEach, describe, expect, it } from "vitest";
import {
  StaleMenuError,
  createApp,
  createPostgresStorage,
  demoSeed,
  type LinliStorage,
} from "../src/index.js";
import { hotMenu, oneOf, orderFor, repriced } from "./helpers.js";
import { DATABASE_URL, freshPostgres } from "./postgres.js";
import { storageContract } from "./storage-suite.js";

describe.runIf(DATABASE_URL)("PostgreSQL", () => {
  storageContract("PostgreSQL", freshPostgres);

  describe("two servers on one database", () => {
    const opened: LinliStorage[] = [];
    afterEach(async () => {
      for (const s of opened.reverse()) await s.close();
      opened.length = 0;
    });

    /** Two servers on one fresh database, seeded, with the hot menu of `stock` put by the first. */
    const twoServers = async (stock: number) => {
      const a = await freshPostgres();
      opened.push(a);
      await a.migrate();
      await a.seed(demoSeed(Date.parse("2026-12-01T08:30:00+08:00")));
      const menu = await a.putMenu(hotMenu(stock));
      const b = createPostgresStorage({ connectionString: DATABASE_URL!, schema: a.schema });
      opened.push(b);
      return { a, b, menu };
    };

    it("refuses from the database's counters when its own are stale", async () => {
      const { a, b, menu } = await twoServers(2);
      const seen: unknown[] = [];
      let n = 0;
      const place = (s: LinliStorage) =>
        s.placeOrder(
          menu,
          { key: `k${++n}`, requestHash: `h${n}` },
          (held) => {
            seen.push(held);
            if ((held.items["tiger-roll"] ?? 0) >= 2)
              return { issues: [issue("SOLD_OUT", { item: "虎皮奶油卷" }, "lines.0.quantity")] };
            return oneOf(menu, `o${n}`, String(100000 + n));
          },
          () => String(200000 + n),
        );
      expect((await place(b)).kind).toBe("created"); // b now believes one is taken
      expect((await place(a)).kind).toBe("created"); // the last one, taken through a
      seen.length = 0;
      const third = await place(b);
      // b decided on its stale count, the database refused, and b decided again on the truth.
      expect(seen).toEqual([
        { items: { "tiger-roll": 1 }, slots: { "all-day": 1 } },
        { items: { "tiger-roll": 2 }, slots: { "all-day": 2 } },
      ]);
      expect(third.kind === "refused" && third.issues.map((i) => i.code)).toEqual(["SOLD_OUT"]);
      expect((await a.listOrders(menu.id)).map((o) => o.id)).toEqual(["o1", "o2"]);
    });

    it("places no order against a menu the other server has changed since", async () => {
      const { a, b, menu } = await twoServers(5);
      const remembered = (await a.getMenu("hot-menu"))!;
      expect(await a.getMenu("hot-menu")).toBe(remembered); // served from memory
      // b doubles the price: an order a decides on its remembered menu would be priced wrong.
      const dearer = 2 * menu.items[0]!.price.amount;
      await b.putMenu(repriced(menu, dearer));
      await expect(
        a.placeOrder(
          remembered,
          { key: "key-stale", requestHash: "h" },
          () => oneOf(remembered, "o-stale"),
          () => "654321",
        ),
      ).rejects.toBeInstanceOf(StaleMenuError);
      expect(await a.getReservations("hot-menu")).toEqual({ items: {}, slots: {} });
      expect(await a.listOrders("hot-menu")).toEqual([]);
      // Read again, a's menu is b's, and the order goes through at the new price.
      const fresh = (await a.getMenu("hot-menu"))!;
      expect(fresh.items[0]!.price.amount).toBe(dearer);
      const placed = await a.placeOrder(
        fresh,
        { key: "key-fresh", requestHash: "h" },
        () => oneOf(fresh, "o-fresh"),
        () => "654321",
      );
      expect(placed.kind === "created" && placed.value.total.amount).toBe(dearer);
    });

    it("prices an order on the menu as it is now, when it was remembered before a change", async () => {
      const { a, b, menu } = await twoServers(5);
      const app = createApp({ storage: a, rateLimitPerMinute: false });
      const price = (await a.getMenu("hot-menu"))!.items[0]!.price.amount; // now remembered
      await b.putMenu(repriced(menu, price + 100));
      const res = await app.request("/v1/orders", {
        method: "POST",
        headers: { "content-type": "application/json", "idempotency-key": "order-after-change" },
        body: JSON.stringify(orderFor("hot-menu", 1)),
      });
      expect(res.status).toBe(201);
      const receipt = (await res.json()) as { total: { amount: number } };
      expect(receipt.total.amount).toBe(price + 100);
    });
  });
});
