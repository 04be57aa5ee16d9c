import * as z from "zod/mini";
import { IdSchema } from "../common/ids.js";
import { LocalizedTextSchema } from "../i18n/locale.js";
import { IsoDateSchema } from "../time/schemas.js";

/** Who raised a request (诉求): a resident, a firm or a group. */
export const RequesterKindSchema = /* @__PURE__ */ (() => z.enum(["resident", "firm", "group"]))();
export type RequesterKind = z.infer<typeof RequesterKindSchema>;

export const REQUEST_CATEGORIES = [
  "employment",
  "childcare",
  "education",
  "elder-care",
  "safety",
  "environment",
  "business",
  "technical",
  "talent",
  "other",
] as const;
export const RequestCategorySchema = /* @__PURE__ */ (() => z.enum(REQUEST_CATEGORIES))();
export type RequestCategory = z.infer<typeof RequestCategorySchema>;

export const REQUEST_CATEGORY_LABELS = {
  employment: { "zh-CN": "就业", en: "Jobs" },
  childcare: { "zh-CN": "托育", en: "Childcare" },
  education: { "zh-CN": "入学教育", en: "School places" },
  "elder-care": { "zh-CN": "养老", en: "Elder care" },
  safety: { "zh-CN": "平安", en: "Safety" },
  environment: { "zh-CN": "环境", en: "Environment" },
  business: { "zh-CN": "经营", en: "Business" },
  technical: { "zh-CN": "技术攻关", en: "Technical problems" },
  talent: { "zh-CN": "人才", en: "Talent" },
  other: { "zh-CN": "其他", en: "Other" },
} as const satisfies Record<RequestCategory, { "zh-CN": string; en: string }>;

export const RequestOutcomeSchema = /* @__PURE__ */ (() =>
  z.enum(["resolved", "referred", "declined", "withdrawn"]))();
export type RequestOutcome = z.infer<typeof RequestOutcomeSchema>;

/**
 * A request (诉求) raised with a hub, a street office or an alliance: a resident's need, a
 * firm's problem, a group's ask. Metrics count those received and resolved.
 */
export const RequestSchema = /* @__PURE__ */ (() =>
  z
    .object({
      id: IdSchema,
      /** The programme that received it: a hub id or another scope such as an alliance. */
      scope: IdSchema,
      raisedBy: z.object({ kind: RequesterKindSchema, id: z.optional(IdSchema) }),
      category: RequestCategorySchema,
      summary: z.optional(LocalizedTextSchema),
      receivedOn: IsoDateSchema,
      resolvedOn: z.optional(IsoDateSchema),
      outcome: z.optional(RequestOutcomeSchema),
    })
    .check(
      z.superRefine((r, ctx) => {
        if (r.resolvedOn !== undefined && r.resolvedOn < r.receivedOn) {
          ctx.issues.push({
            code: "custom",
            message: "RESOLVED_BEFORE_RECEIVED",
            path: ["resolvedOn"],
            input: r.resolvedOn,
          });
        }
      }),
    ))();
export type Request = z.infer<typeof RequestSchema>;
