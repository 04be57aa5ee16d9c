import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createSqliteStorage, demoSeed, type LinliStorage } from "../src/index.js";
import { hotMenu } from "./helpers.js";
import { storageContract } from "./storage-suite.js";

storageContract("SQLite", async () => createSqliteStorage({ filename: ":memory:" }));

describe("SQLite file shared by two servers", () => {
  const dir = mkdtempSync(join(tmpdir(), "linli-sqlite-"));
  const opened: LinliStorage[] = [];
  afterEach(async () => {
    for (const s of opened.splice(0)) await s.close();
    rmSync(dir, { recursive: true, force: true });
  });

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
});
