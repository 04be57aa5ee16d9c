import * as z from "zod/mini";

/** Locales Linli ships complete. zh-CN is the default. */
export const LOCALES = ["zh-CN", "en"] as const;
export const LocaleSchema = /* @__PURE__ */ (() => z.enum(LOCALES))();
export type Locale = z.infer<typeof LocaleSchema>;
export const DEFAULT_LOCALE: Locale = "zh-CN";

/**
 * Maps any BCP 47 tag (from `lang`, `navigator.language`, Accept-Language) to a shipped locale.
 *
 * @example
 * resolveLocale("en-GB"); // "en"
 * resolveLocale("zh-Hans-CN"); // "zh-CN"
 * resolveLocale(undefined); // "zh-CN"
 */
export function resolveLocale(tag: string | null | undefined): Locale {
  const primary = (tag ?? "").trim().toLowerCase().split(/[-_]/)[0];
  return primary === "en" ? "en" : DEFAULT_LOCALE;
}

const nonEmpty = /* @__PURE__ */ (() => z.string().check(z.trim(), z.minLength(1)))();

/**
 * Text a host writes (a group's name, a menu item): Chinese required, English optional,
 * since a street office may not translate everything. Shown through {@link localize}.
 */
export const LocalizedTextSchema = /* @__PURE__ */ (() =>
  z.object({ "zh-CN": nonEmpty, en: z.optional(nonEmpty) }))();
export type LocalizedText = z.infer<typeof LocalizedTextSchema>;

/** Text Linli itself writes (messages, labels): always complete in every locale. */
export const BilingualTextSchema = /* @__PURE__ */ (() =>
  z.object({ "zh-CN": z.string(), en: z.string() }))();
export type BilingualText = z.infer<typeof BilingualTextSchema>;

/**
 * Picks the text for a locale, falling back to Chinese when no English was given.
 *
 * @example
 * localize({ "zh-CN": "红房子", en: "The Red House" }, "en"); // "The Red House"
 */
export function localize(text: LocalizedText | BilingualText, locale: Locale): string {
  return (locale === "en" ? text.en : undefined) ?? text["zh-CN"];
}

/** Host text as a message parameter: a missing English falls back to the Chinese. */
export function asBilingual(text: LocalizedText): BilingualText {
  return { "zh-CN": text["zh-CN"], en: text.en ?? text["zh-CN"] };
}
