import { holdsOf, issue, type Application, type Order } from "@linli/core";
import { sampleApplication } from "@linli/core/fixtures";
import { afterEach, describe, expect, it } from "vitest";
import { StaleMenuError, StatusChangedError, demoSeed, type LinliStorage } from "../src/index.js";

const T = Date.parse("2026-12-01T08:30:00+08:00");

const order = (id: string, menuId: string): Order => ({
  id,
  menuId,
  groupId: "three-moms-baking",
  lines: [
    {
      itemId: "tiger-roll",
      quantity: 1,
      unitPrice: { amount: 1800, currency: "CNY" },
      lineTotal: { amount: 1800, currency: "CNY" },
    },
  ],
  total: { amount: 1800, currency: "CNY" },
  slotId: "s1500",
  contact: { name: "林晓雨", phone: "13800009901" },
  consent: { given: true, policyVersion: "2026-11", at: "2026-12-01T08:29:00+08:00" },
  idempotencyKey: `key-${id}`,
  pickupCode: "123456",
  status: "placed",
  placedAt: "2026-12-01T08:30:00+08:00",
  updatedAt: "2026-12-01T08:30:00+08:00",
});

/** The menu as the store gives it, which is what an order is decided against. */
const menuOf = async (s: LinliStorage, id: string) => {
  const menu = await s.getMenu(id);
  if (!menu) throw new Error(`no menu ${id}`);
  return menu;
};

/** An accepted decision: the order and what it takes from its seeded menu. */
const claim = (o: Order) => ({
  order: o,
  holds: holdsOf(
    demoSeed(T).menus.find((m) => m.id === o.menuId)!,
    o,
  ),
});

/** The cash line of an 18-yuan sale of order `id`, as collecting it posts to the ledger. */
const sale = (id: string) => ({
  txId: `sale:${id}`,
  kind: "sale" as const,
  account: "cash",
  amount: 1800,
  currency: "CNY" as const,
  at: "2026-12-01T16:00:00+08:00",
  period: "2026-12",
  ruleSetId: "three-moms-bakery",
  saleId: id,
});

/**
 * What every storage must do, whatever the database: SQLite and PostgreSQL both run it.
 */
