import {
  checkFields,
  ErrorBodySchema,
  routePath,
  type FieldProblem,
  type RouteDefinition,
} from "@linli/core";
import { LinliClientError } from "../errors.js";
import type { CallOptions } from "../store.js";
import { fetchOnce, type HttpRequest } from "./fetch.js";
import { backoffMs, isRetryableStatus, MAX_RETRY_AFTER_MS, retryAfterMs, sleep } from "./retry.js";

/** Options for `createClient` and `createAdminClient`. */
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
  /**
   * Extra headers on every request, e.g. a tracing header. `createAdminClient` sends its key as
   * `authorization` and drops any other given here.
   */
  readonly headers?: Readonly<Record<string, string>>;
}

/** A table of routes from @linli/core (`publicRoutes`, `adminRoutes`). */
export type RouteTable = Readonly<Record<string, RouteDefinition>>;

/** What a route answers with once its response schema has checked it. */
export type Output<T extends RouteTable, R extends keyof T> = T[R]["response"]["_zod"]["output"];

/** The part of a call's options the transport takes: its `AbortSignal`. */
export const signalOf = (o: CallOptions | undefined) => ({ signal: o?.signal });

/** One call of a route: what fills its path, query, body and headers. */
export interface Call<R> {
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
function invalidResponse(status: number, problems: FieldProblem[]): LinliClientError {
  // The schema's problems (code and path) name fields of the *response*; kept out of `issues`
  // (and so out of `fieldMessages`) so a form never shows them beside its own fields. They are
  // the cause.
  return new LinliClientError({
    kind: "server",
    status,
    code: "INVALID_RESPONSE",
    messages: INVALID_RESPONSE,
    cause: problems,
  });
}

/** The longest `timeoutMs`: what `setTimeout` can wait (about 24.8 days). */
const MAX_TIMEOUT_MS = 2 ** 31 - 1;

function checkOptions(o: ClientOptions, who: string): void {
  if (typeof o.baseUrl !== "string") throw new TypeError(`${who}: baseUrl must be a string`);
  if (o.fetch === undefined && typeof globalThis.fetch !== "function")
    throw new TypeError(`${who}: no global fetch here; pass options.fetch`);
  // Timers cannot wait longer than 2^31 - 1 ms: a longer time-out would fire at once.
  if (o.timeoutMs !== undefined && !(o.timeoutMs > 0 && o.timeoutMs <= MAX_TIMEOUT_MS))
    throw new RangeError(
      `${who}: timeoutMs must be a positive number of ms, at most ${MAX_TIMEOUT_MS}`,
    );
  if (o.retries !== undefined && !(Number.isInteger(o.retries) && o.retries >= 0))
    throw new RangeError(`${who}: retries must be a whole number ≥ 0`);
  if (o.retryDelayMs !== undefined && !(o.retryDelayMs >= 0 && Number.isFinite(o.retryDelayMs)))
    throw new RangeError(`${who}: retryDelayMs must be a number ≥ 0`);
}

/**
 * Sends calls of one route table's routes: builds each request from its route, checks every
 * 2xx answer against the route's response schema, turns every failure into a
 * `LinliClientError`, and retries what may be retried.
 */
export function createTransport<T extends RouteTable>(
  options: ClientOptions,
  table: T,
  who: string,
) {
  checkOptions(options, who);
  const base = options.baseUrl.replace(/\/+$/, "");
  const fetchFn: typeof globalThis.fetch =
    options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const timeoutMs = options.timeoutMs ?? 10_000;
  const retries = options.retries ?? 2;
  const retryDelayMs = options.retryDelayMs ?? 200;

  function requestOf(route: RouteDefinition, call: Call<keyof T>): HttpRequest {
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
      // Codes and paths, not worded messages: they are a developer's clue, and wording them
      // would add the field messages and labels to every page that calls the API.
      const parsed = checkFields(route.response, answer.json);
      return parsed.ok
        ? { ok: true, value: parsed.value }
        : { ok: false, error: invalidResponse(answer.status, parsed.error), transient: false };
    }
    const body = checkFields(ErrorBodySchema, answer.json);
    return {
      ok: false,
      error: LinliClientError.fromResponse(answer.status, body.ok ? body.value : undefined),
      transient: isRetryableStatus(answer.status),
      retryAfterMs: retryAfterMs(answer.retryAfter),
    };
  }

  return async function send<R extends keyof T>(call: Call<R>): Promise<Output<T, R>> {
    const route: RouteDefinition = table[call.route]!;
    const request = requestOf(route, call);
    // Only a read, a replacement (PUT: sending it twice leaves what sending it once does), or
    // a create the server recognises as a repeat by its key, may be resent.
    const mayRetry = route.method !== "POST" || call.idempotencyKey !== undefined;
    for (let n = 0; ; n++) {
      const outcome = await attempt(route, request, call.signal);
      if (outcome.ok) return outcome.value as Output<T, R>;
      if (!mayRetry || !outcome.transient || n >= retries) throw outcome.error;
      const wait = outcome.retryAfterMs ?? backoffMs(n, retryDelayMs);
      // Coming back sooner than the server asked would only be refused again.
      if (wait > MAX_RETRY_AFTER_MS) throw outcome.error;
      await sleep(wait, call.signal);
    }
  };
}
