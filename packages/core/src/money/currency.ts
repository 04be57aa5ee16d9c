import * as z from "zod/mini";

/**
 * ISO 4217 currencies Linli knows, with their exponent (decimal places of the minor unit).
 * CNY counts in fen (2), JPY and KRW have no minor unit (0), the dinars count in fils (3).
 */
export const CURRENCY_EXPONENTS = {
  CNY: 2,
  HKD: 2,
  MOP: 2,
  TWD: 2,
  USD: 2,
  EUR: 2,
  GBP: 2,
  SGD: 2,
  AUD: 2,
  CAD: 2,
  CHF: 2,
  NZD: 2,
  THB: 2,
  MYR: 2,
  JPY: 0,
  KRW: 0,
  VND: 0,
  ISK: 0,
  CLP: 0,
  BHD: 3,
  JOD: 3,
  KWD: 3,
  OMR: 3,
  TND: 3,
} as const;

export type CurrencyCode = keyof typeof CURRENCY_EXPONENTS;

export const CurrencyCodeSchema = /* @__PURE__ */ (() =>
  z.enum(Object.keys(CURRENCY_EXPONENTS) as [CurrencyCode, ...CurrencyCode[]], {
    error: (i) => (i.input === undefined ? undefined : "UNKNOWN_CURRENCY"),
  }))();

/** Whether a string is a currency Linli knows. */
export function isCurrencyCode(code: string): code is CurrencyCode {
  return Object.prototype.hasOwnProperty.call(CURRENCY_EXPONENTS, code);
}

/**
 * Decimal places of a currency's minor unit.
 *
 * @example
 * currencyExponent("CNY"); // 2
 * currencyExponent("JPY"); // 0
 */
export function currencyExponent(currency: CurrencyCode): number {
  return CURRENCY_EXPONENTS[currency];
}
