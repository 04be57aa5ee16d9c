import { addDays, toZoned } from "@linli/core";
import {
  bakeryMenu,
  gongshuActivity,
  groups,
  partners,
  recruitmentCallOpenAt,
  redHouse,
} from "@linli/core/fixtures";
import type { EmbeddedData } from "./data.js";

// A module of its own, which the store loads only when it is given no data: a page that
// brings its own never downloads the demo's groups and records.

/**
 * The red-house demo data: the hub, its 62 groups, their partners, the bakery's menu for
 * today and tomorrow (in the hub's zone, Asia/Shanghai, at `now`), the partner call, and
 * the Gongshu programmes' records for metrics.
 *
 * @example
 * defaultEmbeddedData(Date.now()).menus.map((m) => m.date); // ["2026-11-28", "2026-11-29"]
 */
export function defaultEmbeddedData(now: number): EmbeddedData {
  const today = toZoned(now, redHouse.timeZone).date;
  return {
    hub: redHouse,
    groups: groups.filter((g) => g.hubId === redHouse.id),
    partners: partners.filter((p) => p.hubId === redHouse.id),
    menus: [bakeryMenu(today), bakeryMenu(addDays(today, 1))],
    recruitmentCall: recruitmentCallOpenAt(now),
    metrics: gongshuActivity,
  };
}
