import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import {
  StaleMenuError,
  createApp,
  createSqliteStorage,
  demoSeed,
  type LinliStorage,
} from "../src/index.js";
import { hotMenu, oneOf, orderFor } from "./helpers.js";
import { storageContract } from "./storage-suite.js";

storageContract("SQLite", async () => createSqliteStorage({ filename: ":memory:" }));

describe("SQLite orders queued against a menu that is then replaced", () => {
  const T = Date.parse("2026-12-01T08:30:00+08:00");
  const opened: LinliStorage[] = [];
  afterEach(async () => {
    for (const s of opened.splice(0)) await s.close();
  });
  const seeded = async () => {
    const s = createSqliteStorage({ filename: ":memory:" });
    opened.push(s);
    await s.migrate();
    await s.seed({ ...demoSeed(T), menus: [hotMenu(5)] });
    return s;
  };

  it("takes no order decided against the menu it was queued with", async () => {
    const s = await seeded();
    const menu = (await s.getMenu("hot-menu"))!;
    // Queued for the next write; the menu is sold out (stock 0) before that write runs.
    const queued = s.placeOrder(
      menu,
      { key: "key-queued", requestHash: "h" },
      () => oneOf(menu, "o-queued"),
      () => "654321",
    );
    await s.putMenu(hotMenu(0));
    await expect(queued).rejects.toBeInstanceOf(StaleMenuError);
    expect(await s.listOrders("hot-menu")).toEqual([]);
    expect(await s.getReservations("hot-menu")).toEqual({ items: {}, slots: {} });
  });

  it("answers the resident 409 SOLD_OUT when the stock went to 0 while the order was queued", async () => {
    const s = await seeded();
    let replaced = false;
    const racing: LinliStorage = {
      ...s,
      placeOrder(...args) {
        const placed = s.placeOrder(...args);
        if (!replaced) {
          replaced = true;
          void s.putMenu(hotMenu(0));
        }
        return placed;
      },
    };
    const app = createApp({ storage: racing, now: () => T, rateLimitPerMinute: false });
    const res = await app.request("/v1/orders", {
      method: "POST",
      headers: { "content-type": "application/json", "idempotency-key": "order-while-sold-out" },
      body: JSON.stringify(orderFor("hot-menu", 1)),
    });
    const body = (await res.json()) as { error: { code: string; message: Record<string, string> } };
    expect([res.status, body.error.code]).toEqual([409, "SOLD_OUT"]);
    expect(body.error.message["zh-CN"]).toMatch(/已售罄/);
    expect(body.error.message["en"]).toMatch(/sold out/);
    expect(await s.listOrders("hot-menu")).toEqual([]);
  });
});

describe("SQLite file shared by two servers", () => {
  const dir = mkdtempSync(join(tmpdir(), "linli-sqlite-"));
  const opened: LinliStorage[] = [];
  afterEach(async () => {
    for (const s of opened.splice(0)) await s.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("shows each the menu the other just changed, not a remembered one", async () => {
    const file = join(dir, "linli.db");
    const a = createSqliteStorage({ filename: file });
    opened.push(a);
    await a.migrate();
    await a.seed(demoSeed(Date.parse("2026-12-01T08:30:00+08:00")));
    const b = createSqliteStorage({ filename: file });
    opened.push(b);
    await a.putMenu(hotMenu(5));
    expect((await a.getMenu("hot-menu"))?.items[0]?.stock).toBe(5);
    expect((await b.getMenu("hot-menu"))?.items[0]?.stock).toBe(5);
    await b.putMenu(hotMenu(7));
    // Another connection's commit is seen from the next turn of the event loop: a request
    // sent after it is read in a later turn, so it never gets the remembered menu.
    await new Promise((r) => setImmediate(r));
    expect((await a.getMenu("hot-menu"))?.items[0]?.stock).toBe(7);
    expect((await b.getMenu("hot-menu"))?.items[0]?.stock).toBe(7);
    // Menus handed out are shared, so they cannot be changed by accident.
    const menu = (await a.getMenu("hot-menu"))!;
    expect(() => ((menu.items[0] as { stock: number }).stock = 1)).toThrow(TypeError);
  });

  it("never gives one menu's pickup code twice, whichever server placed the first", async () => {
    const file = join(dir, "codes.db");
    const a = createSqliteStorage({ filename: file });
    opened.push(a);
    await a.migrate();
    await a.seed(demoSeed(Date.parse("2026-12-01T08:30:00+08:00")));
    await a.putMenu(hotMenu(10));
    const b = createSqliteStorage({ filename: file });
    opened.push(b);
    const place = async (s: LinliStorage, id: string, code: string, next: string) => {
      const menu = (await s.getMenu("hot-menu"))!;
      const r = await s.placeOrder(
        menu,
        { key: `key-${id}`, requestHash: id },
        () => oneOf(menu, id, code),
        () => next,
      );
      return r.kind === "created" ? r.value.pickupCode : r.kind;
    };
    expect(await place(a, "o1", "111111", "999999")).toBe("111111"); // a now knows the menu's codes
    expect(await place(b, "o2", "222222", "999999")).toBe("222222");
    // a must see b's order: the same code drawn again is replaced.
    expect(await place(a, "o3", "222222", "333333")).toBe("333333");
    expect(await place(b, "o4", "111111", "444444")).toBe("444444");
    const stored = (await a.listOrders("hot-menu")).map((o) => o.pickupCode).sort();
    expect(stored).toEqual(["111111", "222222", "333333", "444444"]);
  });
});
