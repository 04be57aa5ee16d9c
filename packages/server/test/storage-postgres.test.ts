import { holdsOf, issue, type Order } from "@linli/core";
import { afterEach, describe, expect, it } from "vitest";
import { createPostgresStorage, demoSeed, type LinliStorage } from "../src/index.js";
import { hotMenu } from "./helpers.js";
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
          menu.id,
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
  });
});
