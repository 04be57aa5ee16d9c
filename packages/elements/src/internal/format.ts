import type { Locale } from "@linli/core/i18n";

// Intl formatters are costly to build and cheap to reuse: one per locale and option set.
const numbers = new Map<string, Intl.NumberFormat>();
const dates = new Map<string, Intl.DateTimeFormat>();

/** The date formatter for `locale` with `options`, built once for each pair. */
export function dateFormat(
  locale: Locale,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  const key = locale + JSON.stringify(options);
  let f = dates.get(key);
  if (!f)
    dates.set(key, (f = new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "zh-CN", options)));
  return f;
}

/** The number formatter for `locale` with `options`, built once for each pair. */
export function numberFormat(
  locale: Locale,
  options: Intl.NumberFormatOptions = {},
): Intl.NumberFormat {
  const key = locale + JSON.stringify(options);
  let f = numbers.get(key);
  if (!f) numbers.set(key, (f = new Intl.NumberFormat(locale, options)));
  return f;
}

/** A whole number as people read it: `1,234` in both shipped languages. */
export function formatNumber(n: number, locale: Locale): string {
  return numberFormat(locale).format(n);
}

/**
 * A session's start and end as a notice would print them, in the hub's zone: `12月1日周二
 * 09:00–11:30` in zh-CN, `Tue 1 Dec, 09:00–11:30` in en (24-hour clock in both).
 *
 * @example
 * formatSessionTime(Date.parse("2026-12-01T01:00:00Z"), "11:30", "Asia/Shanghai", "en"); // "Tue 1 Dec, 09:00–11:30"
 */
export function formatSessionTime(
  startsAt: number,
  end: string,
  timeZone: string,
  locale: Locale,
): string {
  const f = dateFormat(locale, {
    timeZone,
    weekday: "short",
    month: locale === "en" ? "short" : "long",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  });
  return `${f.format(startsAt)}–${end}`;
}

/**
 * An instant as a long date and a time in the hub's zone: `2026年12月31日 17:00` in zh-CN,
 * `31 December 2026 at 17:00` in en.
 *
 * @example
 * formatLongDateTime(Date.parse("2026-12-31T09:00:00Z"), "Asia/Shanghai", "en"); // "31 December 2026 at 17:00"
 */
export function formatLongDateTime(at: number, timeZone: string, locale: Locale): string {
  return dateFormat(locale, {
    dateStyle: "long",
    timeStyle: "short",
    timeZone,
  }).format(at);
}

/**
 * A calendar date as a notice prints it: `12月1日周二` in zh-CN, `Tue 1 Dec` in en.
 *
 * @example
 * formatDay("2026-12-01", "en"); // "Tue 1 Dec"
 */
export function formatDay(date: string, locale: Locale): string {
  return dateFormat(locale, {
    timeZone: "UTC", // a date names a day, wherever it is read
    weekday: "short",
    month: locale === "en" ? "short" : "long",
    day: "numeric",
  }).format(Date.parse(`${date}T00:00:00Z`));
}
