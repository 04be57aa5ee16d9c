import { holdsOf, issue, type Order } from "@linli/core";
import { afterEach, describe, expect, it } from "vitest";
import {
  StaleMenuError,
  createApp,
  createPostgresStorage,
  demoSeed,
  type LinliStorage,
} from "../src/index.js";
import { hotMenu, orderFor } from "./helpers.js";
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

    it("refuses from the database's counters when its own are stale", async () => {
      const a = await freshPostgres();
      opened.push(a);
      await a.migrate();
      await a.seed(demoSeed(Date.parse("2026-12-01T08:30:00+08:00")));
      const menu = await a.putMenu(hotMenu(2));
      const b = createPostgresStorage({ connectionString: DATABASE_URL!, schema: a.schema });
      opened.push(b);
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
            const order: Order = {
              id: `o${n}`,
              menuId: menu.id,
              groupId: menu.groupId,
              lines: [
                {
                  itemId: "tiger-roll",
                  quantity: 1,
                  unitPrice: menu.items[0]!.price,
                  lineTotal: menu.items[0]!.price,
                },
              ],
              total: menu.items[0]!.price,
              slotId: "all-day",
              contact: { name: "林晓雨", phone: "13800009901" },
              consent: { given: true, policyVersion: "2026-11", at: "2026-12-01T08:29:00+08:00" },
              idempotencyKey: `k${n}`,
              pickupCode: String(100000 + n),
              status: "placed",
              placedAt: "2026-12-01T08:30:00+08:00",
              updatedAt: "2026-12-01T08:30:00+08:00",
            };
            return { order, holds: holdsOf(menu, order) };
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
      const a = await freshPostgres();
      opened.push(a);
      await a.migrate();
      await a.seed(demoSeed(Date.parse("2026-12-01T08:30:00+08:00")));
      await a.putMenu(hotMenu(5));
      const b = createPostgresStorage({ connectionString: DATABASE_URL!, schema: a.schema });
      opened.push(b);
      const remembered = (await a.getMenu("hot-menu"))!;
      expect(await a.getMenu("hot-menu")).toBe(remembered); // served from memory
      // b doubles the price: an order a decides on its remembered menu would be priced wrong.
      const base = hotMenu(5);
      const dearer = 2 * base.items[0]!.price.amount;
      await b.putMenu({
        ...base,
        items: [{ ...base.items[0]!, price: { ...base.items[0]!.price, amount: dearer } }],
      });
      const decideOn = (menu: typeof remembered, id: string) => () => {
        const price = menu.items[0]!.price;
        const order: Order = {
          id,
          menuId: menu.id,
          groupId: menu.groupId,
          lines: [{ itemId: "tiger-roll", quantity: 1, unitPrice: price, lineTotal: price }],
          total: price,
          slotId: "all-day",
          contact: { name: "林晓雨", phone: "13800009901" },
          consent: { given: true, policyVersion: "2026-11", at: "2026-12-01T08:29:00+08:00" },
          idempotencyKey: `key-${id}`,
          pickupCode: "123456",
          status: "placed",
          placedAt: "2026-12-01T08:30:00+08:00",
          updatedAt: "2026-12-01T08:30:00+08:00",
        };
        return { order, holds: holdsOf(menu, order) };
      };
      await expect(
        a.placeOrder(
          remembered,
          { key: "key-stale", requestHash: "h" },
          decideOn(remembered, "o-stale"),
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
        decideOn(fresh, "o-fresh"),
        () => "654321",
      );
      expect(placed.kind === "created" && placed.value.total.amount).toBe(dearer);
    });

    it("prices an order on the menu as it is now, when it was remembered before a change", async () => {
      const a = await freshPostgres();
      opened.push(a);
      await a.migrate();
      await a.seed(demoSeed(Date.parse("2026-12-01T08:30:00+08:00")));
      await a.putMenu(hotMenu(5));
      const b = createPostgresStorage({ connectionString: DATABASE_URL!, schema: a.schema });
      opened.push(b);
      const app = createApp({ storage: a, rateLimitPerMinute: false });
      const price = (await a.getMenu("hot-menu"))!.items[0]!.price.amount; // now remembered
      const base = hotMenu(5);
      await b.putMenu({
        ...base,
        items: [{ ...base.items[0]!, price: { ...base.items[0]!.price, amount: price + 100 } }],
      });
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