export function storageContract(name: string, make: () => Promise<LinliStorage>) {
  describe(`${name} storage`, () => {
    let storage: LinliStorage | undefined;
    const open = async () => {
      storage = await make();
      await storage.migrate();
      return storage;
    };
    afterEach(async () => {
      await storage?.close();
      storage = undefined;
    });

    it("migrates twice without harm and seeds once", async () => {
      const s = await open();
      await s.migrate();
      expect(await s.isEmpty()).toBe(true);
      await s.seed(demoSeed(T));
      expect(await s.isEmpty()).toBe(false);
      expect((await s.listGroups()).length).toBe(63);
      expect((await s.getHub())?.id).toBe("red-house");
      expect((await s.listMenus("three-moms-baking")).map((m) => m.date)).toEqual([
        "2026-11-30",
        "2026-12-01",
        "2026-12-02",
        "2026-12-03",
        "2026-12-04",
        "2026-12-05",
        "2026-12-06",
        "2026-12-07",
        "2026-12-08",
      ]);
    });

    it("adds a partner and replaces one in place, keeping the list's order", async () => {
      const s = await open();
      await s.seed(demoSeed(T));
      const before = await s.listPartners();
      const first = before[0]!;
      await s.putPartner({ ...first, splitRuleSetId: "night-market-partner" });
      await s.putPartner({ ...first, id: "new-partner", name: "林晓雨", displayName: "林老师" });
      const after = await s.listPartners();
      expect(after.map((p) => p.id)).toEqual([...before.map((p) => p.id), "new-partner"]);
      expect(after[0]).toEqual({ ...first, splitRuleSetId: "night-market-partner" });
      expect(after.at(-1)).toMatchObject({ name: "林晓雨", displayName: "林老师" });
    });

    it("replaces the recruitment call", async () => {
      const s = await open();
      await s.seed(demoSeed(T));
      const call = (await s.getRecruitmentCall())!;
      const next = { ...call, id: "spring-2027", opensAt: "2027-03-01T09:00:00+08:00" };
      expect(await s.putRecruitmentCall(next)).toEqual(next);
      expect(await s.getRecruitmentCall()).toEqual(next);
    });

    it("places, replays, refuses and reuse-checks orders by idempotency key", async () => {
      const s = await open();
      await s.seed(demoSeed(T));
      const menuId = "three-moms-2026-12-01";
      const code = () => "654321";
      const created = await s.placeOrder(
        await menuOf(s, menuId),
        { key: "k1", requestHash: "h1" },
        (held) => {
          expect(held).toEqual({ items: {}, slots: {} });
          return claim(order("o1", menuId));
        },
        code,
      );
      expect(created).toEqual({ kind: "created", value: order("o1", menuId) });
      const replayed = await s.placeOrder(
        await menuOf(s, menuId),
        { key: "k1", requestHash: "h1" },
        // A retry after the item sold out still gets the first answer.
        () => ({ issues: [issue("SOLD_OUT", { item: "虎皮奶油卷" })] }),
        code,
      );
      expect(replayed).toEqual({ kind: "replayed", value: order("o1", menuId) });
      expect(
        await s.placeOrder(
          await menuOf(s, menuId),
          { key: "k1", requestHash: "other" },
          () => claim(order("o9", menuId)),
          code,
        ),
      ).toEqual({ kind: "key-reused" });
      const refused = await s.placeOrder(
        await menuOf(s, menuId),
        { key: "k2", requestHash: "h2" },
        (held) => {
          expect(held).toEqual({ items: { "tiger-roll": 1 }, slots: { s1500: 1 } });
          return { issues: [issue("SOLD_OUT", { item: "虎皮奶油卷" })] };
        },
        code,
      );
      expect(refused.kind).toBe("refused");
      expect((await s.listOrders(menuId)).map((o) => o.id)).toEqual(["o1"]);
      expect(await s.getOrder("o1")).toEqual(order("o1", menuId));
      // A second order drawing a code already used on the menu gets a fresh one.
      const second = await s.placeOrder(
        await menuOf(s, menuId),
        { key: "k3", requestHash: "h3" },
        () => claim(order("o2", menuId)),
        code,
      );
      expect(second.kind === "created" && second.value.pickupCode).toBe("654321");
      // Cancelling gives back what it held.
      await s.updateOrder(
        { ...order("o2", menuId), pickupCode: "654321", status: "cancelled" },
        [],
        "placed",
      );
      expect(await s.getReservations(menuId)).toEqual({
        items: { "tiger-roll": 1 },
        slots: { s1500: 1 },
      });
    });

    it("updates an order and posts its ledger entries together", async () => {
      const s = await open();
      await s.seed({ ...demoSeed(T), ledger: [] });
      const menuId = "three-moms-2026-12-01";
      await s.placeOrder(
        await menuOf(s, menuId),
        { key: "k1", requestHash: "h1" },
        () => claim(order("o1", menuId)),
        () => "654321",
      );
      const entry = sale("o1");
      await s.updateOrder({ ...order("o1", menuId), status: "confirmed" }, [entry], "placed");
      expect((await s.getOrder("o1"))?.status).toBe("confirmed");
      expect(await s.listLedger({ ruleSetId: "three-moms-bakery", period: "2026-12" })).toEqual([
        entry,
      ]);
      expect(await s.listLedger({ period: "2026-11" })).toEqual([]);
    });

    it("stores one of two status changes decided from the same status, and its sale once", async () => {
      const s = await open();
      await s.seed({ ...demoSeed(T), ledger: [] });
      const menuId = "three-moms-2026-12-01";
      const ready = (id: string, code: string): Order => ({
        ...order(id, menuId),
        pickupCode: code,
        status: "ready",
      });
      for (const [id, code] of [
        ["o1", "111111"],
        ["o2", "222222"],
      ] as const)
        await s.placeOrder(
          await menuOf(s, menuId),
          { key: `k-${id}`, requestHash: id },
          () => claim(ready(id, code)),
          () => "999999",
        );
      // Two staff mark o1 collected at once: both decided from "ready".
      const collected = { ...ready("o1", "111111"), status: "collected" as const };
      const twice = await Promise.allSettled([
        s.updateOrder(collected, [sale("o1")], "ready"),
        s.updateOrder(collected, [sale("o1")], "ready"),
      ]);
      expect(twice.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
      const lost = twice.find((r) => r.status === "rejected") as PromiseRejectedResult;
      expect(lost.reason).toBeInstanceOf(StatusChangedError);
      expect(await s.listLedger({ ruleSetId: "three-moms-bakery" })).toEqual([sale("o1")]);

      // Collected and cancelled at once: one stands, and what is stored agrees with it.
      const [collect, cancel] = await Promise.allSettled([
        s.updateOrder({ ...ready("o2", "222222"), status: "collected" }, [sale("o2")], "ready"),
        s.updateOrder({ ...ready("o2", "222222"), status: "cancelled" }, [], "ready"),
      ]);
      expect([collect.status, cancel.status].sort()).toEqual(["fulfilled", "rejected"]);
      const won = collect.status === "fulfilled" ? "collected" : "cancelled";
      expect((await s.getOrder("o2"))?.status).toBe(won);
      expect(await s.listLedger({ ruleSetId: "three-moms-bakery" })).toEqual(
        won === "collected" ? [sale("o1"), sale("o2")] : [sale("o1")],
      );
      expect(await s.getReservations(menuId)).toEqual(
        won === "collected"
          ? { items: { "tiger-roll": 2 }, slots: { s1500: 2 } }
          : { items: { "tiger-roll": 1 }, slots: { s1500: 1 } },
      );
    });

    it("places no order against a menu replaced since it was read", async () => {
      const s = await open();
      await s.seed(demoSeed(T));
      const menuId = "three-moms-2026-12-01";
      const read = await menuOf(s, menuId);
      await s.putMenu({ ...read, items: read.items.map((i) => ({ ...i, stock: 0 })) });
      await expect(
        s.placeOrder(
          read,
          { key: "k1", requestHash: "h1" },
          () => claim(order("o1", menuId)),
          () => "111111",
        ),
      ).rejects.toBeInstanceOf(StaleMenuError);
      expect(await s.listOrders(menuId)).toEqual([]);
      expect(await s.getReservations(menuId)).toEqual({ items: {}, slots: {} });
      // Read again, the menu is the stored one: the order is decided against it.
      const fresh = await menuOf(s, menuId);
      expect(fresh.items.every((i) => i.stock === 0)).toBe(true);
      const again = await s.placeOrder(
        fresh,
        { key: "k1", requestHash: "h1" },
        () => ({ issues: [issue("SOLD_OUT", { item: "虎皮奶油卷" })] }),
        () => "111111",
      );
      expect(again.kind).toBe("refused");
    });

    it("never takes holds that overrun a counter, whatever decide says", async () => {
      const s = await open();
      await s.seed(demoSeed(T));
      const menuId = "three-moms-2026-12-01";
      const o = order("o1", menuId);
      const overrun = {
        order: o,
        holds: [{ kind: "item" as const, ref: "tiger-roll", amount: 1, limit: 0 }],
      };
      await expect(
        s.placeOrder(
          await menuOf(s, menuId),
          { key: "k1", requestHash: "h1" },
          () => overrun,
          () => "111111",
        ),
      ).rejects.toThrow(/overrun/);
      expect(await s.listOrders(menuId)).toEqual([]);
      expect(await s.getReservations(menuId)).toEqual({ items: {}, slots: {} });
    });

    it("refuses only the failing one of orders placed at the same moment", async () => {
      const s = await open();
      await s.seed(demoSeed(T));
      const menuId = "three-moms-2026-12-01";
      const overrun = {
        order: order("o2", menuId),
        holds: [{ kind: "item" as const, ref: "tiger-roll", amount: 1, limit: 0 }],
      };
      // Sent together, so a storage that batches writes takes them in one go.
      const [first, failing, third] = await Promise.allSettled([
        s.placeOrder(
          await menuOf(s, menuId),
          { key: "k1", requestHash: "h1" },
          () => claim(order("o1", menuId)),
          () => "111111",
        ),
        s.placeOrder(
          await menuOf(s, menuId),
          { key: "k2", requestHash: "h2" },
          () => overrun,
          () => "222222",
        ),
        s.placeOrder(
          await menuOf(s, menuId),
          { key: "k3", requestHash: "h3" },
          () => claim({ ...order("o3", menuId), pickupCode: "654321" }),
          () => "333333",
        ),
      ]);
      expect(first).toMatchObject({ status: "fulfilled", value: { kind: "created" } });
      expect(failing).toMatchObject({ status: "rejected" });
      expect(String((failing as PromiseRejectedResult).reason)).toMatch(/overrun/);
      expect(third).toMatchObject({ status: "fulfilled", value: { kind: "created" } });
      expect((await s.listOrders(menuId)).map((o) => o.id).sort()).toEqual(["o1", "o3"]);
      expect(await s.getReservations(menuId)).toEqual({
        items: { "tiger-roll": 2 },
        slots: { s1500: 2 },
      });
      // The refused key was not kept: sent again with a fitting order, it is taken.
      const retried = await s.placeOrder(
        await menuOf(s, menuId),
        { key: "k2", requestHash: "h2" },
        () => claim({ ...order("o2", menuId), pickupCode: "777777" }),
        () => "444444",
      );
      expect(retried.kind).toBe("created");
    });

    it("stores applications once per key and lists them by status", async () => {
      const s = await open();
      const make = (id: string): Application => ({
        ...sampleApplication,
        id,
        reference: `LL-${id}`,
        status: "submitted",
        submittedAt: "2026-11-28T10:15:00+08:00",
        updatedAt: "2026-11-28T10:15:00+08:00",
      });
      expect(
        (await s.submitApplication({ key: "a", requestHash: "x" }, () => make("a1"))).kind,
      ).toBe("created");
      expect(
        (await s.submitApplication({ key: "a", requestHash: "x" }, () => make("a2"))).kind,
      ).toBe("replayed");
      // Two reviewers move it at once from "submitted": the first change stands.
      const moves = await Promise.allSettled([
        s.updateApplication({ ...make("a1"), status: "reviewing" }, "submitted"),
        s.updateApplication({ ...make("a1"), status: "declined" }, "submitted"),
      ]);
      expect(moves.map((m) => m.status).sort()).toEqual(["fulfilled", "rejected"]);
      const lost = moves.find((m) => m.status === "rejected") as PromiseRejectedResult;
      expect(lost.reason).toBeInstanceOf(StatusChangedError);
      const [won, other] =
        moves[0]!.status === "fulfilled" ? ["reviewing", "declined"] : ["declined", "reviewing"];
      expect((await s.listApplications(won as "reviewing")).map((a) => a.id)).toEqual(["a1"]);
      expect(await s.listApplications(other as "declined")).toEqual([]);
      expect(await s.listApplications("submitted")).toEqual([]);
      // `make` may refuse: nothing is stored and the key is not kept.
      const refused = await s.submitApplication({ key: "b", requestHash: "y" }, () => ({
        issues: [issue("APPLICATIONS_CLOSED", { deadline: "12月31日 17:00" }, "callId")],
      }));
      expect(refused.kind).toBe("refused");
      expect(
        (await s.submitApplication({ key: "b", requestHash: "y" }, () => make("b1"))).kind,
      ).toBe("created");
    });
  });
}
