import * as z from "zod/mini";
import { IdSchema } from "../common/ids.js";
import { issueIn, type LinliIssue } from "../common/issue.js";
import { moneyMessages, orderMessages } from "../i18n/messages.js";
import { err, ok, type Result } from "../common/result.js";
import { asBilingual } from "../i18n/locale.js";
import { MoneySchema, multiply, sum } from "../money/money.js";
import {
  formatDateTimeBilingual,
  InstantSchema,
  toOffsetIso,
  toZoned,
  zonedToEpoch,
  addDays,
} from "../time/index.js";
import type { Menu, MenuItem, PickupSlot } from "./menu.js";
import {
  PricedLineSchema,
  RELEASING_STATUSES,
  type OrderLine,
  type OrderStatus,
  type PricedLine,
} from "./order.js";

/** The part of an existing order that availability needs. */
export interface OrderUsage {
  readonly status: OrderStatus;
  readonly slotId: string;
  readonly lines: ReadonlyArray<Pick<OrderLine, "itemId" | "quantity">>;
}

/**
 * The instant ordering closes, in epoch milliseconds. Ordering is open strictly before
 * it: at 12:00:00 with a 12:00 cut-off, the menu is closed.
 *
 * @example
 * cutoffAt({ ...menu, date: "2026-12-01", cutoff: { kind: "relative", daysBefore: 1, time: "18:00" } });
 * // 2026-11-30T18:00 in the menu's zone
 */
export function cutoffAt(menu: Pick<Menu, "cutoff" | "date" | "timeZone">): number {
  const c = menu.cutoff;
  return c.kind === "absolute"
    ? Date.parse(c.at)
    : zonedToEpoch(addDays(menu.date, -c.daysBefore), c.time, menu.timeZone);
}

/**
 * What a menu's orders hold so far: units per item and orders per pickup slot. A store can
 * keep these as counters, so checking a new order does not re-read every order before it.
 */
export interface Reservations {
  readonly items: Readonly<Record<string, number>>;
  readonly slots: Readonly<Record<string, number>>;
}

/**
 * Adds up what orders hold; cancelled orders hold nothing.
 *
 * @example
 * reservationsOf([{ status: "placed", slotId: "s1500", lines: [{ itemId: "tiger-roll", quantity: 2 }] }]);
 * // { items: { "tiger-roll": 2 }, slots: { s1500: 1 } }
 */
export function reservationsOf(orders: readonly OrderUsage[]): Reservations {
  const items: Record<string, number> = {};
  const slots: Record<string, number> = {};
  for (const o of orders) {
    if (RELEASING_STATUSES.includes(o.status)) continue;
    slots[o.slotId] = (slots[o.slotId] ?? 0) + 1;
    for (const l of o.lines) items[l.itemId] = (items[l.itemId] ?? 0) + l.quantity;
  }
  return { items, slots };
}

/** What is left of one item. */
/** A counter an order raises on its menu, and the most that counter may reach. */
export interface Hold {
  readonly kind: "item" | "slot";
  /** The item's or the slot's id. */
  readonly ref: string;
  readonly amount: number;
  /** The item's stock or the slot's capacity. */
  readonly limit: number;
}

/**
 * What an order takes from its menu: each line's units, up to the item's stock, and one
 * place in its slot, up to the slot's capacity. A store that checks these against its
 * counters in one statement (reserved + amount <= limit) refuses exactly what `checkOrder`
 * would refuse for want of stock or places. Lines or slots the menu lacks hold nothing.
 *
 * @example
 * holdsOf(menu, { status: "placed", slotId: "s1500", lines: [{ itemId: "tiger-roll", quantity: 2 }] });
 * // [{ kind: "slot", ref: "s1500", amount: 1, limit: 10 }, { kind: "item", ref: "tiger-roll", amount: 2, limit: 12 }]
 */
