import * as z from "zod/mini";
import { IdSchema } from "../common/ids.js";
import { issueIn, type LinliIssue } from "../common/issue.js";
import { metricsMessages } from "../i18n/messages.js";
import { GroupQuerySchema, GroupSchema } from "../groups/group.js";
import { HubSchema } from "../hub/hub.js";
import { BilingualTextSchema, LocalizedTextSchema, type BilingualText } from "../i18n/locale.js";
import { MetricsSnapshotSchema, MonthSchema } from "../metrics/schemas.js";
import { MoneySchema } from "../money/money.js";
import { PartnerSchema, PublicPartnerSchema } from "../partners/partner.js";
import { MenuSchema } from "../preorder/menu.js";
import {
  OrderDraftSchema,
  OrderSchema,
  OrderStatusSchema,
  PricedLineSchema,
} from "../preorder/order.js";
import { MenuAvailabilitySchema } from "../preorder/rules.js";
import {
  ApplicationInputSchema,
  ApplicationSchema,
  ApplicationStatusSchema,
  RecruitmentCallSchema,
} from "../recruitment/recruitment.js";
import { monthNumber } from "../split/columns.js";
import { SettlementSchema } from "../split/ledger.js";
import { RefundSplitSchema } from "../split/refund.js";
import { SplitRuleSetSchema } from "../split/rules.js";
import { InstantSchema, IsoDateSchema, LocalTimeSchema } from "../time/schemas.js";
import type { HttpErrorCode } from "./errors.js";

/** An idempotency key: generate one per attempt (a UUID), send it again on retry. */
export const IdempotencyKeySchema = /* @__PURE__ */ (() =>
  z.string().check(z.minLength(8), z.maxLength(128), z.regex(/^[\w.:-]+$/)))();

/** A group as public pages list it, with its organisers' public names. */
export const PublicGroupSchema = /* @__PURE__ */ (() =>
  z.extend(GroupSchema, {
    organisers: z.array(PublicPartnerSchema),
  }))();
export type PublicGroup = z.infer<typeof PublicGroupSchema>;

/** A menu with what is left of it now. */
export const MenuWithAvailabilitySchema = /* @__PURE__ */ (() =>
  z.object({
    menu: MenuSchema,
    availability: MenuAvailabilitySchema,
  }))();
export type MenuWithAvailability = z.infer<typeof MenuWithAvailabilitySchema>;

/** The order a resident sends; the idempotency key travels in the `Idempotency-Key` header. */
export const PlaceOrderBodySchema = /* @__PURE__ */ (() =>
  z.omit(OrderDraftSchema, { idempotencyKey: true }))();
export type PlaceOrderBody = z.infer<typeof PlaceOrderBodySchema>;

/** What the buyer gets back: enough to collect, and no personal data. */
export const OrderReceiptSchema = /* @__PURE__ */ (() =>
  z.object({
    id: IdSchema,
    menuId: IdSchema,
    groupId: IdSchema,
    /** Pickup date. */
    date: IsoDateSchema,
    lines: z.array(PricedLineSchema),
    total: MoneySchema,
    slot: z.object({ id: IdSchema, start: LocalTimeSchema, end: LocalTimeSchema }),
    pickupCode: z.string(),
    pickupLocation: z.optional(LocalizedTextSchema),
    status: OrderStatusSchema,
    placedAt: InstantSchema,
  }))();
export type OrderReceipt = z.infer<typeof OrderReceiptSchema>;

/** What an applicant gets back: a reference to quote and what happens next. */
export const ApplicationReceiptSchema = /* @__PURE__ */ (() =>
  z.object({
    id: IdSchema,
    reference: z.string(),
    status: ApplicationStatusSchema,
    submittedAt: InstantSchema,
    nextSteps: BilingualTextSchema,
  }))();
export type ApplicationReceipt = z.infer<typeof ApplicationReceiptSchema>;

/** Today's orders for a group as a roster an organiser can paste into the group chat. */
export const RosterSchema = /* @__PURE__ */ (() =>
  z.object({
    groupId: IdSchema,
    date: IsoDateSchema,
    /** Plain text, one line per order: slot, pickup code, masked phone, items. */
    text: z.string(),
    orders: z.array(OrderSchema),
  }))();
export type Roster = z.infer<typeof RosterSchema>;

type Schema = z.ZodMiniType;

/** One endpoint of the Linli HTTP API, as data: server routes and client calls both read it. */
export interface RouteDefinition {
  readonly method: "GET" | "POST" | "PUT";
  /** Path with `:param` segments. */
  readonly path: string;
  readonly auth: "public" | "admin";
  readonly summary: BilingualText;
  /** More than the summary says (limits, defaults), for the OpenAPI description. */
  readonly description?: BilingualText;
  readonly params?: Schema;
  readonly query?: Schema;
  readonly body?: Schema;
  /** Required request headers (lower-case names). */
  readonly headers?: Schema;
  readonly status: 200 | 201;
  readonly response: Schema;
  /** Error codes this route can answer with, besides VALIDATION_FAILED and INTERNAL. */
  readonly errors: readonly HttpErrorCode[];
}

