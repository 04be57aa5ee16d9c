import * as z from "zod/mini";
import { ConsentSchema } from "../common/consent.js";
import { issueIn, type LinliIssue } from "../common/issue.js";
import { recruitmentMessages } from "../i18n/messages.js";
import type { Result } from "../common/result.js";
import { IdSchema } from "../common/ids.js";
import { GroupCategorySchema } from "../groups/group.js";
import { SupportKindSchema, SupportOfferSchema } from "../hub/hub.js";
import { LocalizedTextSchema } from "../i18n/locale.js";
import { defineLifecycle } from "../lifecycle/lifecycle.js";
import { CohortSchema } from "../partners/partner.js";
import { CnMobileSchema } from "../phone/phone.js";
import { formatDateTimeBilingual } from "../time/format.js";
import { InstantSchema } from "../time/schemas.js";

/** A public call for partners: what the hub offers and what it asks of applicants. */
export const RecruitmentCallSchema = /* @__PURE__ */ (() =>
  z
    .object({
      id: IdSchema,
      hubId: IdSchema,
      title: LocalizedTextSchema,
      /** The call's own words, e.g. "我们有场地、设备、运营团队，招募带有金点子的你。" */
      pitch: LocalizedTextSchema,
      offers: z.array(SupportOfferSchema).check(z.minLength(1)),
      asks: z.array(LocalizedTextSchema),
      categories: z.array(GroupCategorySchema).check(z.minLength(1)),
      opensAt: InstantSchema,
      deadline: z.optional(InstantSchema),
      privacyPolicy: z.object({
        version: z.string().check(z.minLength(1), z.maxLength(40)),
        url: z.string().check(z.minLength(1), z.maxLength(2048)),
      }),
    })
    .check(
      // A deadline at or before the opening would close the call before it ever opened.
      z.superRefine((c, ctx) => {
        if (c.deadline !== undefined && Date.parse(c.deadline) <= Date.parse(c.opensAt))
          ctx.issues.push({
            code: "custom",
            message: "DEADLINE_BEFORE_OPENING",
            path: ["deadline"],
            input: c.deadline,
          });
      }),
    ))();
export type RecruitmentCall = z.infer<typeof RecruitmentCallSchema>;

export const AVAILABILITY = ["weekdays", "evenings", "weekends"] as const;
export const AvailabilitySchema = /* @__PURE__ */ (() => z.enum(AVAILABILITY))();
export type Availability = z.infer<typeof AvailabilitySchema>;

export const AVAILABILITY_LABELS = {
  weekdays: { "zh-CN": "工作日白天", en: "Weekday daytimes" },
  evenings: { "zh-CN": "晚上", en: "Evenings" },
  weekends: { "zh-CN": "周末", en: "Weekends" },
} as const satisfies Record<Availability, { "zh-CN": string; en: string }>;

const text = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));

/** Upper bound of an idea's description, in characters. A form shows a count against it. */
export const IDEA_DESCRIPTION_MAX = 2000;

/**
 * What an applicant sends: their details, their golden idea (金点子), and consent. This is
 * what the recruitment form validates in the browser and the server validates again.
 */
export const ApplicationInputSchema = /* @__PURE__ */ (() =>
  z.object({
    callId: IdSchema,
    applicant: z.object({
      name: text(50),
      phone: CnMobileSchema,
      community: text(80),
    }),
    /** Optional: asked so the programme can report who it reaches. */
    cohort: z.optional(CohortSchema),
    idea: z.object({
      title: text(80),
      description: z.string().check(z.trim(), z.minLength(10), z.maxLength(IDEA_DESCRIPTION_MAX)),
    }),
    category: GroupCategorySchema,
    skills: z.array(text(40)).check(z.maxLength(20)),
    availability: z.array(AvailabilitySchema).check(z.minLength(1)),
    supportNeeded: z.array(SupportKindSchema),
    consent: ConsentSchema,
  }))();
export type ApplicationInput = z.infer<typeof ApplicationInputSchema>;

/**
 * Where `now` (epoch ms) falls in a call's dates: `"not-open"` before its `opensAt`,
 * `"closed"` after its `deadline`, else `"open"`. The one rule for the server, the embedded
 * store and the recruitment form alike.
 *
 * @example
 * callWindow(recruitmentCall, Date.parse("2027-01-05T09:00:00+08:00")); // "closed"
 */
