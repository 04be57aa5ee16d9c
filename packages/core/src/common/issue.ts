import * as z from "zod/mini";
import { BilingualTextSchema, type Locale } from "../i18n/locale.js";
import {
  bilingualIn,
  messages,
  type MessageCatalogue,
  type MessageCode,
  type MessageParams,
} from "../i18n/messages.js";

/**
 * One problem, as data: a machine code, the field it concerns (dot path such as
 * `contact.phone` or `lines.0.quantity`), a message in every locale, and details a UI
 * may use (e.g. `{ remaining: 3 }`). Rules return these; the HTTP error body carries them.
 */
export const LinliIssueSchema = /* @__PURE__ */ (() =>
  z.object({
    code: z.string(),
    path: z.optional(z.string()),
    message: BilingualTextSchema,
    details: z.optional(
      z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
    ),
  }))();
export type LinliIssue = z.infer<typeof LinliIssueSchema>;

/** Details attached to an issue: flat, JSON-safe values. */
export type IssueDetails = NonNullable<LinliIssue["details"]>;

/**
 * Builds an issue from a catalogue code.
 *
 * @example
 * issue("SOLD_OUT", { item: "虎皮奶油卷" }, "lines.0.quantity", { remaining: 0 });
 */
export function issue(
  code: MessageCode,
  params: MessageParams = {},
  path?: string,
  details?: IssueDetails,
): LinliIssue {
  return issueIn(messages, code, params, path, details);
}

/**
 * Builds an issue worded from the catalogue given, like {@link issue}. Core's rules pass
 * their own section of the catalogue, so a browser bundle that runs one rule carries only
 * that rule's messages.
 *
 * @example
 * issueIn(orderMessages, "SOLD_OUT", { item: "虎皮奶油卷" }, "lines.0.quantity");
 */
export function issueIn<C extends MessageCatalogue>(
  catalogue: C,
  code: keyof C & string,
  params: MessageParams = {},
  path?: string,
  details?: IssueDetails,
): LinliIssue {
  const out: LinliIssue = { code, message: bilingualIn(catalogue, code, params) };
  if (path !== undefined) out.path = path;
  if (details !== undefined) out.details = details;
  return out;
}

/**
 * A thrown Linli problem, for programming errors such as adding yuan to yen. Rules that
 * can legitimately refuse return a {@link Result} instead.
 *
 * @example
 * try { add(a, b); } catch (e) { if (e instanceof LinliError && e.code === "CURRENCY_MISMATCH") … }
 */
export class LinliError extends Error {
  override readonly name = "LinliError";
  readonly code: string;
  readonly issue: LinliIssue;

  constructor(issue: LinliIssue) {
    super(issue.message.en);
    this.code = issue.code;
    this.issue = issue;
  }

  /** The message in a locale. */
  messageIn(locale: Locale): string {
    return this.issue.message[locale];
  }
}
