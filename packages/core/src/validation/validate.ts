import * as core from "zod/v4/core";
import { issue, type LinliIssue } from "../common/issue.js";
import type { Result } from "../common/result.js";
import type { BilingualText, Locale } from "../i18n/locale.js";
import { messages, type MessageCode, type MessageParams } from "../i18n/messages.js";
import { fieldLabels, GENERIC_LABEL } from "./labels.js";

/** Options for {@link validate}. */
export interface ValidateOptions {
  /** Extra or replacement labels, by path (`contact.phone`) or by last segment (`phone`). */
  readonly labels?: Readonly<Record<string, BilingualText>>;
}

/**
 * Checks input against a Linli schema and returns the parsed value, or one issue per
 * problem with its field path and a message in every locale, fit to show beside the field.
 * Works with `zod/mini` schemas, so browser bundles stay small.
 *
 * @example
 * const r = validate(OrderDraftSchema, input);
 * if (!r.ok) fieldMessages(r.error, "en"); // { "contact.phone": "Enter a mobile phone number in the correct format, like 138 0013 8000" }
 */
export function validate<S extends core.$ZodType>(
  schema: S,
  input: unknown,
  options: ValidateOptions = {},
): Result<core.output<S>, LinliIssue[]> {
  // reportInput lets a message tell "missing" from "wrong"; the input never leaves this function.
  const parsed = core.safeParse(schema, input, { reportInput: true });
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, error: parsed.error.issues.map((i) => issueFromZod(i, options)) };
}

/** Joins a zod path into Linli's dot form: `["lines", 0, "quantity"]` → `lines.0.quantity`. */
export function pathToString(path: readonly PropertyKey[]): string {
  return path.map((p) => String(p)).join(".");
}

function labelFor(path: readonly PropertyKey[], options: ValidateOptions): BilingualText {
  const full = pathToString(path);
  const named = [...path].reverse().find((p) => typeof p === "string") as string | undefined;
  return (
    options.labels?.[full] ??
    (named !== undefined ? (options.labels?.[named] ?? fieldLabels[named]) : undefined) ??
    GENERIC_LABEL
  );
}

function isCode(s: string | undefined): s is MessageCode {
  return s !== undefined && Object.prototype.hasOwnProperty.call(messages, s);
}

/** Turns one zod issue into a Linli issue with a catalogue code. */
export function issueFromZod(i: core.$ZodIssue, options: ValidateOptions = {}): LinliIssue {
  const path = pathToString(i.path);
  const label = labelFor(i.path, options);
  const params: Record<string, string | number | BilingualText> = { label };
  let code: MessageCode = "INVALID_INPUT";
  const given = (i as { message?: string }).message;
  const raw = i as unknown as Record<string, unknown>;
  for (const k of ["minimum", "maximum"] as const) {
    if (typeof raw[k] === "number" || typeof raw[k] === "bigint") params[k] = Number(raw[k]);
  }
  // The offending value, for messages such as "Unsupported currency: XXX". Only short
  // primitives, and only templates that name {value} show it.
  if ((typeof i.input === "string" && i.input.length <= 40) || typeof i.input === "number")
    params["value"] = String(i.input);
  const custom = (raw["params"] ?? {}) as Record<string, string | number>;
  Object.assign(params, custom);
  const missing = i.input === undefined || i.input === null;

  if (isCode(given)) {
    code = given;
  } else {
    switch (i.code) {
      case "invalid_type":
        code = missing
          ? i.expected === "array" || i.expected === "boolean"
            ? "REQUIRED_CHOICE"
            : "REQUIRED"
          : i.expected === "int"
            ? "NOT_INTEGER"
            : "INVALID_TYPE";
        break;
      case "too_small":
        if (i.origin === "string") code = i.minimum === 1 ? "REQUIRED" : "TOO_SHORT";
        else if (i.origin === "array" || i.origin === "set")
          code = i.minimum === 1 ? "REQUIRED_CHOICE" : "TOO_FEW";
        else code = i.inclusive === false ? "TOO_SMALL_EXCLUSIVE" : "TOO_SMALL";
        break;
      case "too_big":
        code =
          i.origin === "string"
            ? "TOO_LONG"
            : i.origin === "array" || i.origin === "set"
              ? "TOO_MANY"
              : i.inclusive === false
                ? "TOO_BIG_EXCLUSIVE"
                : "TOO_BIG";
        break;
      case "invalid_value":
        code = missing ? "REQUIRED_CHOICE" : "INVALID_OPTION";
        break;
      case "invalid_format":
        code =
          i.format === "url"
            ? "INVALID_URL"
            : i.format === "date"
              ? "INVALID_DATE"
              : i.format === "datetime"
                ? "INVALID_DATETIME"
                : i.format === "time"
                  ? "INVALID_TIME"
                  : "INVALID_FORMAT";
        break;
      case "invalid_union":
        // A discriminated union with an unknown discriminator, e.g. cutoff.kind.
        code = missing ? "REQUIRED_CHOICE" : "INVALID_OPTION";
        break;
      default:
        code = "INVALID_INPUT";
    }
  }
  if (i.code === "unrecognized_keys") {
    code = "UNKNOWN_FIELD";
    params["keys"] = i.keys.join(", ");
  }
  return issue(
    code,
    params as MessageParams,
    path,
    i.code === "unrecognized_keys" ? { keys: i.keys.join(",") } : undefined,
  );
}

/**
 * The first message for each field path, in one locale: what a form shows beside each
 * field. The empty path `""` holds problems with the whole input.
 *
 * @example
 * fieldMessages(issues, "zh-CN")["contact.phone"]; // "请输入正确的 11 位手机号码，例如 138 0013 8000"
 */
export function fieldMessages(
  issues: readonly LinliIssue[],
  locale: Locale,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of issues) {
    const key = i.path ?? "";
    if (!(key in out)) out[key] = i.message[locale];
  }
  return out;
}
