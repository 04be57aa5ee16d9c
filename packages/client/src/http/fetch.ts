import { LinliClientError } from "../errors.js";

/** One HTTP request, ready to send. */
export interface HttpRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Headers;
  readonly body?: string;
}

/** What the server answered, read to the end. */
export interface HttpAnswer {
  readonly status: number;
  /** The body parsed as JSON; `undefined` when it is empty or not JSON. */
  readonly json: unknown;
  /** The raw `Retry-After` header, if any. */
  readonly retryAfter: string | null;
}

/**
 * Sends one request and reads the whole answer, within `timeoutMs`. Rejects only with a
 * `LinliClientError` of kind `timeout`, `aborted` (the caller's `signal`) or `network`. On a
 * time-out or an abort it rejects at once and aborts the fetch, even if the fetch itself is
 * slow to notice.
 */
export function fetchOnce(
  fetchFn: typeof globalThis.fetch,
  request: HttpRequest,
  timeoutMs: number,
  signal: AbortSignal | undefined,
): Promise<HttpAnswer> {
  if (signal?.aborted) return Promise.reject(LinliClientError.local("aborted", signal.reason));
  return new Promise<HttpAnswer>((resolve, reject) => {
    const controller = new AbortController();
    const cleanup = () => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
    };
    const stop = (error: LinliClientError) => {
      cleanup();
      reject(error);
      controller.abort();
    };
    const onAbort = () => stop(LinliClientError.local("aborted", signal?.reason));
    const timer = setTimeout(() => stop(LinliClientError.local("timeout")), timeoutMs);
    signal?.addEventListener("abort", onAbort, { once: true });

    // A settled promise ignores later calls, so whichever of answer, time-out and abort
    // comes first decides.
    (async (): Promise<HttpAnswer> => {
      const response = await fetchFn(request.url, {
        method: request.method,
        headers: request.headers,
        ...(request.body !== undefined ? { body: request.body } : {}),
        signal: controller.signal,
      });
      const text = await response.text();
      return {
        status: response.status,
        json: parseJson(text),
        retryAfter: response.headers.get("retry-after"),
      };
    })().then(
      (answer) => {
        cleanup();
        resolve(answer);
      },
      (cause: unknown) => {
        cleanup();
        reject(LinliClientError.local("network", cause));
      },
    );
  });
}

function parseJson(text: string): unknown {
  if (text === "") return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
