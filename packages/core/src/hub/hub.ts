import * as z from "zod/mini";
import { IdSchema, SlugSchema } from "../common/ids.js";
import { LocalizedTextSchema } from "../i18n/locale.js";
import { TimeZoneSchema } from "../time/schemas.js";

/** What a hub offers the people who run groups and small businesses there. */
export const SUPPORT_KINDS = [
  "venue",
  "equipment",
  "operations",
  "mentoring",
  "training",
  "funding",
  "promotion",
] as const;
export const SupportKindSchema = /* @__PURE__ */ (() => z.enum(SUPPORT_KINDS))();
export type SupportKind = z.infer<typeof SupportKindSchema>;

export const SUPPORT_KIND_LABELS = {
  venue: { "zh-CN": "场地", en: "Venue" },
  equipment: { "zh-CN": "设备", en: "Equipment" },
  operations: { "zh-CN": "运营团队", en: "Operations team" },
  mentoring: { "zh-CN": "导师指导", en: "Mentoring" },
  training: { "zh-CN": "技能培训", en: "Training" },
  funding: { "zh-CN": "启动资金", en: "Start-up funding" },
  promotion: { "zh-CN": "宣传推广", en: "Promotion" },
} as const satisfies Record<SupportKind, { "zh-CN": string; en: string }>;

export const RoomSchema = /* @__PURE__ */ (() =>
  z.object({
    id: IdSchema,
    name: LocalizedTextSchema,
    floor: z.optional(z.int()),
    capacity: z.optional(z.int().check(z.positive())),
  }))();
export type Room = z.infer<typeof RoomSchema>;

export const EquipmentSchema = /* @__PURE__ */ (() =>
  z.object({
    id: IdSchema,
    name: LocalizedTextSchema,
    quantity: z.int().check(z.positive()),
    roomId: z.optional(IdSchema),
  }))();
export type Equipment = z.infer<typeof EquipmentSchema>;

export const SupportOfferSchema = /* @__PURE__ */ (() =>
  z.object({
    kind: SupportKindSchema,
    description: LocalizedTextSchema,
  }))();
export type SupportOffer = z.infer<typeof SupportOfferSchema>;

/**
 * A place that hosts groups and offers resources: rooms, equipment, staff support.
 * The seed's hub is the "red house", a three-storey service centre in Banshan.
 */
export const HubSchema = /* @__PURE__ */ (() =>
  z
    .object({
      id: IdSchema,
      slug: SlugSchema,
      name: LocalizedTextSchema,
      /** A short, familiar name residents use ("红房子"). */
      nickname: z.optional(LocalizedTextSchema),
      description: z.optional(LocalizedTextSchema),
      address: LocalizedTextSchema,
      timeZone: TimeZoneSchema,
      /** A public switchboard number of the hub, not a person's. */
      publicPhone: z.optional(z.string().check(z.maxLength(40))),
      rooms: z.array(RoomSchema),
      equipment: z.array(EquipmentSchema),
      supportOffers: z.array(SupportOfferSchema),
    })
    .check(
      z.superRefine((hub, ctx) => {
        const rooms = new Set(hub.rooms.map((r) => r.id));
        hub.equipment.forEach((e, i) => {
          if (e.roomId !== undefined && !rooms.has(e.roomId)) {
            ctx.issues.push({
              code: "custom",
              message: "UNKNOWN_REFERENCE",
              params: { target: { "zh-CN": "房间", en: "room" } },
              path: ["equipment", i, "roomId"],
              input: e.roomId,
            });
          }
        });
      }),
    ))();
export type Hub = z.infer<typeof HubSchema>;
