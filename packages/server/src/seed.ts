import { addDays, toZoned } from "@linli/core";
import {
  activityLedger,
  activityRequests,
  activitySessions,
  bakeryMenu,
  groups,
  nightMarketGroups,
  partners,
  recruitmentCallOpenAt,
  redHouse,
  splitRuleSets,
} from "@linli/core/fixtures";
import type { LinliStorage, SeedData } from "./storage/storage.js";

/** The bakery's menus from yesterday to a week ahead of `now`, in the hub's time zone. */
const demoMenus = (now: number) => {
  const today = toZoned(now, redHouse.timeZone).date;
  return Array.from({ length: 9 }, (_, i) => bakeryMenu(addDays(today, i - 1)));
};

/**
 * The demo data: the red house, its 62 groups, the partners, the bakery's menus from
 * yesterday to a week ahead (so a demo always has today's menu), the recruitment call, the
 * split rule sets and October–November 2026's activity for the metrics.
 */
export function demoSeed(now: number): SeedData {
  return {
    hub: redHouse,
    groups: [...groups, ...nightMarketGroups],
    partners,
    menus: demoMenus(now),
    recruitmentCall: recruitmentCallOpenAt(now),
    ruleSets: splitRuleSets,
    ledger: activityLedger,
    sessions: activitySessions,
    requests: activityRequests,
  };
}

/**
 * Seeds an empty database with {@link demoSeed}; on a database seeded before, adds the
 * bakery's menus from yesterday to a week ahead that it lacks, so a demo started again days
 * later still has today's menu. Menus already there (and their orders) are left as they are.
 *
 * @returns how many menus were added to a database seeded before (0 when it was empty).
 * @example
 * await storage.migrate();
 * await seedDemo(storage, Date.now());
 */
export async function seedDemo(storage: LinliStorage, now: number): Promise<number> {
  if (await storage.isEmpty()) {
    await storage.seed(demoSeed(now));
    return 0;
  }
  let added = 0;
  for (const menu of demoMenus(now))
    if ((await storage.getMenu(menu.id)) === undefined) {
      await storage.putMenu(menu);
      added++;
    }
  return added;
}
