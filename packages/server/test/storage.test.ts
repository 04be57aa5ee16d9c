import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { createSqliteStorage, demoSeed, type LinliStorage } from "../src/index.js";
import { hotMenu, oneOf } from "./helpers.js";
import { storageContract } from "./storage-suite.js";

storageContract("SQLite", async () => createSqliteStorage({ filename: ":memory:" }));

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
