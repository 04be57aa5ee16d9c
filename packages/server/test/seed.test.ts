import { describe, expect, it } from "vitest";
import { createSqliteStorage, seedDemo } from "../src/index.js";
import { hotMenu } from "./helpers.js";

const day = (iso: string) => Date.parse(`${iso}T08:30:00+08:00`);
const menuDates = async (storage: ReturnType<typeof createSqliteStorage>) =>
  (await storage.listMenus("three-moms-baking"))
    .filter((m) => m.id.startsWith("three-moms-"))
    .map((m) => m.date)
    .sort();

describe("seedDemo", () => {
  it("seeds an empty database, and days later adds the bakery's menus it lacks, keeping the rest", async () => {
    const storage = createSqliteStorage({ filename: ":memory:" });
    await storage.migrate();
    expect(await seedDemo(storage, day("2026-12-01"))).toBe(0);
    const groups = (await storage.listGroups()).length;
    expect(groups).toBeGreaterThan(60);
    expect(await menuDates(storage)).toEqual([
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
    // Staff changed a menu in the meantime: a later start must not undo that.
    const changed = { ...(await storage.getMenu("three-moms-2026-12-08"))! };
    changed.items = changed.items.map((i) => ({ ...i, stock: 1 }));
    await storage.putMenu(changed);
    await storage.putMenu(hotMenu(3)); // and another group's menu is left alone too

    // Four days on: 12-04 … 12-12 is wanted, 12-04 … 12-08 is there.
    expect(await seedDemo(storage, day("2026-12-05"))).toBe(4);
    const dates = await menuDates(storage);
    expect(dates.slice(-5)).toEqual([
      "2026-12-08",
      "2026-12-09",
      "2026-12-10",
      "2026-12-11",
      "2026-12-12",
    ]);
    expect(dates).toHaveLength(9 + 4);
    expect(
      (await storage.getMenu("three-moms-2026-12-08"))!.items.every((i) => i.stock === 1),
    ).toBe(true);
    expect((await storage.getMenu("hot-menu"))!.items[0]!.stock).toBe(3);
    expect((await storage.listGroups()).length).toBe(groups); // seeded once, not again
    // Started again the same day: nothing to add.
    expect(await seedDemo(storage, day("2026-12-05"))).toBe(0);
    await storage.close();
  });
});
