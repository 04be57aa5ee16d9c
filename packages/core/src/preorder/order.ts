import * as z from "zod/mini";
import { ConsentSchema } from "../common/consent.js";
import { fieldValidationMessages } from "../i18n/field-messages.js";
import { orderMessages } from "../i18n/messages.js";
import { IdSchema } from "../common/ids.js";
import { defineLifecycle } from "../lifecycle/lifecycle.js";
import { MoneySchema, NonNegativeMoneySchema } from "../money/money.js";
import { CnMobileSchema } from "../phone/phone.js";
import { InstantSchema } from "../time/schemas.js";

/** One line of an order: an item and how many. */
export const OrderLineSchema = /* @__PURE__ */ (() =>
  z.object({
    itemId: IdSchema,
    quantity: z.int().check(z.positive(), z.lte(999)),
  }))();
export type OrderLine = z.infer<typeof OrderLineSchema>;

/** Who collects the order. Personal data: only staff and the buyer see it. */
export const OrderContactSchema = /* @__PURE__ */ (() =>
  z.object({
    name: z.string().check(z.trim(), z.minLength(1), z.maxLength(50)),
    phone: CnMobileSchema,
  }))();
export type OrderContact = z.infer<typeof OrderContactSchema>;

/**
 * What a resident sends to preorder. The idempotency key makes a double click or a retry
 * produce one order: generate it once per attempt in the browser.
 */
export const OrderDraftSchema = /* @__PURE__ */ (() =>
  z.object({
    menuId: IdSchema,
    lines: z
      .array(OrderLineSchema)
      .check(z.minLength(1, { error: "EMPTY_ORDER" }), z.maxLength(50)),
    slotId: IdSchema,
    contact: OrderContactSchema,
    note: z.optional(z.string().check(z.trim(), z.maxLength(200))),
    consent: ConsentSchema,
    idempotencyKey: z.string().check(z.minLength(8), z.maxLength(128), z.regex(/^[\w.:-]+$/)),
  }))();

/**
 * Every message {@link OrderDraftSchema} can raise (the field messages, and the order rules'
 * `EMPTY_ORDER`): what a browser gives `validateIn` to word a draft's problems without the
 * whole catalogue.
 *
 * @example
 * validateIn(orderDraftMessages, OrderDraftSchema, { ...draft, lines: [] }); // issues: "Choose at least one item" at `lines`
 */
export const orderDraftMessages = /* @__PURE__ */ (() => ({
  ...fieldValidationMessages,
  ...orderMessages,
}))();
export type OrderDraft = z.infer<typeof OrderDraftSchema>;

/** An order's life: placed → confirmed → ready → collected, or cancelled / no-show. */
export const ORDER_STATUSES = [
  "placed",
  "confirmed",
  "ready",
  "collected",
  "cancelled",
  "no-show",
] as const;
export const OrderStatusSchema = /* @__PURE__ */ (() => z.enum(ORDER_STATUSES))();
export type OrderStatus = z.infer<typeof OrderStatusSchema>;

/**
 * The order lifecycle. Cancelling is possible until collection; a no-show can only follow
 * ready. Collected, cancelled and no-show are final.
 */
export const orderLifecycle = /* @__PURE__ */ (() =>
  defineLifecycle<OrderStatus>({
    name: "order",
    transitions: {
      placed: ["confirmed", "cancelled"],
      confirmed: ["ready", "cancelled"],
      ready: ["collected", "no-show", "cancelled"],
      collected: [],
      cancelled: [],
      "no-show": [],
    },
    labels: {
      placed: { "zh-CN": "已下单", en: "Placed" },
      confirmed: { "zh-CN": "已确认", en: "Confirmed" },
      ready: { "zh-CN": "待取货", en: "Ready to collect" },
      collected: { "zh-CN": "已取货", en: "Collected" },
      cancelled: { "zh-CN": "已取消", en: "Cancelled" },
      "no-show": { "zh-CN": "未取货", en: "Not collected" },
    },
  }))();

/** Moves an order's status, or refuses with a typed issue. */
export const transitionOrder = /* @__PURE__ */ (() => orderLifecycle.transition)();

/** Statuses whose items and slot no longer count against stock and capacity. */
export const RELEASING_STATUSES: readonly OrderStatus[] = ["cancelled"];

/** A priced line: the unit price is copied from the menu when the order is placed. */
export const PricedLineSchema = /* @__PURE__ */ (() =>
  z.object({
    itemId: IdSchema,
    quantity: z.int().check(z.positive()),
    unitPrice: NonNegativeMoneySchema,
    lineTotal: NonNegativeMoneySchema,
  }))();
export type PricedLine = z.infer<typeof PricedLineSchema>;

/** A placed order as stored. */
export const OrderSchema = /* @__PURE__ */ (() =>
  z.object({
    id: IdSchema,
    menuId: IdSchema,
    groupId: IdSchema,
    lines: z.array(PricedLineSchema).check(z.minLength(1)),
    total: MoneySchema,
    slotId: IdSchema,
    contact: OrderContactSchema,
    note: z.optional(z.string()),
    consent: ConsentSchema,
    idempotencyKey: z.string(),
    /** A short code the buyer shows at pickup. */
    pickupCode: z.string().check(z.regex(/^\d{6}$/)),
    status: OrderStatusSchema,
    placedAt: InstantSchema,
    updatedAt: InstantSchema,
  }))();
export type Order = z.infer<typeof OrderSchema>;
