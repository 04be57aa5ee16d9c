// Data for the preorder widget's tests and stories (never imported by the elements): the
// red house's embedded store with the Three Moms Baking Studio's menus, on a fixed clock.
import type { LinliStore } from "@linli/client";
import {
  createEmbeddedStore,
  defaultEmbeddedData,
  type EmbeddedData,
} from "@linli/client/embedded";
import type { PlaceOrderBody } from "@linli/core/contract";

/** Tuesday 1 December 2026, 08:00 in Hangzhou: today's menu is open until 10:00. */
export const MORNING = Date.parse("2026-12-01T08:00:00+08:00");
/** 12:00 the same day: today's ordering closed at 10:00, tomorrow's opens at 18:00. */
export const NOON = Date.parse("2026-12-01T12:00:00+08:00");
export const TODAY = "2026-12-01";
export const TOMORROW = "2026-12-02";

/**
 * The bakery's menus for today and tomorrow, photos pointing at Storybook's illustration
 * (the fixtures' photo URLs are not served here), optionally changed per item.
 */
export function bakeryData(
  now: number,
  change: (menu: EmbeddedData["menus"][number]) => EmbeddedData["menus"][number] = (m) => m,
): EmbeddedData {
  const data = defaultEmbeddedData(now);
  return {
    ...data,
    menus: data.menus.map((m) =>
      change({
        ...m,
        items: m.items.map((i) =>
          i.photo ? { ...i, photo: { ...i.photo, url: "images/categories/baking.svg" } } : i,
        ),
      }),
    ),
  };
}

/** An embedded store on a fixed clock (memory only), as a static page would use. */
export function bakeryStore(now = MORNING, data = bakeryData(now)): LinliStore {
  return createEmbeddedStore({ data, now: () => now });
}

/** Another resident's order, placed straight through the store. */
export function neighbourOrder(
  lines: PlaceOrderBody["lines"],
  slotId = "s1500",
  menuId = `three-moms-${TODAY}`,
): PlaceOrderBody {
  return {
    menuId,
    slotId,
    lines,
    contact: { name: "王阿姨", phone: "13900139000" },
    consent: { given: true, policyVersion: "1", at: "2026-12-01T07:30:00+08:00" },
  };
}
