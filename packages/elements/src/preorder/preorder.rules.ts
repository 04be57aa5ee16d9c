// The rules <linli-preorder> applies in the browser, all from @linli/core: pricing, the
// order check (stock, per-order limits, slots), the draft's schema (name, phone, note,
// consent) and the calendar file. They load in their own chunk, in parallel with the menu,
// so zod and core's order and field messages do not hold up the element's first paint.
import type { LinliIssue } from "@linli/core";
import type { MenuWithAvailability, PlaceOrderBody } from "@linli/core/contract";
import type { Money } from "@linli/core/money";
import {
  checkOrder,
  orderDraftMessages,
  OrderDraftSchema,
  priceOrder,
  type Menu,
  type OrderLine,
} from "@linli/core/preorder";
import { validateIn } from "@linli/core/validation";

export { icsEvent } from "@linli/core/calendar";

/** The exact total of some lines, in minor units, priced by core. */
export function quote(menu: Menu, lines: readonly OrderLine[]): Money {
  const q = priceOrder(menu, lines);
  return q.ok ? q.value.total : { amount: 0, currency: menu.currency };
}

/**
 * Every problem with an order as it stands against the menu's latest availability: core's
 * `checkOrder` (empty order, sold out, too few left, per-order limit, no or full slot) and
 * the draft's schema (name, mobile number, note, consent). Opening and cut-off are left to
 * the store, whose clock decides them.
 */
export function draftIssues(
  { menu, availability }: MenuWithAvailability,
  body: PlaceOrderBody,
): LinliIssue[] {
  const held = {
    items: Object.fromEntries(availability.items.map((i) => [i.itemId, i.reserved])),
    slots: Object.fromEntries(availability.slots.map((s) => [s.slotId, s.reserved])),
  };
  const rules = checkOrder(menu, held, body, Date.parse(availability.cutoffAt) - 1);
  const shape = validateIn(orderDraftMessages, OrderDraftSchema, {
    ...body,
    idempotencyKey: "local-check",
  });
  return [
    ...(rules.ok ? [] : rules.error.filter((i) => i.code !== "NOT_YET_OPEN")),
    ...(shape.ok ? [] : shape.error),
  ];
}
