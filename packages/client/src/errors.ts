import {
  errorBody,
  type BilingualText,
  type HttpErrorCode,
  type LinliIssue,
  type Locale,
} from "@linli/core";

/** What kind of failure a call met, for deciding what to show and whether to retry. */
export type ClientErrorKind =
  | "network"
  | "timeout"
  | "aborted"
  | "validation"
  | "conflict"
  | "not-found"
  | "unauthorized"
  | "rate-limited"
  | "server";

const KIND_OF_STATUS = (status: number): ClientErrorKind =>
  status === 408
    ? "timeout"
    : status === 400 || status === 413 || status === 415 || status === 422
      ? "validation"
      : status === 401 || status === 403
        ? "unauthorized"
        : status === 404
          ? "not-found"
          : status === 409
            ? "conflict"
            : status === 429
              ? "rate-limited"
              : "server";

/**
 * The code for a status whose body is not a Linli error (a proxy's or firewall's own page):
 * the nearest the contract has, so a 404 or a 429 from nginx reads as what it is. Any other
 * status is `INTERNAL`.
 */
const CODE_OF_STATUS: Readonly<Partial<Record<number, HttpErrorCode>>> = {
  400: "VALIDATION_FAILED",
  401: "UNAUTHORIZED",
  403: "UNAUTHORIZED",
  404: "NOT_FOUND",
  413: "PAYLOAD_TOO_LARGE",
  415: "UNSUPPORTED_MEDIA_TYPE",
  422: "VALIDATION_FAILED",
  429: "RATE_LIMITED",
};

const LOCAL_MESSAGES: Record<"network" | "timeout" | "aborted", BilingualText> = {
  network: {
    "zh-CN": "网络连接失败，请检查网络后重试",
    en: "Could not reach the server: check the connection and try again",
  },
  timeout: {
    "zh-CN": "服务器响应超时，请重试",
    en: "The server took too long to answer: try again",
  },
  aborted: { "zh-CN": "请求已取消", en: "The request was cancelled" },
};

/**
 * A failed Linli call: its kind, the HTTP status and machine code when the server answered,
 * a message in both languages, and the issues with their field paths.
 *
 * @example
 * try { await store.placeOrder(order, { idempotencyKey }); }
 * catch (e) { if (e instanceof LinliClientError && e.code === "SOLD_OUT") showWhatIsLeft(e.issues); }
 */
export class LinliClientError extends Error {
  override readonly name = "LinliClientError";
  readonly kind: ClientErrorKind;
  readonly status: number | undefined;
  readonly code: string;
  readonly messages: BilingualText;
  readonly issues: readonly LinliIssue[];

  constructor(init: {
    kind: ClientErrorKind;
    code: string;
    messages: BilingualText;
    status?: number;
    issues?: readonly LinliIssue[];
    cause?: unknown;
  }) {
    super(init.messages.en, init.cause === undefined ? undefined : { cause: init.cause });
    this.kind = init.kind;
    this.code = init.code;
    this.messages = init.messages;
    this.status = init.status;
    this.issues = init.issues ?? [];
  }

  /** The message in a locale. */
  messageIn(locale: Locale): string {
    return this.messages[locale];
  }

  /** The first message for each field path, for showing beside form fields. */
  fieldMessages(locale: Locale): Record<string, string> {
    const out: Record<string, string> = {};
    for (const i of this.issues)
      if (i.path !== undefined && !(i.path in out)) out[i.path] = i.message[locale];
    return out;
  }

  /** Whether the same call may simply be tried again. */
  get retryable(): boolean {
    return (
      this.kind === "network" ||
      this.kind === "timeout" ||
      this.kind === "rate-limited" ||
      (this.kind === "server" && (this.status ?? 500) >= 500)
    );
  }

  /** From an HTTP error body (or a status with no usable body). */
  static fromResponse(
    status: number,
    body: { error: { code: string; message: BilingualText; issues: LinliIssue[] } } | undefined,
  ): LinliClientError {
    if (body === undefined && status === 408)
      return new LinliClientError({
        kind: "timeout",
        status,
        code: "TIMEOUT",
        messages: LOCAL_MESSAGES.timeout,
      });
    const e = body?.error ?? errorBody(CODE_OF_STATUS[status] ?? "INTERNAL").error;
    return new LinliClientError({
      kind: KIND_OF_STATUS(status),
      status,
      code: e.code,
      messages: e.message,
      issues: e.issues,
    });
  }

  /** From an error code and issues, as the embedded store refuses. */
  static fromCode(code: HttpErrorCode, issues: LinliIssue[] = []): LinliClientError {
    const e = errorBody(code, issues).error;
    return new LinliClientError({
      kind: KIND_OF_STATUS(e.status),
      status: e.status,
      code,
      messages: e.message,
      issues,
    });
  }

  /** A failure that never reached the server. */
  static local(kind: "network" | "timeout" | "aborted", cause?: unknown): LinliClientError {
    return new LinliClientError({
      kind,
      code: kind.toUpperCase(),
      messages: LOCAL_MESSAGES[kind],
      cause,
    });
  }
}
