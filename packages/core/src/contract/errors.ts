import * as z from "zod/mini";
import { issueIn, LinliIssueSchema, type LinliIssue } from "../common/issue.js";
import { fieldValidationMessages } from "../i18n/field-messages.js";
import { BilingualTextSchema } from "../i18n/locale.js";
import { lifecycleMessages, orderMessages, recruitmentMessages } from "../i18n/messages.js";

/**
 * Machine codes of HTTP errors, with their status. Order-rule refusals keep their rule code
 * (`SOLD_OUT`, `SLOT_FULL`, …) so a widget can say exactly what happened.
 */
export const HTTP_ERRORS = {
  VALIDATION_FAILED: 400,
  INVALID_JSON: 400,
  UNAUTHORIZED: 401,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  SOLD_OUT: 409,
  INSUFFICIENT_STOCK: 409,
  SLOT_FULL: 409,
  PER_ORDER_LIMIT: 409,
  CUTOFF_PASSED: 409,
  NOT_YET_OPEN: 409,
  APPLICATIONS_NOT_OPEN: 409,
  APPLICATIONS_CLOSED: 409,
  TRANSITION_REFUSED: 409,
  IDEMPOTENCY_KEY_REUSED: 422,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  INTERNAL: 500,
} as const;
export type HttpErrorCode = keyof typeof HTTP_ERRORS;

/**
 * The one error body every Linli endpoint returns: HTTP status, a machine code, a message
 * in both languages, and the issues (each with its field path) that caused it.
 *
 * @example
 * { "error": { "status": 409, "code": "SOLD_OUT", "message": { "zh-CN": "“虎皮奶油卷”已售罄", "en": "…" },
 *   "issues": [{ "code": "SOLD_OUT", "path": "lines.0.quantity", … }] } }
 */
export const ErrorBodySchema = /* @__PURE__ */ (() =>
  z.object({
    error: z.object({
      status: z.int(),
      code: z.string(),
      message: BilingualTextSchema,
      issues: z.array(LinliIssueSchema),
    }),
  }))();
export type ErrorBody = z.infer<typeof ErrorBodySchema>;

// The rules whose own codes are HTTP error codes; errorBody words them from these sections
// only, so a client that builds error bodies does not carry every rule's messages.
const RULE_MESSAGES = /* @__PURE__ */ (() => ({
  ...orderMessages,
  ...recruitmentMessages,
  ...lifecycleMessages,
}))();

const GENERIC: Record<HttpErrorCode, keyof typeof RULE_MESSAGES | { "zh-CN": string; en: string }> =
  {
    VALIDATION_FAILED: {
      "zh-CN": "提交的内容有误，请检查标出的字段",
      en: "Some of what was sent is not valid: check the fields marked",
    },
    INVALID_JSON: { "zh-CN": "请求内容不是有效的 JSON", en: "The request body is not valid JSON" },
    UNAUTHORIZED: { "zh-CN": "需要有效的管理密钥", en: "A valid admin key is required" },
    NOT_FOUND: { "zh-CN": "找不到请求的内容", en: "Nothing was found there" },
    METHOD_NOT_ALLOWED: {
      "zh-CN": "这个地址不接受这种请求方法（见 Allow 头）",
      en: "This address does not take that method (see the Allow header)",
    },
    SOLD_OUT: "SOLD_OUT",
    INSUFFICIENT_STOCK: "INSUFFICIENT_STOCK",
    SLOT_FULL: "SLOT_FULL",
    PER_ORDER_LIMIT: "PER_ORDER_LIMIT",
    CUTOFF_PASSED: "CUTOFF_PASSED",
    NOT_YET_OPEN: "NOT_YET_OPEN",
    APPLICATIONS_NOT_OPEN: "APPLICATIONS_NOT_OPEN",
    APPLICATIONS_CLOSED: "APPLICATIONS_CLOSED",
    TRANSITION_REFUSED: "TRANSITION_REFUSED",
    IDEMPOTENCY_KEY_REUSED: {
      "zh-CN": "这个请求编号已用于另一份不同的请求",
      en: "This idempotency key was already used for a different request",
    },
    PAYLOAD_TOO_LARGE: { "zh-CN": "请求内容太大", en: "The request body is too large" },
    UNSUPPORTED_MEDIA_TYPE: {
      "zh-CN": "请以 application/json 格式提交",
      en: "Send the body as application/json",
    },
    RATE_LIMITED: { "zh-CN": "请求太频繁，请稍后再试", en: "Too many requests: try again shortly" },
    INTERNAL: {
      "zh-CN": "服务器出错了，请稍后再试",
      en: "Something went wrong on the server: try again later",
    },
  };

/**
 * Builds an error body. For a rule's own code the message is its issue's (so "“虎皮奶油卷”已售罄"
 * reaches the resident), or the first issue's when another rule refused (a transition refused
 * because the group has no rule set); other codes have their general message.
 *
 * @example
 * errorBody("NOT_FOUND"); // { error: { status: 404, code: "NOT_FOUND", … } }
 */
export function errorBody(code: HttpErrorCode, issues: LinliIssue[] = []): ErrorBody {
  const generic = GENERIC[code];
  const first = issues.find((i) => i.code === code) ?? issues[0];
  const message =
    typeof generic === "string"
      ? (first?.message ?? issueIn(RULE_MESSAGES, generic).message)
      : generic;
  return { error: { status: HTTP_ERRORS[code], code, message, issues } };
}

const REFERENCED = {
  group: { "zh-CN": "社群", en: "group" },
  menu: { "zh-CN": "菜单", en: "menu" },
  call: { "zh-CN": "招募令", en: "recruitment call" },
  hub: { "zh-CN": "服务中心", en: "hub" },
  ruleSet: { "zh-CN": "分账规则", en: "split rule set" },
} as const;

/**
 * The issue of a 404 for an id that names nothing, at the field that gave it: the same words
 * from the server and the embedded store.
 *
 * @example
 * errorBody("NOT_FOUND", [unknownReference("menu", "no-such-menu", "menuId")]);
 */
export function unknownReference(
  what: keyof typeof REFERENCED,
  value: string,
  path: string,
): LinliIssue {
  return issueIn(
    fieldValidationMessages,
    "UNKNOWN_REFERENCE",
    { target: REFERENCED[what], value },
    path,
  );
}

/**
 * The HTTP code for a set of order-rule issues: the first conflict code found (sold out,
 * slot full, …), else `VALIDATION_FAILED`.
 */
export function httpCodeForIssues(issues: readonly LinliIssue[]): HttpErrorCode {
  for (const i of issues)
    if (i.code in HTTP_ERRORS && HTTP_ERRORS[i.code as HttpErrorCode] === 409)
      return i.code as HttpErrorCode;
  return "VALIDATION_FAILED";
}
