import {
  ErrorBodySchema,
  routePath,
  publicRoutes,
  validate,
  type LinliIssue,
  type RouteDefinition,
  type PublicRouteId,
} from "@linli/core";
import { LinliClientError } from "../errors.js";
import type { CallOptions, LinliStore } from "../store.js";
import { fetchOnce, type HttpRequest } from "./fetch.js";
import { backoffMs, isRetryableStatus, MAX_RETRY_AFTER_MS, retryAfterMs, sleep } from "./retry.js";

/** Options for {@link createClient}. */
export interface ClientOptions {
  /**
   * Where the Linli API is, e.g. `https://api.example.gov.cn` (no trailing `/v1`). A path
   * prefix (`https://example.gov.cn/linli`) is kept; a trailing `/` is dropped.
   */
  readonly baseUrl: string;
  /** A fetch to use instead of the global one. */
  readonly fetch?: typeof globalThis.fetch;
  /**
   * How long one attempt may take, answer read to the end included, ms. Default 10 000; at
   * most 2^31 - 1 (about 24.8 days), the longest a timer can wait.
   */
  readonly timeoutMs?: number;
  /** Retries after the first attempt, for safe or idempotent calls only. Default 2. */
  readonly retries?: number;
  /**
   * Base of the exponential backoff between retries, ms: about `retryDelayMs * 2^n` before
   * retry `n`, with jitter, capped at 5 s. Default 200.
   */
  readonly retryDelayMs?: number;
  /** Extra headers on every request (e.g. an admin `authorization`). */
  readonly headers?: Readonly<Record<string, string>>;
}

/** What a route answers with once its response schema has checked it. */
type Output<R extends PublicRouteId> = (typeof publicRoutes)[R]["response"]["_zod"]["output"];

interface Call<R extends PublicRouteId> {
  readonly route: R;
  readonly params?: Readonly<Record<string, string>>;
  readonly query?: Readonly<Record<string, string | undefined>>;
  readonly body?: unknown;
  readonly idempotencyKey?: string | undefined;
  readonly signal?: AbortSignal | undefined;
}

type Outcome =
  | { readonly ok: true; readonly value: unknown }
  | {
      readonly ok: false;
      readonly error: LinliClientError;
      /** Whether the failure may go away if the same request is sent again. */
      readonly transient: boolean;
      readonly retryAfterMs?: number | undefined;
    };

const INVALID_RESPONSE = {
  "zh-CN": "服务器返回的内容不符合约定，请稍后再试",
  en: "The server answered with something the API does not define: try again later",
};

/** A 2xx answer that its route's response schema refuses. */
function invalidResponse(status: number, issues: LinliIssue[]): LinliClientError {
  // The schema's issues name fields of the *response*; kept out of `issues` (and so out of
  // `fieldMessages`) so a form never shows them beside its own fields. They are the cause.
  return new LinliClientError({
    kind: "server",
    status,
    code: "INVALID_RESPONSE",
    messages: INVALID_RESPONSE,
    cause: issues,
  });
}

/** The longest `timeoutMs`: what `setTimeout` can wait (about 24.8 days). */
const MAX_TIMEOUT_MS = 2 ** 31 - 1;

function checkOptions(o: ClientOptions): void {
  if (typeof o.baseUrl !== "string") throw new TypeError("createClient: baseUrl must be a string");
  if (o.fetch === undefined && typeof globalThis.fetch !== "function")
    throw new TypeError("createClient: no global fetch here; pass options.fetch");
  // Timers cannot wait longer than 2^31 - 1 ms: a longer time-out would fire at once.
  if (o.timeoutMs !== undefined && !(o.timeoutMs > 0 && o.timeoutMs <= MAX_TIMEOUT_MS))
    throw new RangeError(
      `createClient: timeoutMs must be a positive number of ms, at most ${MAX_TIMEOUT_MS}`,
    );
  if (o.retries !== undefined && !(Number.isInteger(o.retries) && o.retries >= 0))
    throw new RangeError("createClient: retries must be a whole number ≥ 0");
  if (o.retryDelayMs !== undefined && !(o.retryDelayMs >= 0 && Number.isFinite(o.retryDelayMs)))
    throw new RangeError("createClient: retryDelayMs must be a number ≥ 0");
}

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
  checkOptions(options);
  const base = options.baseUrl.replace(/\/+$/, "");
  const fetchFn: typeof globalThis.fetch =
    options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const timeoutMs = options.timeoutMs ?? 10_000;
  const retries = options.retries ?? 2;
  const retryDelayMs = options.retryDelayMs ?? 200;

  function requestOf(route: RouteDefinition, call: Call<PublicRouteId>): HttpRequest {
    const search = new URLSearchParams();
    for (const [name, value] of Object.entries(call.query ?? {}))
      if (value !== undefined) search.append(name, String(value));
    const qs = search.toString();
    const headers = new Headers(options.headers);
    if (!headers.has("accept")) headers.set("accept", "application/json");
    if (call.body !== undefined) headers.set("content-type", "application/json");
    if (call.idempotencyKey !== undefined) headers.set("idempotency-key", call.idempotencyKey);
    return {
      method: route.method,
      url: `${base}${routePath(route, call.params)}${qs === "" ? "" : `?${qs}`}`,
      headers,
      ...(call.body !== undefined ? { body: JSON.stringify(call.body) } : {}),
    };
  }

  async function attempt(
    route: RouteDefinition,
    request: HttpRequest,
    signal: AbortSignal | undefined,
  ): Promise<Outcome> {
    let answer;
    try {
      answer = await fetchOnce(fetchFn, request, timeoutMs, signal);
    } catch (e) {
      const error = e as LinliClientError;
      return { ok: false, error, transient: error.kind !== "aborted" };
    }
    if (answer.status >= 200 && answer.status < 300) {
      const parsed = validate(route.response, answer.json);
      return parsed.ok
        ? { ok: true, value: parsed.value }
        : { ok: false, error: invalidResponse(answer.status, parsed.error), transient: false };
    }
    const body = validate(ErrorBodySchema, answer.json);
    return {
      ok: false,
      error: LinliClientError.fromResponse(answer.status, body.ok ? body.value : undefined),
      transient: isRetryableStatus(answer.status),
      retryAfterMs: retryAfterMs(answer.retryAfter),
    };
  }

  async function send<R extends PublicRouteId>(call: Call<R>): Promise<Output<R>> {
    const route: RouteDefinition = publicRoutes[call.route];
    const request = requestOf(route, call);
    // Only a read, or a create the server recognises as a repeat by its key, may be resent.
    const mayRetry = route.method === "GET" || call.idempotencyKey !== undefined;
    for (let n = 0; ; n++) {
      const outcome = await attempt(route, request, call.signal);
      if (outcome.ok) return outcome.value as Output<R>;
      if (!mayRetry || !outcome.transient || n >= retries) throw outcome.error;
      const wait = outcome.retryAfterMs ?? backoffMs(n, retryDelayMs);
      // Coming back sooner than the server asked would only be refused again.
      if (wait > MAX_RETRY_AFTER_MS) throw outcome.error;
      await sleep(wait, call.signal);
    }
  }

  const signalOf = (o: CallOptions | undefined) => ({ signal: o?.signal });
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
