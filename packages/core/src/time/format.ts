import type { BilingualText, Locale } from "../i18n/locale.js";

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * A date and time as people read it in a zone: "12月1日 12:00" in zh-CN, "1 Dec, 12:00"
 * in en (24-hour clock in both, as Chinese public notices use).
 *
 * @example
 * formatDateTime(Date.parse("2026-12-01T04:00:00Z"), "Asia/Shanghai", "zh-CN"); // "12月1日 12:00"
 */
export function formatDateTime(epochMs: number, timeZone: string, locale: Locale): string {
  const key = `${locale}|${timeZone}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "zh-CN", {
      timeZone,
      month: locale === "en" ? "short" : "long",
      day: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    });
    formatters.set(key, f);
  }
  return f.format(new Date(epochMs));
}

/** {@link formatDateTime} in both locales, for a message parameter. */
export function formatDateTimeBilingual(epochMs: number, timeZone: string): BilingualText {
  return {
    "zh-CN": formatDateTime(epochMs, timeZone, "zh-CN"),
    en: formatDateTime(epochMs, timeZone, "en"),
  };
}