const t = (zh: string, en: string): BilingualText => ({ "zh-CN": zh, en });
const byId = /* @__PURE__ */ (() => z.object({ id: IdSchema }))();

/**
 * The most months one metrics snapshot may cover, both ends included: five years. Each month
 * is computed for every metric's series, so an unbounded range (`0001-01` to `9999-12`) would
 * hold a server for seconds and hundreds of megabytes.
 */
export const MAX_METRICS_MONTHS = 60;

/**
 * `from` and `to` of a metrics request, when both are given, at most
 * {@link MAX_METRICS_MONTHS} apart. A server that fills in a missing end checks the range it
 * ends up with again.
 */
export const MetricsQuerySchema = /* @__PURE__ */ (() =>
  z
    .object({
      from: z.optional(
        MonthSchema.check(z.describe("First month, YYYY-MM; default five months before `to`")),
      ),
      to: z.optional(MonthSchema.check(z.describe("Last month, YYYY-MM; default this month"))),
    })
    .check(
      z.superRefine((q, ctx) => {
        if (q.from === undefined || q.to === undefined) return;
        const months = monthNumber(q.to) - monthNumber(q.from) + 1;
        if (months > MAX_METRICS_MONTHS)
          ctx.issues.push({
            code: "custom",
            message: "PERIOD_TOO_LONG",
            params: { maximum: MAX_METRICS_MONTHS, months, from: q.from, to: q.to },
            path: ["to"],
            input: q.to,
          });
      }),
    ))();
export type MetricsQuery = z.infer<typeof MetricsQuerySchema>;

/**
 * Why a metrics period is too long for one request, at the query parameter the caller gave
 * (`path`), or `undefined` when it is not: for a server that filled in the other end.
 *
 * @example
 * metricsPeriodIssue("0001-01", "2026-12", "from")?.code; // "PERIOD_TOO_LONG"
 */
export function metricsPeriodIssue(
  from: string,
  to: string,
  path: "from" | "to",
): LinliIssue | undefined {
  const months = monthNumber(to) - monthNumber(from) + 1;
  if (months <= MAX_METRICS_MONTHS) return undefined;
  return issueIn(
    metricsMessages,
    "PERIOD_TOO_LONG",
    { maximum: MAX_METRICS_MONTHS, months, from, to },
    path,
    {
      maximum: MAX_METRICS_MONTHS,
    },
  );
}

/**
 * The public routes: what the widgets call, and all that `@linli/client` knows (so a page
 * never downloads the admin routes' schemas).
 */
