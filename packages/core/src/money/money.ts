import * as z from "zod/mini";
import { issueIn, LinliError } from "../common/issue.js";
import { moneyMessages } from "../i18n/messages.js";
import {
  CurrencyCodeSchema,
  currencyExponent,
  isCurrencyCode,
  type CurrencyCode,
} from "./currency.js";
import { divideRounded, type RoundingMode } from "./rounding.js";

/**
 * An amount of money: a whole number of minor units (fen for CNY) and its currency.
 * Never a float. `{ amount: 1850, currency: "CNY" }` is ¥18.50.
 */
// A wrong type (18.5, "18.5") says "whole number of minor units"; a missing one says "enter".
const minorUnits = () =>
  z.int({
    error: (i) =>
      i.code === "invalid_type" && i.input !== undefined ? "AMOUNT_NOT_INTEGER" : undefined,
  });

export const MoneySchema = /* @__PURE__ */ (() =>
  z.object({
    amount: minorUnits(),
    currency: CurrencyCodeSchema,
  }))();
export type Money = z.infer<typeof MoneySchema>;

/** A non-negative amount, for prices and fees. */
export const NonNegativeMoneySchema = /* @__PURE__ */ (() =>
  z.object({
    amount: minorUnits().check(z.gte(0)),
    currency: CurrencyCodeSchema,
  }))();

/** An exact ratio of two integers, e.g. 80% is `{ numerator: 80, denominator: 100 }`. */
export const RatioSchema = /* @__PURE__ */ (() =>
  z.object({
    numerator: z.int(),
    denominator: z.int().check(z.positive()),
  }))();
export type Ratio = z.infer<typeof RatioSchema>;

function assertAmount(amount: number): void {
  if (!Number.isInteger(amount))
    throw new LinliError(issueIn(moneyMessages, "AMOUNT_NOT_INTEGER", { value: String(amount) }));
  if (!Number.isSafeInteger(amount))
    throw new LinliError(issueIn(moneyMessages, "AMOUNT_OVERFLOW"));
}

function assertSameCurrency(a: Money, b: Money): void {
  if (a.currency !== b.currency) {
    throw new LinliError(
      issueIn(
        moneyMessages,
        "CURRENCY_MISMATCH",
        { expected: a.currency, actual: b.currency },
        undefined,
        {
          expected: a.currency,
          actual: b.currency,
        },
      ),
    );
  }
}

/**
 * Makes an amount, checking it is a safe integer of a known currency.
 *
 * @throws {LinliError} `AMOUNT_NOT_INTEGER`, `AMOUNT_OVERFLOW` or `UNKNOWN_CURRENCY`.
 * @example
 * money(1850, "CNY"); // ¥18.50
 */
export function money(amount: number, currency: CurrencyCode): Money {
  assertAmount(amount);
  if (!isCurrencyCode(currency))
    throw new LinliError(issueIn(moneyMessages, "UNKNOWN_CURRENCY", { value: String(currency) }));
  return { amount: amount === 0 ? 0 : amount, currency }; // never -0
}

/** Zero in a currency. */
export function zero(currency: CurrencyCode): Money {
  return money(0, currency);
}

/**
 * Adds amounts of one currency.
 *
 * @throws {LinliError} `CURRENCY_MISMATCH` when the currencies differ; `AMOUNT_OVERFLOW`.
 * @example
 * add(money(1850, "CNY"), money(150, "CNY")); // { amount: 2000, currency: "CNY" }
 */
export function add(a: Money, b: Money): Money {
  assertSameCurrency(a, b);
  return money(a.amount + b.amount, a.currency);
}

/**
 * Subtracts `b` from `a` (same currency). The result may be negative.
 *
 * @throws {LinliError} `CURRENCY_MISMATCH`; `AMOUNT_OVERFLOW`.
 */
export function subtract(a: Money, b: Money): Money {
  assertSameCurrency(a, b);
  return money(a.amount - b.amount, a.currency);
}

/**
 * Adds a list of amounts; an empty list is zero of `currency`.
 *
 * @throws {LinliError} `CURRENCY_MISMATCH` if any amount is not in `currency`.
 * @example
 * sum([money(100, "CNY"), money(250, "CNY")], "CNY"); // ¥3.50
 */
export function sum(amounts: readonly Money[], currency: CurrencyCode): Money {
  let total = zero(currency);
  for (const m of amounts) total = add(total, m);
  return total;
}

/** The amount with its sign flipped. */
export function negate(m: Money): Money {
  return money(m.amount === 0 ? 0 : -m.amount, m.currency);
}

/**
 * Multiplies by a whole number (a quantity). Exact, never rounds.
 *
 * @throws {LinliError} `AMOUNT_NOT_INTEGER` for a fractional factor; `AMOUNT_OVERFLOW`.
 * @example
 * multiply(money(1850, "CNY"), 3); // ¥55.50
 */
export function multiply(m: Money, factor: number): Money {
  assertAmount(factor);
  const product = m.amount * factor;
  if (!Number.isSafeInteger(product))
    throw new LinliError(issueIn(moneyMessages, "AMOUNT_OVERFLOW"));
  return money(product === 0 ? 0 : product, m.currency);
}

/**
 * Multiplies by an exact ratio and rounds once, by an explicit mode. Use it for a single
 * share (a 12.5% fee); use {@link allocate} when shares must add back up to the whole.
 *
 * @throws {LinliError} `INVALID_RATIO`; `AMOUNT_OVERFLOW`.
 * @example
 * multiplyByRatio(money(999, "CNY"), { numerator: 1, denominator: 3 }, "half-even"); // ¥3.33
 */
