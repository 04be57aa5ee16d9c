import {
  ErrorBodySchema,
  routePath,
  routes,
  validate,
  type RouteDefinition,
  type RouteId,
} from "@linli/core";
import { LinliClientError } from "../errors.js";
import type { CallOptions, LinliStore } from "../store.js";

/** Options for {@link createClient}. */
export interface ClientOptions {
  /** Where the Linli API is, e.g. `https://api.example.gov.cn` (no trailing `/v1`). */
  readonly baseUrl: string;
  /** A fetch to use instead of the global one. */
  readonly fetch?: typeof globalThis.fetch;
  /** How long one attempt may take, ms. Default 10 000. */
  readonly timeoutMs?: number;
  /** Retries after the first attempt, for safe or idempotent calls only. Default 2. */
  readonly retries?: number;
  /** Base of the exponential backoff between retries, ms. Default 200. */
  readonly retryDelayMs?: number;
  /** Extra headers on every request (e.g. an admin `authorization`). */
  readonly headers?: Readonly<Record<string, string>>;
}

const INVALID_RESPONSE = {
  "zh-CN": "服务器返回的内容不符合约定",
  en: "The server answered with something the API does not define",
};

interface Call {
  readonly route: RouteId;
  readonly params?: Readonly<Record<string, string>>;
  readonly query?: Readonly<Record<string, string | undefined>> | undefined;
  readonly body?: unknown;
  readonly idempotencyKey?: string;
  readonly signal?: AbortSignal | undefined;
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(LinliClientError.local("aborted"));
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(LinliClientError.local("aborted"));
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });

/**
 * A `LinliStore` over HTTP. Every response is checked against the contract's schemas; every
 * failure is a `LinliClientError`. Reads, and creates that carry an idempotency key, are
 * retried on network errors, time-outs, 429 and 5xx with exponential backoff; nothing else
 * is retried, so an order can never be placed twice.
 *
 * @example
 * const store = createClient({ baseUrl: "http://127.0.0.1:8787" });
 * const { menu, availability } = await store.getMenu("three-moms-baking");
 * const receipt = await store.placeOrder(order, { idempotencyKey: crypto.randomUUID() });
 */
export function createClient(options: ClientOptions): LinliStore {
  const base = options.baseUrl.replace(/\/+$/, "");
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const timeoutMs = options.timeoutMs ?? 10_000;
  const retries = Math.max(0, options.retries ?? 2);
  const retryDelayMs = options.retryDelayMs ?? 200;

  async function attempt(r: RouteDefinition, url: string, call: Call): Promise<unknown> {
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const onAbort = () => controller.abort();
    call.signal?.addEventListener("abort", onAbort, { once: true });
    try {
      const headers: Record<string, string> = { accept: "application/json", ...options.headers };
      if (call.body !== undefined) headers["content-type"] = "application/json";
      if (call.idempotencyKey !== undefined) headers["idempotency-key"] = call.idempotencyKey;
      let response: Response;
      try {
        response = await doFetch(url, {
          method: r.method,
          headers,
          ...(call.body !== undefined ? { body: JSON.stringify(call.body) } : {}),
          signal: controller.signal,
        });
      } catch (cause) {
        if (call.signal?.aborted) throw LinliClientError.local("aborted", cause);
        throw LinliClientError.local(timedOut ? "timeout" : "network", cause);
      }
      let text: string;
      try {
        text = await response.text();
      } catch (cause) {
        if (call.signal?.aborted) throw LinliClientError.local("aborted", cause);
        throw LinliClientError.local(timedOut ? "timeout" : "network", cause);
      }
      let json: unknown;
      try {
        json = text === "" ? undefined : JSON.parse(text);
      } catch {
        json = undefined;
      }
      if (!response.ok) {
        const body = validate(ErrorBodySchema, json);
        const error = LinliClientError.fromResponse(
          response.status,
          body.ok ? body.value : undefined,
        );
        (error as { retryAfterMs?: number }).retryAfterMs =
          Number(response.headers.get("retry-after")) * 1000 || undefined;
        throw error;
      }
      const parsed = validate(r.response, json);
      if (!parsed.ok) {
        throw new LinliClientError({
          kind: "server",
          status: response.status,
          code: "INVALID_RESPONSE",
          messages: INVALID_RESPONSE,
          issues: parsed.error,
        });
      }
      return parsed.value;
    } finally {
      clearTimeout(timer);
      call.signal?.removeEventListener("abort", onAbort);
    }
  }

  async function send<T>(call: Call): Promise<T> {
    if (call.signal?.aborted) throw LinliClientError.local("aborted");
    const r: RouteDefinition = routes[call.route];
    const search = new URLSearchParams();
    for (const [k, v] of Object.entries(call.query ?? {})) if (v !== undefined) search.set(k, v);
    const qs = search.toString();
    const url = `${base}${routePath(call.route, call.params)}${qs ? `?${qs}` : ""}`;
    // Only a read, or a create the server can recognise as a repeat, may be sent again.
    const mayRetry = r.method === "GET" || call.idempotencyKey !== undefined;
    for (let n = 0; ; n++) {
      try {
        return (await attempt(r, url, call)) as T;
      } catch (e) {
        const error = e as LinliClientError & { retryAfterMs?: number };
        if (!mayRetry || n >= retries || !(error instanceof LinliClientError) || !error.retryable)
          throw error;
        const backoff = retryDelayMs * 2 ** n * (0.5 + Math.random() / 2);
        await sleep(Math.min(error.retryAfterMs ?? backoff, 30_000), call.signal);
      }
    }
  }

  const opts = (o?: CallOptions) => ({ signal: o?.signal });
  return {
    getHub: (o) => send({ route: "getHub", ...opts(o) }),
    listGroups: async (query, o) =>
      (
        await send<{ groups: Awaited<ReturnType<LinliStore["listGroups"]>> }>({
          route: "listGroups",
          query: { ...query },
          ...opts(o),
        })
      ).groups,
    getGroup: (id, o) => send({ route: "getGroup", params: { id }, ...opts(o) }),
    getMenu: (groupId, query, o) =>
      send({ route: "getMenu", params: { id: groupId }, query: { ...query }, ...opts(o) }),
    placeOrder: (order, o) =>
      send({ route: "placeOrder", body: order, idempotencyKey: o.idempotencyKey, ...opts(o) }),
    getOrder: (id, pickupCode, o) =>
      send({ route: "getOrder", params: { id }, query: { code: pickupCode }, ...opts(o) }),
    getRecruitmentCall: (o) => send({ route: "getRecruitmentCall", ...opts(o) }),
    submitApplication: (application, o) =>
      send({
        route: "submitApplication",
        body: application,
        idempotencyKey: o.idempotencyKey,
        ...opts(o),
      }),
    getMetrics: (query, o) => send({ route: "getMetrics", query: { ...query }, ...opts(o) }),
  };
}