export const publicRoutes = /* @__PURE__ */ (() =>
  ({
    getHub: {
      method: "GET",
      path: "/v1/hub",
      auth: "public",
      summary: t("获取服务中心信息", "Get the hub"),
      status: 200,
      response: HubSchema,
      errors: [],
    },
    listGroups: {
      method: "GET",
      path: "/v1/groups",
      auth: "public",
      summary: t("列出社群", "List groups"),
      query: GroupQuerySchema,
      status: 200,
      response: z.object({ groups: z.array(PublicGroupSchema) }),
      errors: [],
    },
    getGroup: {
      method: "GET",
      path: "/v1/groups/:id",
      auth: "public",
      summary: t("获取一个社群", "Get a group"),
      params: byId,
      status: 200,
      response: PublicGroupSchema,
      errors: ["NOT_FOUND"],
    },
    getMenu: {
      method: "GET",
      path: "/v1/groups/:id/menu",
      auth: "public",
      summary: t("获取社群当前的菜单和余量", "Get a group's current menu with live availability"),
      params: byId,
      query: z.object({ date: z.optional(IsoDateSchema) }),
      status: 200,
      response: MenuWithAvailabilitySchema,
      errors: ["NOT_FOUND"],
    },
    placeOrder: {
      method: "POST",
      path: "/v1/orders",
      auth: "public",
      summary: t("预订（需带 Idempotency-Key）", "Place an order (with an Idempotency-Key header)"),
      headers: z.object({ "idempotency-key": IdempotencyKeySchema }),
      body: PlaceOrderBodySchema,
      status: 201,
      response: OrderReceiptSchema,
      errors: [
        "NOT_FOUND",
        "SOLD_OUT",
        "INSUFFICIENT_STOCK",
        "SLOT_FULL",
        "PER_ORDER_LIMIT",
        "CUTOFF_PASSED",
        "NOT_YET_OPEN",
        "IDEMPOTENCY_KEY_REUSED",
        "RATE_LIMITED",
        "PAYLOAD_TOO_LARGE",
        "UNSUPPORTED_MEDIA_TYPE",
        "INVALID_JSON",
      ],
    },
    getOrder: {
      method: "GET",
      path: "/v1/orders/:id",
      auth: "public",
      summary: t("凭取货码查看订单", "Get an order by its id and pickup code"),
      params: byId,
      query: z.object({ code: z.string().check(z.regex(/^\d{6}$/)) }),
      status: 200,
      response: OrderReceiptSchema,
      errors: ["NOT_FOUND"],
    },
    getRecruitmentCall: {
      method: "GET",
      path: "/v1/recruitment",
      auth: "public",
      summary: t("获取合伙人招募令", "Get the partner recruitment call"),
      status: 200,
      response: RecruitmentCallSchema,
      errors: ["NOT_FOUND"],
    },
    submitApplication: {
      method: "POST",
      path: "/v1/applications",
      auth: "public",
      summary: t("提交合伙人申请", "Submit a partner application"),
      headers: z.object({ "idempotency-key": z.optional(IdempotencyKeySchema) }),
      body: ApplicationInputSchema,
      status: 201,
      response: ApplicationReceiptSchema,
      errors: [
        "NOT_FOUND",
        "APPLICATIONS_NOT_OPEN",
        "APPLICATIONS_CLOSED",
        "IDEMPOTENCY_KEY_REUSED",
        "RATE_LIMITED",
        "PAYLOAD_TOO_LARGE",
        "UNSUPPORTED_MEDIA_TYPE",
        "INVALID_JSON",
      ],
    },
    getMetrics: {
      method: "GET",
      path: "/v1/metrics",
      auth: "public",
      summary: t("获取共富指标快照", "Get the co-prosperity metrics snapshot"),
      description: t(
        `默认为截至本月的六个月；一次最多 ${MAX_METRICS_MONTHS} 个月（含首尾），超出时返回 400 VALIDATION_FAILED。`,
        `Six months up to this month by default; at most ${MAX_METRICS_MONTHS} months (both ends included) at once, else 400 VALIDATION_FAILED.`,
      ),
      query: MetricsQuerySchema,
      status: 200,
      response: MetricsSnapshotSchema,
      errors: [],
    },
  }) as const satisfies Record<string, RouteDefinition>)();

/**
 * The admin routes (`Authorization: Bearer <key>`): reviewing applications, moving and
 * refunding orders, the roster, and managing groups, menus, partners and split rule sets.
 */