export function multiplyByRatio(m: Money, ratio: Ratio, rounding: RoundingMode): Money {
  const { numerator, denominator } = ratio;
  if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator) || denominator <= 0) {
    throw new LinliError(issueIn(moneyMessages, "INVALID_RATIO"));
  }
  const product = m.amount * numerator;
  let result: number;
  if (Number.isSafeInteger(product) && rounding === "down") {
    result = Math.trunc(product / denominator);
    // Float division can land one off for large products; correct it exactly.
    if (Math.abs(product - result * denominator) >= denominator) {
      result = Number(divideRounded(BigInt(product), BigInt(denominator), rounding));
    }
  } else {
    result = Number(
      divideRounded(BigInt(m.amount) * BigInt(numerator), BigInt(denominator), rounding),
    );
  }
  return money(result === 0 ? 0 : result, m.currency);
}

/**
 * Splits an amount into parts proportional to integer weights, exactly: the parts always
 * add up to the whole. Each part gets the floor of its share; the minor units left over go
 * one each to the parts with the largest remainders, ties to the earlier part
 * (largest-remainder method). Negative amounts split symmetrically.
 *
 * @throws {LinliError} `INVALID_WEIGHTS` for an empty list, a negative or fractional weight, or all zeros.
 * @example
 * allocate(money(1000, "CNY"), [1, 1, 1]); // ¥3.34, ¥3.33, ¥3.33
 */
export function allocate(m: Money, weights: readonly number[]): Money[] {
  let total = 0n;
  for (const w of weights) {
    if (!Number.isSafeInteger(w) || w < 0)
      throw new LinliError(issueIn(moneyMessages, "INVALID_WEIGHTS"));
    total += BigInt(w);
  }
  if (weights.length === 0 || total === 0n)
    throw new LinliError(issueIn(moneyMessages, "INVALID_WEIGHTS"));
  const negative = m.amount < 0;
  const whole = BigInt(Math.abs(m.amount));
  const parts: bigint[] = [];
  const remainders: bigint[] = [];
  let given = 0n;
  for (const w of weights) {
    const exact = whole * BigInt(w);
    parts.push(exact / total);
    remainders.push(exact % total);
    given += exact / total;
  }
  let left = Number(whole - given);
  const order = weights
    .map((_, i) => i)
    .sort((a, b) => {
      const ra = remainders[a]!;
      const rb = remainders[b]!;
      return ra === rb ? a - b : rb > ra ? 1 : -1;
    });
  for (let k = 0; left > 0; k++, left--) parts[order[k]!]! += 1n;
  return parts.map((p) => money(negative && p !== 0n ? -Number(p) : Number(p), m.currency));
}

/** Compares two amounts of one currency: negative, zero or positive. */
export function compare(a: Money, b: Money): number {
  assertSameCurrency(a, b);
  return a.amount === b.amount ? 0 : a.amount < b.amount ? -1 : 1;
}

/** Same currency and same amount. Never throws. */
export function equals(a: Money, b: Money): boolean {
  return a.currency === b.currency && a.amount === b.amount;
}

export const isZero = (m: Money): boolean => m.amount === 0;
export const isNegative = (m: Money): boolean => m.amount < 0;
export const isPositive = (m: Money): boolean => m.amount > 0;

/**
 * The amount as a plain decimal string in major units, exact (no float on the way).
 *
 * @example
 * toDecimalString(money(-5, "CNY")); // "-0.05"
 * toDecimalString(money(1200, "JPY")); // "1200"
 */
export function toDecimalString(m: Money): string {
  const exp = currencyExponent(m.currency);
  const digits = String(Math.abs(m.amount)).padStart(exp + 1, "0");
  const sign = m.amount < 0 ? "-" : "";
  if (exp === 0) return sign + digits;
  return `${sign}${digits.slice(0, -exp)}.${digits.slice(-exp)}`;
}

/**
 * Reads a decimal amount in major units ("18.5", "¥18.50" is not accepted) into minor units.
 *
 * @throws {LinliError} `INVALID_DECIMAL`, or `TOO_MANY_DECIMALS` when it has more places
 * than the currency (¥0.001 is not an amount).
 * @example
 * fromDecimalString("18.5", "CNY"); // { amount: 1850, currency: "CNY" }
 */
export function fromDecimalString(input: string, currency: CurrencyCode): Money {
  const match = /^\s*([+-]?)(\d+)(?:\.(\d+))?\s*$/.exec(input);
  if (!match) throw new LinliError(issueIn(moneyMessages, "INVALID_DECIMAL", { input }));
  const [, sign, int, frac = ""] = match as unknown as [string, string, string, string | undefined];
  const exp = currencyExponent(currency);
  if (frac.replace(/0+$/, "").length > exp) {
    throw new LinliError(issueIn(moneyMessages, "TOO_MANY_DECIMALS", { currency, exponent: exp }));
  }
  const minor = BigInt(int + frac.padEnd(exp, "0").slice(0, exp));
  if (minor > BigInt(Number.MAX_SAFE_INTEGER))
    throw new LinliError(issueIn(moneyMessages, "AMOUNT_OVERFLOW"));
  const amount = Number(minor);
  return money(sign === "-" && amount !== 0 ? -amount : amount, currency);
}
