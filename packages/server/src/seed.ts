import { addDays, toZoned } from "@linli/core";
import {
  activityLedger,
  activityRequests,
  activitySessions,
  bakeryMenu,
  groups,
  nightMarketGroups,
  partners,
  recruitmentCall,
  redHouse,
  splitRuleSets,
} from "@linli/core/fixtures";
import type { SeedData } from "./storage/storage.js";

/**
 * The demo data: the red house, its 62 groups, the partners, the bakery's menus from
 * yesterday to a week ahead (so a demo always has today's menu), the recruitment call, the
 * split rule sets and October–November 2026's activity for the metrics.
 */
export function demoSeed(now: number): SeedData {
  const today = toZoned(now, redHouse.timeZone).date;
  return {
    hub: redHouse,
    groups: [...groups, ...nightMarketGroups],
    partners,
    menus: Array.from({ length: 9 }, (_, i) => bakeryMenu(addDays(today, i - 1))),
    recruitmentCall,
    ruleSets: splitRuleSets,
    ledger: activityLedger,
    sessions: activitySessions,
    requests: activityRequests,
  };
}
