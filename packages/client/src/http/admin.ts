import {
  adminRoutes,
  type Application,
  type ApplicationStatus,
  type Group,
  type Menu,
  type Money,
  type Order,
  type OrderStatus,
  type Partner,
  type RecruitmentCall,
  type RefundSplit,
  type Roster,
  type Settlement,
  type SplitRuleSet,
} from "@linli/core";
import type { CallOptions, CreateOptions } from "../store.js";
import { createTransport, signalOf, type ClientOptions } from "./transport.js";

/** Options for {@link createAdminClient}: the client's, and the hub's admin key. */
export interface AdminClientOptions extends ClientOptions {
  /** The admin API key the server was started with (`LINLI_ADMIN_KEY`); sent as a bearer token. */
  readonly apiKey: string;
}

/**
 * What the hub's staff do through the Linli API's admin routes. Every method rejects with a
 * `LinliClientError`: `unauthorized` for a wrong key, `not-found` with the field that named
 * nothing, `conflict` (`TRANSITION_REFUSED`) for a status change the lifecycle does not
 * allow or another member of staff made first.
 */
export interface LinliAdmin {
  /** Applications, oldest first, optionally of one review status. */
  listApplications(
    query?: { readonly status?: ApplicationStatus },
    options?: CallOptions,
  ): Promise<Application[]>;
  /** Moves an application one step through review (submitted → reviewing → interview → …). */
  moveApplication(
    id: string,
    status: ApplicationStatus,
    options?: CallOptions,
  ): Promise<Application>;
  /** Marks an order confirmed, ready, collected (posting its sale), cancelled or no-show. */
  moveOrder(id: string, status: OrderStatus, options?: CallOptions): Promise<Order>;
  /** Refunds (part of) a collected order; the key makes a retry refund once. */
  refundOrder(id: string, amount: Money, options: CreateOptions): Promise<RefundSplit>;
  /** A group's pickup roster for a date (default today), as text for the group chat. */
  getRoster(
    groupId: string,
    query?: { readonly date?: string },
    options?: CallOptions,
  ): Promise<Roster>;
  putGroup(group: Group, options?: CallOptions): Promise<Group>;
  putMenu(menu: Menu, options?: CallOptions): Promise<Menu>;
  /** Replaces the current partner recruitment call. */
  putRecruitmentCall(call: RecruitmentCall, options?: CallOptions): Promise<RecruitmentCall>;
  /** Every partner, contact details included: for staff only. */
  listPartners(options?: CallOptions): Promise<Partner[]>;
  /** Creates or replaces a partner; `splitRuleSetId` gives their groups a split rule set. */
  putPartner(partner: Partner, options?: CallOptions): Promise<Partner>;
  /** Every split rule set, with all its versions. */
  listSplitRuleSets(options?: CallOptions): Promise<SplitRuleSet[]>;
  putSplitRuleSet(set: SplitRuleSet, options?: CallOptions): Promise<SplitRuleSet>;
  /** What one party of a rule set is owed for a month (`YYYY-MM`), from the ledger. */
  getSettlement(
    query: { readonly ruleSetId: string; readonly partyId: string; readonly period: string },
    options?: CallOptions,
  ): Promise<Settlement>;
}

/**
 * A typed client for the admin routes of the Linli HTTP API (`@linli/server`), for a staff
 * dashboard or a script. It sends requests as `createClient` does (response schemas checked,
 * typed errors, time-outs, `AbortSignal`), with the key in `Authorization`. Reads and `PUT`s
 * are retried after network errors, time-outs, 429 and 5xx, and so is a refund, which carries
 * an idempotency key; a status change is never resent, since a repeat would be refused.
 *
 * @example
 * ```ts
 * import { createAdminClient } from "@linli/client/admin";
 *
 * const admin = createAdminClient({
 *   baseUrl: "https://api.example.gov.cn",
 *   apiKey: process.env.LINLI_ADMIN_KEY!,
 * });
 * for (const a of await admin.listApplications({ status: "submitted" }))
 *   await admin.moveApplication(a.id, "reviewing");
 * const { text } = await admin.getRoster("three-moms-baking");
 * console.log(text); // paste into the group chat
 * ```
 */
export function createAdminClient(options: AdminClientOptions): LinliAdmin {
  const key = typeof options.apiKey === "string" ? options.apiKey.trim() : "";
  // A header carries printable ASCII only: fetch would throw a bare TypeError on every call.
  if (!/^[\x21-\x7e]+$/.test(key))
    throw new TypeError(
      "createAdminClient: apiKey must be the admin key, printable ASCII without spaces",
    );
  // The key is the one authorization: another given in `headers`, in any case, would be merged
  // into it and refused.
  const headers = Object.fromEntries(
    Object.entries(options.headers ?? {}).filter(
      ([name]) => name.toLowerCase() !== "authorization",
    ),
  );
  const send = createTransport(
    { ...options, headers: { ...headers, authorization: `Bearer ${key}` } },
    adminRoutes,
    "createAdminClient",
  );
  const put =
    <R extends "putGroup" | "putMenu" | "putPartner" | "putSplitRuleSet">(route: R) =>
    (doc: { readonly id: string }, o?: CallOptions) =>
      send({ route, params: { id: doc.id }, body: doc, ...signalOf(o) });
  return {
    listApplications: async (query, o) =>
      (await send({ route: "listApplications", query: { ...query }, ...signalOf(o) })).applications,
    moveApplication: (id, status, o) =>
      send({ route: "moveApplication", params: { id }, body: { status }, ...signalOf(o) }),
    moveOrder: (id, status, o) =>
      send({ route: "moveOrder", params: { id }, body: { status }, ...signalOf(o) }),
    refundOrder: (id, amount, o) =>
      send({
        route: "refundOrder",
        params: { id },
        body: { amount },
        idempotencyKey: o.idempotencyKey,
        ...signalOf(o),
      }),
    getRoster: (groupId, query, o) =>
      send({ route: "getRoster", params: { id: groupId }, query: { ...query }, ...signalOf(o) }),
    putGroup: put("putGroup"),
    putMenu: put("putMenu"),
    putRecruitmentCall: (call, o) =>
      send({ route: "putRecruitmentCall", body: call, ...signalOf(o) }),
    listPartners: async (o) => (await send({ route: "listPartners", ...signalOf(o) })).partners,
    putPartner: put("putPartner"),
    listSplitRuleSets: async (o) =>
      (await send({ route: "listSplitRuleSets", ...signalOf(o) })).ruleSets,
    putSplitRuleSet: put("putSplitRuleSet"),
    getSettlement: (query, o) =>
      send({ route: "getSettlement", query: { ...query }, ...signalOf(o) }),
  };
}
