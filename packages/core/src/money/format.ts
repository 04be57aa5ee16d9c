import type { Locale } from "../i18n/locale.js";
import { currencyExponent } from "./currency.js";
import { toDecimalString, type Money } from "./money.js";

const formatters = new Map<string, Intl.NumberFormat>();

/** Options for {@link formatMoney}. */
export interface FormatMoneyOptions {
  /** `symbol` (¥18.50, default), `code` (CNY 18.50) or `name` (18.50 Chinese yuan). */
  readonly display?: "symbol" | "narrowSymbol" | "code" | "name";
}

/**
 * Formats an amount for people, through Intl, from its exact decimal string (no float).
 *
 * @example
 * formatMoney(money(1850, "CNY"), "zh-CN"); // "¥18.50"
 * formatMoney(money(1850, "CNY"), "en"); // "CN¥18.50"
 */
export function formatMoney(m: Money, locale: Locale, options: FormatMoneyOptions = {}): string {
  const display = options.display ?? "symbol";
  const key = `${locale}|${m.currency}|${display}`;
  let f = formatters.get(key);
  if (!f) {
    const digits = currencyExponent(m.currency);
    f = new Intl.NumberFormat(locale, {
      style: "currency",
      currency: m.currency,
      currencyDisplay: display,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    formatters.set(key, f);
  }
  // A numeric string is formatted exactly (Intl.NumberFormat v3), even past 2^53.
  return f.format(toDecimalString(m) as unknown as number);
}
