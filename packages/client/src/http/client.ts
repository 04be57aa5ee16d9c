import { publicRoutes } from "@linli/core";
import type { LinliStore } from "../store.js";
import { createTransport, signalOf, type ClientOptions } from "./transport.js";

export type { ClientOptions };

/**
 * A `LinliStore` over the Linli HTTP API (`@linli/server`).
 *
 * - Every call is built from the core route table and every 2xx answer is checked against
 *   the route's response schema: an answer the contract does not define is a
 *   `LinliClientError` of kind `server` and code `INVALID_RESPONSE`.
 * - Every failure is a `LinliClientError`: the server's error body (`kind` from the status,
 *   `code`, messages in zh-CN and en, `issues` with field paths), or `network`, `timeout`
 *   (per attempt, `timeoutMs`) and `aborted` (the call's `signal`; the request is cancelled
 *   and nothing is retried).
 * - Reads, and creates that carry an idempotency key (`placeOrder`, `submitApplication`),
 *   are retried after network errors, time-outs, 429 and 5xx, with exponential backoff and
 *   jitter, and after the `Retry-After` the server asks for (up to 10 s; longer ends the
 *   call). Every retry of a create sends the same `Idempotency-Key`, so an order is never
 *   placed twice. A 4xx other than 429 is never retried, nor is a POST without a key.
 *
 * @example
 * ```ts
 * import { createClient, LinliClientError } from "@linli/client";
 *
 * const store = createClient({ baseUrl: "https://api.example.gov.cn", timeoutMs: 8_000 });
 * const { menu, availability } = await store.getMenu("three-moms-baking");
 *
 * const idempotencyKey = crypto.randomUUID(); // one per order: reuse it if the resident retries
 * try {
 *   const receipt = await store.placeOrder(order, { idempotencyKey });
 *   show(receipt.pickupCode);
 * } catch (e) {
 *   if (!(e instanceof LinliClientError)) throw e;
 *   if (e.kind === "conflict") showBesideFields(e.fieldMessages("zh-CN")); // e.g. SOLD_OUT
 *   else if (e.retryable) offerRetry(e.messageIn("zh-CN")); // network, time-out, 429, 5xx
 *   else showError(e.messageIn("zh-CN"));
 * }
 * ```
 */
export function createClient(options: ClientOptions): LinliStore {
  const send = createTransport(options, publicRoutes, "createClient");
  return {
    getHub: (o) => send({ route: "getHub", ...signalOf(o) }),
    listGroups: async (query, o) =>
      (await send({ route: "listGroups", query: { ...query }, ...signalOf(o) })).groups,
    getGroup: (id, o) => send({ route: "getGroup", params: { id }, ...signalOf(o) }),
    getMenu: (groupId, query, o) =>
      send({ route: "getMenu", params: { id: groupId }, query: { ...query }, ...signalOf(o) }),
    placeOrder: (order, o) =>
      send({
        route: "placeOrder",
        body: order,
        idempotencyKey: o?.idempotencyKey,
        ...signalOf(o),
      }),
    getOrder: (id, pickupCode, o) =>
      send({ route: "getOrder", params: { id }, query: { code: pickupCode }, ...signalOf(o) }),
    getRecruitmentCall: (o) => send({ route: "getRecruitmentCall", ...signalOf(o) }),
    submitApplication: (application, o) =>
      send({
        route: "submitApplication",
        body: application,
        idempotencyKey: o?.idempotencyKey,
        ...signalOf(o),
      }),
    getMetrics: (query, o) => send({ route: "getMetrics", query: { ...query }, ...signalOf(o) }),
  };
}