export function holdsOf(menu: Pick<Menu, "items" | "slots">, order: OrderUsage): Hold[] {
  const holds: Hold[] = [];
  const slot = menu.slots.find((s) => s.id === order.slotId);
  if (slot) holds.push({ kind: "slot", ref: slot.id, amount: 1, limit: slot.capacity });
  for (const l of order.lines) {
    const item = menu.items.find((it) => it.id === l.itemId);
    if (item) holds.push({ kind: "item", ref: item.id, amount: l.quantity, limit: item.stock });
  }
  return holds;
}

/**
 * Whether holds fit what is already held: every counter stays within its limit.
 *
 * @example
 * holdsFit([{ kind: "item", ref: "tiger-roll", amount: 2, limit: 12 }], { items: { "tiger-roll": 11 }, slots: {} }); // false
 */
export function holdsFit(holds: readonly Hold[], held: Reservations): boolean {
  return holds.every(
    (h) => ((h.kind === "item" ? held.items : held.slots)[h.ref] ?? 0) + h.amount <= h.limit,
  );
}

export const ItemAvailabilitySchema = /* @__PURE__ */ (() =>
  z.object({
    itemId: IdSchema,
    stock: z.int(),
    /** Units held by orders that are not cancelled. */
    reserved: z.int(),
    remaining: z.int(),
    soldOut: z.boolean(),
    perOrderLimit: z.int(),
    /** The most one new order can take now: the smaller of what is left and the per-order limit. */
    maxPerOrder: z.int(),
  }))();
export type ItemAvailability = z.infer<typeof ItemAvailabilitySchema>;

/** What is left of one pickup slot. */
export const SlotAvailabilitySchema = /* @__PURE__ */ (() =>
  z.object({
    slotId: IdSchema,
    capacity: z.int(),
    reserved: z.int(),
    remaining: z.int(),
    full: z.boolean(),
  }))();
export type SlotAvailability = z.infer<typeof SlotAvailabilitySchema>;

/** A menu's live state: open or why not, and what is left of each item and slot. */
export const MenuAvailabilitySchema = /* @__PURE__ */ (() =>
  z.object({
    menuId: IdSchema,
    open: z.boolean(),
    closedReason: z.optional(z.enum(["CUTOFF_PASSED", "NOT_YET_OPEN", "SOLD_OUT"])),
    cutoffAt: InstantSchema,
    opensAt: z.optional(InstantSchema),
    items: z.array(ItemAvailabilitySchema),
    slots: z.array(SlotAvailabilitySchema),
  }))();
export type MenuAvailability = z.infer<typeof MenuAvailabilitySchema>;

/**
 * What can be ordered from a menu now, given the orders so far and a clock.
 * Cancelled orders give their units and slot back.
 *
 * @example
 * const a = menuAvailability(menu, orders, Date.now());
 * a.items.find((i) => i.itemId === "tiger-roll")?.remaining; // 3
 */
export function menuAvailability(
  menu: Menu,
  orders: readonly OrderUsage[] | Reservations,
  now: number,
): MenuAvailability {
  const taken = "items" in orders ? orders : reservationsOf(orders);
  const reservedItems = new Map(Object.entries(taken.items));
  const reservedSlots = new Map(Object.entries(taken.slots));
  const items = menu.items.map((item): ItemAvailability => {
    const reserved = reservedItems.get(item.id) ?? 0;
    const remaining = Math.max(0, item.stock - reserved);
    return {
      itemId: item.id,
      stock: item.stock,
      reserved,
      remaining,
      soldOut: remaining === 0,
      perOrderLimit: item.perOrderLimit,
      maxPerOrder: Math.min(remaining, item.perOrderLimit),
    };
  });
  const slots = menu.slots.map((slot): SlotAvailability => {
    const reserved = reservedSlots.get(slot.id) ?? 0;
    const remaining = Math.max(0, slot.capacity - reserved);
    return { slotId: slot.id, capacity: slot.capacity, reserved, remaining, full: remaining === 0 };
  });
  const cutoff = cutoffAt(menu);
  const opens = menu.opensAt !== undefined ? Date.parse(menu.opensAt) : undefined;
  const closedReason =
    now >= cutoff
      ? "CUTOFF_PASSED"
      : opens !== undefined && now < opens
        ? "NOT_YET_OPEN"
        : items.every((i) => i.soldOut) || slots.every((s) => s.full)
          ? "SOLD_OUT"
          : undefined;
  const out: MenuAvailability = {
    menuId: menu.id,
    open: closedReason === undefined,
    cutoffAt: toOffsetIso(cutoff, menu.timeZone),
    items,
    slots,
  };
  if (closedReason !== undefined) out.closedReason = closedReason;
  if (opens !== undefined) out.opensAt = toOffsetIso(opens, menu.timeZone);
  return out;
}

