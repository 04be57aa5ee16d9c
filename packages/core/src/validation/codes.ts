import * as core from "zod/v4/core";
import type { Result } from "../common/result.js";
import type { MessageCode, MessageParams } from "../i18n/messages.js";

/**
 * One validation problem as a code and its parameters, before any message is written: what
 * {@link validate} turns into a bilingual message. A browser form that words its own
 * messages (with `fieldValidationMessages` and `fillMessage`) uses this to avoid shipping
 * Linli's whole message catalogue.
 */
export interface FieldProblem {
  /** A catalogue code, e.g. `REQUIRED`, `TOO_SHORT`, `INVALID_PHONE`, `CONSENT_REQUIRED`. */
  readonly code: MessageCode;
  /** The field's dot path (`applicant.phone`, `skills.2`); `""` for the whole input. */
  readonly path: string;
  /** Template values: `minimum`, `maximum`, `value`, and a schema's own (no `label`). */
  readonly params: MessageParams;
  /** The path as zod gave it, for finding the field's label. */
  readonly segments: readonly PropertyKey[];
  readonly details?: Readonly<Record<string, string>>;
}

/** Joins a zod path into Linli's dot form: `["lines", 0, "quantity"]` → `lines.0.quantity`. */
export function pathToString(path: readonly PropertyKey[]): string {
  return path.map((p) => String(p)).join(".");
}

/** The catalogue code and parameters of one zod issue (no label, no message). */
export function describeIssue(i: core.$ZodIssue, isCode: (s: string) => boolean): FieldProblem {
  const params: Record<string, string | number> = {};
  let code = "INVALID_INPUT";
  const given = (i as { message?: string }).message;
  const raw = i as unknown as Record<string, unknown>;
  for (const k of ["minimum", "maximum"] as const) {
    if (typeof raw[k] === "number" || typeof raw[k] === "bigint") params[k] = Number(raw[k]);
  }
  // The offending value, for messages such as "Unsupported currency: XXX". Only short
  // primitives, and only templates that name {value} show it.
  if ((typeof i.input === "string" && i.input.length <= 40) || typeof i.input === "number")
    params["value"] = String(i.input);
  Object.assign(params, raw["params"] ?? {});
  const missing = i.input === undefined || i.input === null;

  if (given !== undefined && isCode(given)) {
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
  const out: { -readonly [K in keyof FieldProblem]: FieldProblem[K] } = {
    code: code as MessageCode,
    path: pathToString(i.path),
    params,
    segments: i.path,
  };
  if (i.code === "unrecognized_keys") {
    out.code = "UNKNOWN_FIELD";
    params["keys"] = i.keys.join(", ");
    out.details = { keys: i.keys.join(",") };
  }
  return out;
}

/**
 * Checks input against a Linli schema like {@link validate}, but returns each problem as a
 * code and parameters ({@link FieldProblem}) instead of a written message. `isCode` tells a
 * schema's own error codes (`INVALID_PHONE`, `CONSENT_REQUIRED`, …) from free text; by
 * default any upper-case word is taken as a code.
 *
 * @example
 * const r = checkFields(ApplicationInputSchema, input);
 * if (!r.ok) r.error[0]; // { code: "REQUIRED", path: "applicant.name", params: {}, … }
 */
export function checkFields<S extends core.$ZodType>(
  schema: S,
  input: unknown,
  isCode: (s: string) => boolean = (s) => /^[A-Z][A-Z_]*$/.test(s),
): Result<core.output<S>, FieldProblem[]> {
  // reportInput lets a code tell "missing" from "wrong"; the input never leaves this function.
  const parsed = core.safeParse(schema, input, { reportInput: true });
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, error: parsed.error.issues.map((i) => describeIssue(i, isCode)) };
}
