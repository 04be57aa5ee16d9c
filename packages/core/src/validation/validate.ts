import * as core from "zod/v4/core";
import { issueIn, type LinliIssue } from "../common/issue.js";
import type { Result } from "../common/result.js";
import type { BilingualText, Locale } from "../i18n/locale.js";
import { messages, type MessageCatalogue } from "../i18n/messages.js";
import { describeIssue, pathToString } from "./codes.js";
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
  return validateIn(messages, schema, input, options);
}

/**
 * {@link validate}, wording each problem from the catalogue given instead of the whole of
 * {@link messages}: for a browser bundle that should carry only the messages its schema can
 * raise. A schema's own code that the catalogue lacks is worded by the check zod reports
 * (`REQUIRED_CHOICE`, "Select the items", for an empty order), and anything else as the
 * generic `INVALID_INPUT`, which the catalogue must hold (as {@link fieldValidationMessages} does).
 * Where only codes and paths are needed (a developer's warning, a form that words its own
 * messages), {@link checkFields} ships no messages at all.
 *
 * @example
 * const r = validateIn(orderDraftMessages, OrderDraftSchema, draft);
 * if (!r.ok) fieldMessages(r.error, "en"); // { lines: "Choose at least one item" } for a draft with no lines
 */
export function validateIn<S extends core.$ZodType>(
  catalogue: MessageCatalogue & { readonly INVALID_INPUT: BilingualText },
  schema: S,
  input: unknown,
  options: ValidateOptions = {},
): Result<core.output<S>, LinliIssue[]> {
  // reportInput lets a message tell "missing" from "wrong"; the input never leaves this function.
  const parsed = core.safeParse(schema, input, { reportInput: true });
  if (parsed.success) return { ok: true, value: parsed.data };
  return {
    ok: false,
    error: parsed.error.issues.map((i) => issueFromZodIn(catalogue, i, options)),
  };
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

/** Turns one zod issue into a Linli issue with a catalogue code. */
export function issueFromZod(i: core.$ZodIssue, options: ValidateOptions = {}): LinliIssue {
  return issueFromZodIn(messages, i, options);
}

function issueFromZodIn(
  catalogue: MessageCatalogue,
  i: core.$ZodIssue,
  options: ValidateOptions,
): LinliIssue {
  const known = (s: string) => Object.prototype.hasOwnProperty.call(catalogue, s);
  const p = describeIssue(i, known);
  // A code the schema names (or a zod case mapped to one) that this catalogue cannot word.
  const code = known(p.code) ? p.code : "INVALID_INPUT";
  return issueIn(
    catalogue,
    code,
    { label: labelFor(i.path, options), ...p.params },
    p.path,
    p.details,
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