/** An order priced from its menu. */
export const OrderQuoteSchema = /* @__PURE__ */ (() =>
  z.object({
    lines: z.array(PricedLineSchema),
    total: MoneySchema,
  }))();
export type OrderQuote = z.infer<typeof OrderQuoteSchema>;

/**
 * Prices order lines exactly from the menu: unit price × quantity per line, then the sum,
 * in minor units. Refuses unknown items.
 *
 * @example
 * priceOrder(menu, [{ itemId: "tiger-roll", quantity: 2 }]); // { ok: true, value: { total: { amount: 3600, currency: "CNY" }, … } }
 */
export function priceOrder(
  menu: Menu,
  lines: readonly OrderLine[],
): Result<OrderQuote, LinliIssue[]> {
  const problems: LinliIssue[] = [];
  const priced: PricedLine[] = [];
  lines.forEach((line, i) => {
    const item = menu.items.find((it) => it.id === line.itemId);
    if (!item) {
      problems.push(
        issueIn(orderMessages, "UNKNOWN_ITEM", {}, `lines.${i}.itemId`, { itemId: line.itemId }),
      );
      return;
    }
    if (item.price.currency !== menu.currency) {
      problems.push(
        issueIn(
          moneyMessages,
          "CURRENCY_MISMATCH",
          { expected: menu.currency, actual: item.price.currency },
          `lines.${i}.itemId`,
        ),
      );
      return;
    }
    priced.push({
      itemId: item.id,
      quantity: line.quantity,
      unitPrice: item.price,
      lineTotal: multiply(item.price, line.quantity),
    });
  });
  if (problems.length > 0) return err(problems);
  return ok({
    lines: priced,
    total: sum(
      priced.map((l) => l.lineTotal),
      menu.currency,
    ),
  });
}

/** What a resident asks for; the rest of the draft (contact, consent) is checked by its schema. */
export interface OrderRequest {
  readonly menuId: string;
  readonly slotId: string;
  readonly lines: readonly OrderLine[];
}

const slotLabel = (s: PickupSlot) => `${s.start}–${s.end}`;

/**
 * Whether an order can be placed now and, if so, its exact price. Every problem is
 * reported at once, each with the field it concerns, so a form can show them all:
 * `CUTOFF_PASSED`, `NOT_YET_OPEN`, `MENU_MISMATCH`, `EMPTY_ORDER`, `UNKNOWN_ITEM`,
 * `DUPLICATE_LINE`, `PER_ORDER_LIMIT`, `SOLD_OUT`, `INSUFFICIENT_STOCK` (details.remaining),
 * `UNKNOWN_SLOT`, `SLOT_FULL`.
 *
 * @example
 * const r = checkOrder(menu, ordersSoFar, { menuId, slotId: "s1500", lines: [{ itemId: "tiger-roll", quantity: 2 }] }, Date.now());
 * if (!r.ok) r.error.map((i) => i.code); // ["SOLD_OUT"]
 */
