import * as z from "zod/mini";
import { IdSchema } from "../common/ids.js";
import { LocalizedTextSchema } from "../i18n/locale.js";
import { SupportKindSchema } from "../hub/hub.js";
import { NonNegativeMoneySchema } from "../money/money.js";
import { maskName, maskPhone, CnMobileSchema } from "../phone/phone.js";
import { IsoDateSchema } from "../time/schemas.js";

/** What a partner does in the programme. One person may hold several roles. */
export const PARTNER_ROLES = [
  "organiser",
  "co-founder",
  "mentor",
  "helper",
  "volunteer",
  "staff",
] as const;
export const PartnerRoleSchema = /* @__PURE__ */ (() => z.enum(PARTNER_ROLES))();
export type PartnerRole = z.infer<typeof PartnerRoleSchema>;

export const PARTNER_ROLE_LABELS = {
  organiser: { "zh-CN": "主理人", en: "Organiser" },
  "co-founder": { "zh-CN": "合伙人", en: "Co-founder" },
  mentor: { "zh-CN": "导师", en: "Mentor" },
  helper: { "zh-CN": "帮帮团成员", en: "Helper" },
  volunteer: { "zh-CN": "志愿者", en: "Volunteer" },
  staff: { "zh-CN": "工作人员", en: "Staff" },
} as const satisfies Record<PartnerRole, { "zh-CN": string; en: string }>;

/** Cohorts the programmes report on. */
export const COHORTS = [
  "full-time-mother",
  "unemployed-youth",
  "retiree",
  "new-employment-worker",
  "other",
] as const;
export const CohortSchema = /* @__PURE__ */ (() => z.enum(COHORTS))();
export type Cohort = z.infer<typeof CohortSchema>;

export const COHORT_LABELS = {
  "full-time-mother": { "zh-CN": "全职妈妈", en: "Full-time mother" },
  "unemployed-youth": { "zh-CN": "失业青年", en: "Young person out of work" },
  retiree: { "zh-CN": "退休老人", en: "Retiree" },
  "new-employment-worker": {
    "zh-CN": "新就业群体",
    en: "New-employment worker (e.g. delivery rider)",
  },
  other: { "zh-CN": "其他", en: "Other" },
} as const satisfies Record<Cohort, { "zh-CN": string; en: string }>;

/** Personal contact details. Never shown publicly unmasked; see {@link toPublicPartner}. */
export const PartnerContactSchema = /* @__PURE__ */ (() =>
  z.object({
    phone: CnMobileSchema,
    wechatId: z.optional(z.string().check(z.maxLength(40))),
  }))();
export type PartnerContact = z.infer<typeof PartnerContactSchema>;

/** A piece of support the hub gave, from a date. */
export const SupportReceivedSchema = /* @__PURE__ */ (() =>
  z.object({
    kind: SupportKindSchema,
    since: IsoDateSchema,
    note: z.optional(LocalizedTextSchema),
  }))();
export type SupportReceived = z.infer<typeof SupportReceivedSchema>;

/** Monthly income before joining, the baseline income uplift is measured against. */
export const IncomeBaselineSchema = /* @__PURE__ */ (() =>
  z.object({
    monthly: NonNegativeMoneySchema,
    recordedOn: IsoDateSchema,
  }))();
export type IncomeBaseline = z.infer<typeof IncomeBaselineSchema>;

/**
 * A partner (合伙人): a resident or new-employment worker who runs an activity or a small
 * business with a hub's support, or a mentor, helper or staff member.
 */
export const PartnerSchema = /* @__PURE__ */ (() =>
  z.object({
    id: IdSchema,
    /** Personal data. */
    name: z.string().check(z.trim(), z.minLength(1), z.maxLength(50)),
    /** A public display name the partner chose (e.g. "胡老师"), shown instead of the masked name. */
    displayName: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(50))),
    roles: z.array(PartnerRoleSchema).check(z.minLength(1)),
    cohorts: z.array(CohortSchema),
    contact: PartnerContactSchema,
    hubId: IdSchema,
    groupIds: z.array(IdSchema),
    supportReceived: z.array(SupportReceivedSchema),
    incomeBaseline: z.optional(IncomeBaselineSchema),
    /** The revenue-split rule set that applies to this partner's sales. */
    splitRuleSetId: z.optional(IdSchema),
    joinedOn: IsoDateSchema,
    leftOn: z.optional(IsoDateSchema),
  }))();
export type Partner = z.infer<typeof PartnerSchema>;

/** What anyone may see of a partner: no phone, no full name, no income. */
export const PublicPartnerSchema = /* @__PURE__ */ (() =>
  z.object({
    id: IdSchema,
    /** The chosen display name, or the masked name ("胡**"). */
    name: z.string(),
    roles: z.array(PartnerRoleSchema),
    groupIds: z.array(IdSchema),
  }))();
export type PublicPartner = z.infer<typeof PublicPartnerSchema>;

/**
 * A partner as public pages and endpoints may show them.
 *
 * @example
 * toPublicPartner(huYanling).name; // "胡**"
 */
export function toPublicPartner(p: Partner): PublicPartner {
  return {
    id: p.id,
    name: p.displayName ?? maskName(p.name),
    roles: p.roles,
    groupIds: p.groupIds,
  };
}

/** A partner's phone masked for staff lists that are seen over a shoulder. */
export function maskedPhoneOf(p: Partner): string {
  return maskPhone(p.contact.phone);
}