export const adminRoutes = /* @__PURE__ */ (() =>
  ({
    listApplications: {
      method: "GET",
      path: "/v1/admin/applications",
      auth: "admin",
      summary: t("列出申请", "List applications"),
      query: z.object({ status: z.optional(ApplicationStatusSchema) }),
      status: 200,
      response: z.object({ applications: z.array(ApplicationSchema) }),
      errors: ["UNAUTHORIZED"],
    },
    moveApplication: {
      method: "POST",
      path: "/v1/admin/applications/:id/status",
      auth: "admin",
      summary: t("推进申请审核", "Move an application through review"),
      params: byId,
      body: z.object({ status: ApplicationStatusSchema }),
      status: 200,
      response: ApplicationSchema,
      errors: ["UNAUTHORIZED", "NOT_FOUND", "TRANSITION_REFUSED"],
    },
    moveOrder: {
      method: "POST",
      path: "/v1/admin/orders/:id/status",
      auth: "admin",
      summary: t(
        "更新订单状态（备好、已取、未取）",
        "Mark an order ready, collected or not collected",
      ),
      params: byId,
      body: z.object({ status: OrderStatusSchema }),
      status: 200,
      response: OrderSchema,
      errors: ["UNAUTHORIZED", "NOT_FOUND", "TRANSITION_REFUSED"],
    },
    refundOrder: {
      method: "POST",
      path: "/v1/admin/orders/:id/refunds",
      auth: "admin",
      summary: t("为已取货的订单退款", "Refund a collected order"),
      params: byId,
      headers: z.object({ "idempotency-key": IdempotencyKeySchema }),
      body: z.object({ amount: MoneySchema }),
      status: 201,
      response: RefundSplitSchema,
      errors: ["UNAUTHORIZED", "NOT_FOUND", "TRANSITION_REFUSED", "IDEMPOTENCY_KEY_REUSED"],
    },
    getRoster: {
      method: "GET",
      path: "/v1/admin/groups/:id/roster",
      auth: "admin",
      summary: t(
        "当天取货名单（可贴到群里）",
        "Today's pickup roster, ready to paste into the group chat",
      ),
      params: byId,
      query: z.object({ date: z.optional(IsoDateSchema) }),
      status: 200,
      response: RosterSchema,
      errors: ["UNAUTHORIZED", "NOT_FOUND"],
    },
    putGroup: {
      method: "PUT",
      path: "/v1/admin/groups/:id",
      auth: "admin",
      summary: t("新建或更新社群", "Create or update a group"),
      params: byId,
      body: GroupSchema,
      status: 200,
      response: GroupSchema,
      errors: ["UNAUTHORIZED"],
    },
    putMenu: {
      method: "PUT",
      path: "/v1/admin/menus/:id",
      auth: "admin",
      summary: t("发布或更新菜单", "Publish or update a menu"),
      params: byId,
      body: MenuSchema,
      status: 200,
      response: MenuSchema,
      errors: ["UNAUTHORIZED", "NOT_FOUND"],
    },
    putRecruitmentCall: {
      method: "PUT",
      path: "/v1/admin/recruitment",
      auth: "admin",
      summary: t("发布或更新合伙人招募令", "Publish or update the partner recruitment call"),
      description: t(
        "替换当前的招募令；此后的申请须填写新招募令的 callId，并同意它的隐私说明版本。",
        "Replaces the current call: later applications must name its callId and consent to its privacy notice version.",
      ),
      body: RecruitmentCallSchema,
      status: 200,
      response: RecruitmentCallSchema,
      errors: ["UNAUTHORIZED", "NOT_FOUND"],
    },
    listPartners: {
      method: "GET",
      path: "/v1/admin/partners",
      auth: "admin",
      summary: t("列出合伙人（含联系方式）", "List partners, with their contact details"),
      status: 200,
      response: z.object({ partners: z.array(PartnerSchema) }),
      errors: ["UNAUTHORIZED"],
    },
    putPartner: {
      method: "PUT",
      path: "/v1/admin/partners/:id",
      auth: "admin",
      summary: t("新建或更新合伙人", "Create or update a partner"),
      description: t(
        "合伙人的 splitRuleSetId 决定其社群订单取货后按哪套分账规则入账；所引用的社群和分账规则必须已存在，否则返回 404；保存时，这套规则须给这位合伙人或其社群的主理人分账，否则返回 400（RULE_SET_NOT_THEIRS）。",
        "A partner's splitRuleSetId is the rule set their groups' collected orders are split under. The groups and the rule set it names must exist, else 404; when the partner is saved, the set must pay them or an organiser of one of their groups, else 400 (RULE_SET_NOT_THEIRS).",
      ),
      params: byId,
      body: PartnerSchema,
      status: 200,
      response: PartnerSchema,
      errors: ["UNAUTHORIZED", "NOT_FOUND"],
    },
    listSplitRuleSets: {
      method: "GET",
      path: "/v1/admin/split-rule-sets",
      auth: "admin",
      summary: t("列出分账规则", "List split rule sets"),
      status: 200,
      response: z.object({ ruleSets: z.array(SplitRuleSetSchema) }),
      errors: ["UNAUTHORIZED"],
    },
    putSplitRuleSet: {
      method: "PUT",
      path: "/v1/admin/split-rule-sets/:id",
      auth: "admin",
      summary: t("新建或更新分成规则", "Create or update a split rule set"),
      params: byId,
      body: SplitRuleSetSchema,
      status: 200,
      response: SplitRuleSetSchema,
      errors: ["UNAUTHORIZED"],
    },
    getSettlement: {
      method: "GET",
      path: "/v1/admin/settlements",
      auth: "admin",
      summary: t("获取参与方某期的结算单", "Get a party's settlement statement for a period"),
      query: z.object({ ruleSetId: IdSchema, partyId: IdSchema, period: MonthSchema }),
      status: 200,
      response: SettlementSchema,
      errors: ["UNAUTHORIZED", "NOT_FOUND"],
    },
  }) as const satisfies Record<string, RouteDefinition>)();

/**
 * The Linli HTTP API. Public routes serve the widgets; admin routes (`Authorization: Bearer
 * <key>`) serve staff. Bodies are JSON; every error is an {@link ErrorBodySchema}.
 */
export const routes = /* @__PURE__ */ (() => ({ ...publicRoutes, ...adminRoutes }))();

export type RouteId = keyof typeof routes;

/**
 * A route's path with its parameters filled in (URI-encoded). It takes the route itself, not
 * its id, so a caller that knows only the public routes bundles only those.
 *
 * @example
 * routePath(routes.getMenu, { id: "three-moms-baking" }); // "/v1/groups/three-moms-baking/menu"
 */
export function routePath(
  route: Pick<RouteDefinition, "path">,
  params: Readonly<Record<string, string>> = {},
): string {
  return route.path.replace(/:(\w+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new RangeError(`routePath(${route.path}): missing :${name}`);
    return encodeURIComponent(value);
  });
}