export function checkOrder(
  menu: Menu,
  orders: readonly OrderUsage[] | Reservations,
  request: OrderRequest,
  now: number,
): Result<OrderQuote, LinliIssue[]> {
  const problems: LinliIssue[] = [];
  const availability = menuAvailability(menu, orders, now);
  if (request.menuId !== menu.id)
    problems.push(issueIn(orderMessages, "MENU_MISMATCH", {}, "menuId"));
  if (availability.closedReason === "CUTOFF_PASSED") {
    problems.push(
      issueIn(
        orderMessages,
        "CUTOFF_PASSED",
        { cutoff: formatDateTimeBilingual(cutoffAt(menu), menu.timeZone) },
        undefined,
        { cutoffAt: availability.cutoffAt },
      ),
    );
  } else if (availability.closedReason === "NOT_YET_OPEN" && menu.opensAt !== undefined) {
    problems.push(
      issueIn(
        orderMessages,
        "NOT_YET_OPEN",
        { opensAt: formatDateTimeBilingual(Date.parse(menu.opensAt), menu.timeZone) },
        undefined,
        { opensAt: menu.opensAt },
      ),
    );
  }
  if (request.lines.length === 0) problems.push(issueIn(orderMessages, "EMPTY_ORDER", {}, "lines"));

  const seen = new Set<string>();
  request.lines.forEach((line, i) => {
    const item: MenuItem | undefined = menu.items.find((it) => it.id === line.itemId);
    const path = `lines.${i}.quantity`;
    if (!item) {
      problems.push(
        issueIn(orderMessages, "UNKNOWN_ITEM", {}, `lines.${i}.itemId`, { itemId: line.itemId }),
      );
      return;
    }
    if (seen.has(item.id)) {
      problems.push(
        issueIn(orderMessages, "DUPLICATE_LINE", {}, `lines.${i}.itemId`, { itemId: item.id }),
      );
      return;
    }
    seen.add(item.id);
    const name = asBilingual(item.name);
    const left = availability.items.find((a) => a.itemId === item.id)!.remaining;
    if (left === 0) {
      problems.push(
        issueIn(orderMessages, "SOLD_OUT", { item: name }, path, { itemId: item.id, remaining: 0 }),
      );
    } else if (line.quantity > item.perOrderLimit) {
      problems.push(
        issueIn(orderMessages, "PER_ORDER_LIMIT", { item: name, limit: item.perOrderLimit }, path, {
          itemId: item.id,
          limit: item.perOrderLimit,
        }),
      );
    } else if (line.quantity > left) {
      problems.push(
        issueIn(orderMessages, "INSUFFICIENT_STOCK", { item: name, remaining: left }, path, {
          itemId: item.id,
          remaining: left,
        }),
      );
    }
  });

  const slot = menu.slots.find((s) => s.id === request.slotId);
  if (!slot) {
    problems.push(issueIn(orderMessages, "UNKNOWN_SLOT", {}, "slotId", { slotId: request.slotId }));
  } else if (availability.slots.find((s) => s.slotId === slot.id)!.full) {
    problems.push(
      issueIn(orderMessages, "SLOT_FULL", { slot: slotLabel(slot) }, "slotId", { slotId: slot.id }),
    );
  }

  if (problems.length > 0) return err(problems);
  return priceOrder(menu, request.lines);
}

/**
 * A six-digit pickup code from random bytes the caller supplies (keeping core free of
 * I/O): pass `crypto.getRandomValues(new Uint8Array(4))`.
 *
 * @example
 * pickupCodeFrom(new Uint8Array([0, 1, 226, 64])); // "123456"
 */
export function pickupCodeFrom(bytes: Uint8Array): string {
  if (bytes.length < 4) throw new RangeError("pickupCodeFrom needs at least 4 random bytes");
  const n = ((bytes[0]! << 24) >>> 0) + (bytes[1]! << 16) + (bytes[2]! << 8) + bytes[3]!;
  return String(n % 1_000_000).padStart(6, "0");
}

/**
 * The menu a resident should see when no date is asked for: the earliest menu from today on
 * that still takes orders; else the earliest from today on (closed, so the widget can say
 * so); `undefined` when there is none from today on.
 *
 * @example
 * currentMenu([today, tomorrow], at18h00)?.date; // tomorrow's date: today's has closed
 */
export function currentMenu<M extends Menu>(menus: readonly M[], now: number): M | undefined {
  const upcoming = menus
    .filter((m) => m.date >= toZoned(now, m.timeZone).date)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return upcoming.find((m) => cutoffAt(m) > now) ?? upcoming[0];
}
