import * as z from "zod/mini";
import { firstDuplicateId, IdSchema } from "../common/ids.js";
import { ImageSchema } from "../common/image.js";
import { LocalizedTextSchema } from "../i18n/locale.js";
import { CurrencyCodeSchema } from "../money/currency.js";
import { NonNegativeMoneySchema } from "../money/money.js";
import {
  InstantSchema,
  IsoDateSchema,
  LocalTimeSchema,
  TimeZoneSchema,
  endAfterStart,
} from "../time/index.js";

/** One product on a day's menu. */
export const MenuItemSchema = /* @__PURE__ */ (() =>
  z.object({
    id: IdSchema,
    name: LocalizedTextSchema,
    description: z.optional(LocalizedTextSchema),
    photo: z.optional(ImageSchema),
    price: NonNegativeMoneySchema,
    /** How many are made for the day, across all orders. */
    stock: z.int().check(z.nonnegative()),
    /** How many one order may take. */
    perOrderLimit: z.int().check(z.positive()),
  }))();
export type MenuItem = z.infer<typeof MenuItemSchema>;

/**
 * When ordering closes: at an exact instant, or relative to the pickup date in the
 * menu's zone (`{ daysBefore: 1, time: "18:00" }` is 18:00 the day before).
 */
export const CutoffSchema = /* @__PURE__ */ (() =>
  z.discriminatedUnion("kind", [
    z.object({ kind: z.literal("absolute"), at: InstantSchema }),
    z.object({
      kind: z.literal("relative"),
      daysBefore: z.int().check(z.gte(0), z.lte(30)),
      time: LocalTimeSchema,
    }),
  ]))();
export type Cutoff = z.infer<typeof CutoffSchema>;

/** A window to collect orders at the hub, with how many orders it can take. */
export const PickupSlotSchema = /* @__PURE__ */ (() =>
  z
    .object({
      id: IdSchema,
      start: LocalTimeSchema,
      end: LocalTimeSchema,
      /** Orders (not items) the slot can hand out. */
      capacity: z.int().check(z.nonnegative()),
    })
    .check(endAfterStart()))();
export type PickupSlot = z.infer<typeof PickupSlotSchema>;

/** A group's menu for one pickup date: items, cut-off and pickup slots. */
export const MenuSchema = /* @__PURE__ */ (() =>
  z
    .object({
      id: IdSchema,
      groupId: IdSchema,
      hubId: IdSchema,
      /** The pickup date, in the menu's zone. */
      date: IsoDateSchema,
      timeZone: TimeZoneSchema,
      currency: CurrencyCodeSchema,
      items: z.array(MenuItemSchema).check(z.minLength(1)),
      cutoff: CutoffSchema,
      /** Ordering opens at this instant; before it the menu is shown but closed. */
      opensAt: z.optional(InstantSchema),
      slots: z.array(PickupSlotSchema).check(z.minLength(1)),
      pickupLocation: z.optional(LocalizedTextSchema),
    })
    .check(
      z.superRefine((menu, ctx) => {
        const dupItem = firstDuplicateId(menu.items);
        if (dupItem)
          ctx.issues.push({
            code: "custom",
            message: "DUPLICATE_ID",
            path: ["items", dupItem.index, "id"],
            input: dupItem.id,
          });
        const dupSlot = firstDuplicateId(menu.slots);
        if (dupSlot)
          ctx.issues.push({
            code: "custom",
            message: "DUPLICATE_ID",
            path: ["slots", dupSlot.index, "id"],
            input: dupSlot.id,
          });
        menu.items.forEach((item, i) => {
          if (item.price.currency !== menu.currency) {
            ctx.issues.push({
              code: "custom",
              message: "CURRENCY_MISMATCH",
              params: { expected: menu.currency, actual: item.price.currency },
              path: ["items", i, "price", "currency"],
              input: item.price.currency,
            });
          }
        });
      }),
    ))();
export type Menu = z.infer<typeof MenuSchema>;