export function callWindow(
  call: Pick<RecruitmentCall, "opensAt" | "deadline">,
  now: number,
): "not-open" | "open" | "closed" {
  if (now < Date.parse(call.opensAt)) return "not-open";
  if (call.deadline !== undefined && now > Date.parse(call.deadline)) return "closed";
  return "open";
}

/**
 * Whether a call takes an application at `now` (epoch ms): not before the call opens, not
 * after its deadline ({@link callWindow}), and only with consent to the call's current
 * privacy notice. Server and embedded store both ask this, so they refuse the same
 * applications.
 *
 * @returns the input, or `APPLICATIONS_NOT_OPEN` / `APPLICATIONS_CLOSED` (409) at `callId`
 * and `POLICY_VERSION_MISMATCH` (400) at `consent.policyVersion`.
 * @example
 * const r = checkApplication(call, input, Date.now(), "Asia/Shanghai");
 * if (!r.ok) r.error[0]?.code; // "APPLICATIONS_CLOSED"
 */
export function checkApplication(
  call: RecruitmentCall,
  input: ApplicationInput,
  now: number,
  timeZone: string,
): Result<ApplicationInput, LinliIssue[]> {
  const problems: LinliIssue[] = [];
  const window = callWindow(call, now);
  if (window === "not-open")
    problems.push(
      issueIn(
        recruitmentMessages,
        "APPLICATIONS_NOT_OPEN",
        { opensAt: formatDateTimeBilingual(Date.parse(call.opensAt), timeZone) },
        "callId",
        { opensAt: call.opensAt },
      ),
    );
  if (window === "closed")
    problems.push(
      issueIn(
        recruitmentMessages,
        "APPLICATIONS_CLOSED",
        { deadline: formatDateTimeBilingual(Date.parse(call.deadline!), timeZone) },
        "callId",
        { deadline: call.deadline! },
      ),
    );
  if (input.consent.policyVersion !== call.privacyPolicy.version)
    problems.push(
      issueIn(
        recruitmentMessages,
        "POLICY_VERSION_MISMATCH",
        { expected: call.privacyPolicy.version },
        "consent.policyVersion",
        { expected: call.privacyPolicy.version },
      ),
    );
  return problems.length === 0 ? { ok: true, value: input } : { ok: false, error: problems };
}

/** Review states of an application. */
export const APPLICATION_STATUSES = [
  "submitted",
  "reviewing",
  "interview",
  "accepted",
  "declined",
  "onboarded",
] as const;
export const ApplicationStatusSchema = /* @__PURE__ */ (() => z.enum(APPLICATION_STATUSES))();
export type ApplicationStatus = z.infer<typeof ApplicationStatusSchema>;

/**
 * Application review: submitted → reviewing → interview → accepted | declined → onboarded.
 * Staff may accept or decline straight from reviewing; onboarded and declined are final.
 */
export const applicationLifecycle = /* @__PURE__ */ (() =>
  defineLifecycle<ApplicationStatus>({
    name: "application",
    transitions: {
      submitted: ["reviewing", "declined"],
      reviewing: ["interview", "accepted", "declined"],
      interview: ["accepted", "declined"],
      accepted: ["onboarded", "declined"],
      declined: [],
      onboarded: [],
    },
    labels: {
      submitted: { "zh-CN": "已提交", en: "Submitted" },
      reviewing: { "zh-CN": "审核中", en: "In review" },
      interview: { "zh-CN": "待面谈", en: "Interview" },
      accepted: { "zh-CN": "已通过", en: "Accepted" },
      declined: { "zh-CN": "未通过", en: "Declined" },
      onboarded: { "zh-CN": "已入驻", en: "Onboarded" },
    },
  }))();

/** Moves an application's review status, or refuses with a typed issue. */
export const transitionApplication = /* @__PURE__ */ (() => applicationLifecycle.transition)();

/** A stored application: the input plus its reference and review state. */
export const ApplicationSchema = /* @__PURE__ */ (() =>
  z.extend(ApplicationInputSchema, {
    id: IdSchema,
    /** A short reference the applicant can quote, e.g. "HZ-2026-0042". */
    reference: z.string().check(z.minLength(1), z.maxLength(32)),
    status: ApplicationStatusSchema,
    submittedAt: InstantSchema,
    updatedAt: InstantSchema,
  }))();
export type Application = z.infer<typeof ApplicationSchema>;
