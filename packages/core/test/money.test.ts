import { describe, expect, it } from "vitest";
import {
  CURRENCY_EXPONENTS,
  LinliError,
  MoneySchema,
  add,
  allocate,
  compare,
  currencyExponent,
  divideRounded,
  equals,
  formatMoney,
  fromDecimalString,
  isCurrencyCode,
  isNegative,
  isPositive,
  isZero,
  money,
  multiply,
  multiplyByRatio,
  negate,
  subtract,
  sum,
  toDecimalString,
  validate,
  zero,
  type CurrencyCode,
  type Money,
  type RoundingMode,
} from "../src/index.js";

const MAX = Number.MAX_SAFE_INTEGER;
const cny = (amount: number): Money => money(amount, "CNY");
const jpy = (amount: number): Money => money(amount, "JPY");
const kwd = (amount: number): Money => money(amount, "KWD");

/** Runs `fn`, expects a LinliError with `code`, and returns it for further checks. */
function linliError(fn: () => unknown, code: string): LinliError {
  let caught: unknown;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  expect(caught, `expected a LinliError ${code}`).toBeInstanceOf(LinliError);
  const error = caught as LinliError;
  expect(error.code).toBe(code);
  expect(error.issue.code).toBe(code);
  expect(error.name).toBe("LinliError");
  expect(error.message).toBe(error.issue.message.en);
  expect(error.messageIn("zh-CN")).toBe(error.issue.message["zh-CN"]);
  expect(error.issue.message["zh-CN"].length).toBeGreaterThan(0);
  expect(error.issue.message.en.length).toBeGreaterThan(0);
  return error;
}

/** Exact amount check that also tells +0 from -0. */
function expectAmount(m: Money, amount: number, currency: CurrencyCode = "CNY") {
  expect(m.currency).toBe(currency);
  expect(Object.is(m.amount, amount), `amount ${String(m.amount)} should be ${amount}`).toBe(true);
}

describe("money() construction", () => {
  it("makes an amount of minor units in a known currency", () => {
    expect(money(1850, "CNY")).toEqual({ amount: 1850, currency: "CNY" });
    expect(money(-5, "CNY")).toEqual({ amount: -5, currency: "CNY" });
    expect(money(0, "JPY")).toEqual({ amount: 0, currency: "JPY" });
    expect(money(MAX, "KWD")).toEqual({ amount: MAX, currency: "KWD" });
    expect(money(-MAX, "USD")).toEqual({ amount: -MAX, currency: "USD" });
  });

  it("returns a plain object with exactly amount and currency", () => {
    expect(Object.keys(money(1, "CNY")).sort()).toEqual(["amount", "currency"]);
  });

  it("zero() is zero of the currency", () => {
    expectAmount(zero("CNY"), 0);
    expectAmount(zero("JPY"), 0, "JPY");
  });

  it.each([1.5, 0.1, -18.5, NaN, Infinity, -Infinity])(
    "refuses a fractional or non-finite amount (%s) with AMOUNT_NOT_INTEGER",
    (amount) => {
      const e = linliError(() => money(amount, "CNY"), "AMOUNT_NOT_INTEGER");
      expect(e.issue.message.en).toContain(String(amount));
      expect(e.issue.message["zh-CN"]).toContain(String(amount));
    },
  );

  it.each([MAX + 1, -(MAX + 1), 2 ** 60, 1e300])(
    "refuses an unsafe integer (%s) with AMOUNT_OVERFLOW",
    (amount) => {
      const e = linliError(() => money(amount, "CNY"), "AMOUNT_OVERFLOW");
      expect(e.issue.message.en).toBe("The amount is too large to represent exactly");
      expect(e.issue.message["zh-CN"]).toBe("金额超出可精确表示的范围");
    },
  );

  it.each(["XXX", "cny", "", "RMB", "toString", "__proto__", "constructor"])(
    "refuses an unknown currency %j with UNKNOWN_CURRENCY",
    (code) => {
      const e = linliError(() => money(1, code as CurrencyCode), "UNKNOWN_CURRENCY");
      expect(e.issue.message.en).toBe(`Unsupported currency: ${code}`);
      expect(e.issue.message["zh-CN"]).toBe(`不支持的币种：${code}`);
    },
  );

  it("checks the amount before the currency", () => {
    linliError(() => money(1.5, "XXX" as CurrencyCode), "AMOUNT_NOT_INTEGER");
  });

  it("money(-0) is +0", () => {
    const m = money(-0, "CNY");
    expect(Object.is(m.amount, -0)).toBe(false);
    expect(isZero(m)).toBe(true);
    expect(isNegative(m)).toBe(false);
    expect(equals(m, cny(0))).toBe(true);
    expect(toDecimalString(m)).toBe("0.00");
    expectAmount(negate(m), 0);
  });
});

describe("currencies", () => {
  it.each([
    ["CNY", 2],
    ["USD", 2],
    ["EUR", 2],
    ["HKD", 2],
    ["JPY", 0],
    ["KRW", 0],
    ["VND", 0],
    ["KWD", 3],
    ["BHD", 3],
    ["OMR", 3],
  ] as const)("%s has exponent %i", (code, exp) => {
    expect(currencyExponent(code)).toBe(exp);
    expect(CURRENCY_EXPONENTS[code]).toBe(exp);
  });

  it("every exponent is 0, 2 or 3", () => {
    for (const exp of Object.values(CURRENCY_EXPONENTS)) expect([0, 2, 3]).toContain(exp);
    expect(Object.keys(CURRENCY_EXPONENTS).length).toBe(24);
  });

  it("isCurrencyCode knows only listed codes", () => {
    expect(isCurrencyCode("CNY")).toBe(true);
    expect(isCurrencyCode("KWD")).toBe(true);
    expect(isCurrencyCode("cny")).toBe(false);
    expect(isCurrencyCode("XXX")).toBe(false);
    expect(isCurrencyCode("hasOwnProperty")).toBe(false);
    expect(isCurrencyCode("__proto__")).toBe(false);
  });
});

describe("add / subtract / sum / negate", () => {
  it("adds and subtracts exactly", () => {
    expectAmount(add(cny(1850), cny(150)), 2000);
    expectAmount(add(cny(-5), cny(3)), -2);
    expectAmount(subtract(cny(1850), cny(2000)), -150);
    expectAmount(subtract(jpy(1200), jpy(200)), 1000, "JPY");
    expectAmount(add(kwd(1), kwd(999)), 1000, "KWD");
  });

  it("x - x and x + (-x) are +0", () => {
    expectAmount(subtract(cny(5), cny(5)), 0);
    expectAmount(add(cny(-5), cny(5)), 0);
    expectAmount(subtract(cny(0), cny(0)), 0);
  });

  it("does not mutate its operands", () => {
    const a = cny(100);
    const b = cny(50);
    add(a, b);
    subtract(a, b);
    expect(a).toEqual({ amount: 100, currency: "CNY" });
    expect(b).toEqual({ amount: 50, currency: "CNY" });
  });

  it("reaches the edge of the safe range and overflows past it", () => {
    expectAmount(add(cny(MAX - 1), cny(1)), MAX);
    expectAmount(subtract(cny(-MAX + 1), cny(1)), -MAX);
    linliError(() => add(cny(MAX), cny(1)), "AMOUNT_OVERFLOW");
    linliError(() => add(cny(MAX), cny(MAX)), "AMOUNT_OVERFLOW");
    linliError(() => subtract(cny(-MAX), cny(1)), "AMOUNT_OVERFLOW");
    linliError(() => subtract(cny(MAX), cny(-MAX)), "AMOUNT_OVERFLOW");
  });

  it("sum adds a list, and an empty list is zero of the currency", () => {
    expectAmount(sum([cny(100), cny(250)], "CNY"), 350);
    expectAmount(sum([cny(100), cny(-250), cny(1)], "CNY"), -149);
    expectAmount(sum([], "CNY"), 0);
    expectAmount(sum([], "JPY"), 0, "JPY");
    expectAmount(sum([kwd(1)], "KWD"), 1, "KWD");
    linliError(() => sum([cny(MAX), cny(1)], "CNY"), "AMOUNT_OVERFLOW");
  });

  it("negate flips the sign and keeps zero +0", () => {
    expectAmount(negate(cny(1850)), -1850);
    expectAmount(negate(cny(-5)), 5);
    expectAmount(negate(cny(0)), 0);
    expectAmount(negate(cny(MAX)), -MAX);
    expectAmount(negate(cny(-MAX)), MAX);
    expectAmount(negate(jpy(7)), -7, "JPY");
  });
});

describe("CURRENCY_MISMATCH", () => {
  const cases: [string, () => unknown, string, string][] = [
    ["add", () => add(cny(1), jpy(1)), "CNY", "JPY"],
    ["add (reversed)", () => add(jpy(1), cny(1)), "JPY", "CNY"],
    ["subtract", () => subtract(cny(1), kwd(1)), "CNY", "KWD"],
    ["compare", () => compare(money(1, "USD"), money(1, "EUR")), "USD", "EUR"],
    ["sum", () => sum([cny(1), jpy(2)], "CNY"), "CNY", "JPY"],
    ["sum (list not in the currency)", () => sum([cny(1)], "JPY"), "JPY", "CNY"],
  ];

  it.each(cases)("%s refuses to mix currencies, in both languages", (_what, fn, a, b) => {
    const e = linliError(fn, "CURRENCY_MISMATCH");
    expect(e.issue.message["zh-CN"]).toBe(`币种不一致：${a} 与 ${b} 不能相加或比较`);
    expect(e.issue.message.en).toBe(`Currencies differ: ${a} and ${b} cannot be combined`);
    for (const text of [e.issue.message["zh-CN"], e.issue.message.en, e.message]) {
      expect(text).toContain(a);
      expect(text).toContain(b);
    }
    expect(e.issue.details).toEqual({ expected: a, actual: b });
  });

  it("zero amounts in different currencies still do not mix", () => {
    linliError(() => add(cny(0), jpy(0)), "CURRENCY_MISMATCH");
  });

  it("equals never throws across currencies", () => {
    expect(equals(cny(100), jpy(100))).toBe(false);
    expect(equals(cny(0), kwd(0))).toBe(false);
  });
});

describe("multiply", () => {
  it("multiplies by a whole number exactly", () => {
    expectAmount(multiply(cny(1850), 3), 5550);
    expectAmount(multiply(cny(1850), -2), -3700);
    expectAmount(multiply(cny(-7), -3), 21);
    expectAmount(multiply(jpy(1200), 1), 1200, "JPY");
    expectAmount(multiply(kwd(1), 1000), 1000, "KWD");
  });

  it("multiplying by zero gives +0, even for a negative amount", () => {
    expectAmount(multiply(cny(-5), 0), 0);
    expectAmount(multiply(cny(5), -0), 0);
    expectAmount(multiply(cny(0), -3), 0);
  });

  it("refuses a fractional or unsafe factor", () => {
    linliError(() => multiply(cny(100), 1.5), "AMOUNT_NOT_INTEGER");
    linliError(() => multiply(cny(100), NaN), "AMOUNT_NOT_INTEGER");
    linliError(() => multiply(cny(100), 2 ** 53), "AMOUNT_OVERFLOW");
  });

  it("overflows past the safe range and is exact up to it", () => {
    expectAmount(multiply(cny(2 ** 52), 1), 2 ** 52);
    expectAmount(multiply(cny(3), 3002399751580330), 9007199254740990);
    linliError(() => multiply(cny(2 ** 52), 2), "AMOUNT_OVERFLOW");
    linliError(() => multiply(cny(-(2 ** 52)), 2), "AMOUNT_OVERFLOW");
    linliError(() => multiply(cny(MAX), -2), "AMOUNT_OVERFLOW");
  });
});

// Each row: the exact quotient as numerator/denominator, then the result for every mode.
const MODES = ["half-even", "half-up", "half-down", "up", "down", "ceil", "floor"] as const;
type Row = readonly [
  label: string,
  num: number,
  den: number,
  expected: Readonly<Record<RoundingMode, number>>,
];
const row = (label: string, num: number, den: number, ...r: number[]): Row => [
  label,
  num,
  den,
  Object.fromEntries(MODES.map((m, i) => [m, r[i]!])) as Record<RoundingMode, number>,
];
//                       half-even half-up half-down up down ceil floor
const ROUNDING_TABLE: readonly Row[] = [
  row("2.5", 5, 2, 2, 3, 2, 3, 2, 3, 2),
  row("-2.5", -5, 2, -2, -3, -2, -3, -2, -2, -3),
  row("3.5", 7, 2, 4, 4, 3, 4, 3, 4, 3),
  row("-3.5", -7, 2, -4, -4, -3, -4, -3, -3, -4),
  row("0.5", 1, 2, 0, 1, 0, 1, 0, 1, 0),
  row("-0.5", -1, 2, 0, -1, 0, -1, 0, 0, -1),
  row("2.4", 12, 5, 2, 2, 2, 3, 2, 3, 2),
  row("-2.4", -12, 5, -2, -2, -2, -3, -2, -2, -3),
  row("2.6", 13, 5, 3, 3, 3, 3, 2, 3, 2),
  row("-2.6", -13, 5, -3, -3, -3, -3, -2, -2, -3),
  row("1/3", 1, 3, 0, 0, 0, 1, 0, 1, 0),
  row("-1/3", -1, 3, 0, 0, 0, -1, 0, 0, -1),
  row("2/3", 2, 3, 1, 1, 1, 1, 0, 1, 0),
  row("-2/3", -2, 3, -1, -1, -1, -1, 0, 0, -1),
  row("1.125 (ratio 9/8)", 9, 8, 1, 1, 1, 2, 1, 2, 1),
  row("-4.5", -9, 2, -4, -5, -4, -5, -4, -4, -5),
  row("2 (exact)", 4, 2, 2, 2, 2, 2, 2, 2, 2),
  row("-2 (exact)", -4, 2, -2, -2, -2, -2, -2, -2, -2),
  row("0 (exact)", 0, 7, 0, 0, 0, 0, 0, 0, 0),
];
const ROUNDING_CASES = ROUNDING_TABLE.flatMap(([label, num, den, expected]) =>
  MODES.map((mode) => [label, mode, num, den, expected[mode]] as const),
);

describe("divideRounded", () => {
  it.each(ROUNDING_CASES)("%s, %s → %i", (_label, mode, num, den, expected) => {
    expect(divideRounded(BigInt(num), BigInt(den), mode)).toBe(BigInt(expected));
    // A negative denominator is the same quotient.
    expect(divideRounded(BigInt(-num), BigInt(-den), mode)).toBe(BigInt(expected));
  });

  it("is exact far past 2^53", () => {
    const big = 10n ** 30n + 5n; // …0005 / 10 = …000.5
    expect(divideRounded(big, 10n, "half-even")).toBe(10n ** 29n);
    expect(divideRounded(big, 10n, "half-up")).toBe(10n ** 29n + 1n);
    expect(divideRounded(-big, 10n, "half-up")).toBe(-(10n ** 29n) - 1n);
    expect(divideRounded(-big, 10n, "ceil")).toBe(-(10n ** 29n));
  });

  it("throws a RangeError on division by zero", () => {
    expect(() => divideRounded(1n, 0n, "half-even")).toThrow(RangeError);
  });
});

describe("multiplyByRatio", () => {
  it.each(ROUNDING_CASES)("%s, %s → %i", (_label, mode, num, den, expected) => {
    // The amount carries the sign…
    expectAmount(multiplyByRatio(cny(num), { numerator: 1, denominator: den }, mode), expected);
    // …or the numerator does.
    expectAmount(
      multiplyByRatio(
        cny(Math.abs(num)),
        { numerator: Math.sign(num) || 1, denominator: den },
        mode,
      ),
      expected,
    );
  });

  it("rounds ratio-scaled ties as well (1850 × 1/4 = 462.5)", () => {
    const quarter = { numerator: 1, denominator: 4 };
    expectAmount(multiplyByRatio(cny(1850), quarter, "half-even"), 462);
    expectAmount(multiplyByRatio(cny(1850), quarter, "half-up"), 463);
    expectAmount(multiplyByRatio(cny(-1850), quarter, "half-up"), -463);
    expectAmount(multiplyByRatio(cny(-1850), quarter, "half-even"), -462);
    expectAmount(multiplyByRatio(cny(1850), { numerator: 3, denominator: 4 }, "half-even"), 1388);
  });

  it("handles the documented examples", () => {
    expectAmount(multiplyByRatio(cny(999), { numerator: 1, denominator: 3 }, "half-even"), 333);
    // A 12.5% fee on ¥18.50 = 231.25 fen.
    const fee = { numerator: 125, denominator: 1000 };
    expectAmount(multiplyByRatio(cny(1850), fee, "half-even"), 231);
    expectAmount(multiplyByRatio(cny(1850), fee, "ceil"), 232);
    expectAmount(multiplyByRatio(cny(1850), { numerator: 80, denominator: 100 }, "down"), 1480);
    expectAmount(multiplyByRatio(jpy(1000), { numerator: 1, denominator: 3 }, "up"), 334, "JPY");
  });

  it("is exact for products past 2^53", () => {
    expectAmount(multiplyByRatio(cny(MAX), { numerator: 3, denominator: 3 }, "half-even"), MAX);
    expectAmount(multiplyByRatio(cny(MAX), { numerator: 3, denominator: 3 }, "down"), MAX);
    expectAmount(multiplyByRatio(cny(MAX), { numerator: 1, denominator: 2 }, "down"), 2 ** 52 - 1);
    expectAmount(multiplyByRatio(cny(MAX), { numerator: 1, denominator: 2 }, "half-even"), 2 ** 52);
    expectAmount(multiplyByRatio(cny(MAX), { numerator: MAX, denominator: MAX }, "floor"), MAX);
    expectAmount(
      multiplyByRatio(cny(-MAX), { numerator: MAX - 1, denominator: MAX }, "down"),
      -(MAX - 1),
    );
  });

  it("refuses a bad ratio with INVALID_RATIO", () => {
    const bad = [
      { numerator: 1, denominator: 0 },
      { numerator: 1, denominator: -3 },
      { numerator: 1, denominator: 1.5 },
      { numerator: 0.5, denominator: 2 },
      { numerator: NaN, denominator: 2 },
      { numerator: 1, denominator: Infinity },
      { numerator: 2 ** 53, denominator: 1 },
    ];
    for (const ratio of bad) {
      const e = linliError(() => multiplyByRatio(cny(100), ratio, "half-even"), "INVALID_RATIO");
      expect(e.issue.message["zh-CN"]).toBe("比例必须是整数分子和正整数分母");
    }
  });

  it("overflows when the rounded result is unsafe", () => {
    linliError(
      () => multiplyByRatio(cny(MAX), { numerator: 2, denominator: 1 }, "half-even"),
      "AMOUNT_OVERFLOW",
    );
    linliError(
      () => multiplyByRatio(cny(MAX), { numerator: 2, denominator: 1 }, "down"),
      "AMOUNT_OVERFLOW",
    );
  });
});

describe("allocate", () => {
  const amounts = (parts: Money[]) => parts.map((p) => p.amount);

  it("splits 1000 three ways as 334, 333, 333", () => {
    const parts = allocate(cny(1000), [1, 1, 1]);
    expect(parts).toEqual([cny(334), cny(333), cny(333)]);
  });

  it("breaks remainder ties towards the earlier part", () => {
    expect(amounts(allocate(cny(2), [1, 1, 1]))).toEqual([1, 1, 0]);
    expect(amounts(allocate(cny(5), [1, 1, 1, 1]))).toEqual([2, 1, 1, 1]);
    expect(amounts(allocate(cny(7), [1, 1, 1, 1]))).toEqual([2, 2, 2, 1]);
    expect(amounts(allocate(cny(5), [1, 0, 1]))).toEqual([3, 0, 2]);
  });

  it("gives leftover units to the largest remainders, not to the earliest part", () => {
    // Shares 33.33… and 66.66…: the second has the larger remainder.
    expect(amounts(allocate(cny(100), [1, 2]))).toEqual([33, 67]);
    // Shares 1.4, 1.8, 1.8: the two .8 remainders get the two leftover units.
    expect(amounts(allocate(cny(5), [7, 9, 9]))).toEqual([1, 2, 2]);
    // Shares 0.6, 2.1, 7.3: the single leftover unit goes to 0.6.
    expect(amounts(allocate(cny(10), [6, 21, 73]))).toEqual([1, 2, 7]);
  });

  it("splits proportionally to weights", () => {
    expect(amounts(allocate(cny(1000), [70, 30]))).toEqual([700, 300]);
    expect(amounts(allocate(cny(1850), [80, 20]))).toEqual([1480, 370]);
    expect(amounts(allocate(cny(100), [1]))).toEqual([100]);
    expect(amounts(allocate(cny(1), [1, 1]))).toEqual([1, 0]);
  });

  it("gives zero-weight parts nothing", () => {
    const parts = allocate(cny(1000), [0, 1, 0, 1, 0]);
    expect(amounts(parts)).toEqual([0, 500, 0, 500, 0]);
    expect(amounts(allocate(cny(1001), [0, 1, 1]))).toEqual([0, 501, 500]);
    expect(amounts(allocate(cny(1), [0, 0, 1]))).toEqual([0, 0, 1]);
    expect(amounts(allocate(cny(-1), [0, 3, 3]))).toEqual([0, -1, 0]);
  });

  it("splits negative amounts symmetrically", () => {
    expect(amounts(allocate(cny(-1000), [1, 1, 1]))).toEqual([-334, -333, -333]);
    expect(amounts(allocate(cny(-100), [1, 2]))).toEqual([-33, -67]);
    expect(amounts(allocate(cny(-2), [1, 1, 1]))).toEqual([-1, -1, 0]);
  });

  it("never produces -0", () => {
    for (const p of allocate(cny(-1), [1, 1, 1])) expect(Object.is(p.amount, -0)).toBe(false);
    for (const p of allocate(cny(0), [1, 2])) expectAmount(p, 0);
  });

  it("keeps the currency (JPY, KWD)", () => {
    const yen = allocate(jpy(1000), [1, 1, 1]);
    expect(yen).toEqual([jpy(334), jpy(333), jpy(333)]);
    expect(allocate(kwd(10), [1, 2])).toEqual([kwd(3), kwd(7)]);
  });

  it("is exact for the full safe range and huge weights", () => {
    const parts = allocate(cny(MAX), [MAX, MAX, 1]);
    expect(amounts(parts).reduce((a, b) => a + b, 0)).toBe(MAX);
    // Shares ≈ 2^52 - 0.75, 2^52 - 0.75 and ≈ 0.5: the one leftover unit goes to the last.
    expect(amounts(parts)).toEqual([2 ** 52 - 1, 2 ** 52 - 1, 1]);
    expect(amounts(allocate(cny(-MAX), [1, 1]))).toEqual([-(2 ** 52), -(2 ** 52 - 1)]);
  });

  it.each([
    ["an empty list", []],
    ["all zeros", [0, 0, 0]],
    ["a negative weight", [1, -1, 2]],
    ["a fractional weight", [1, 0.5]],
    ["NaN", [NaN, 1]],
    ["an unsafe weight", [2 ** 53, 1]],
  ])("refuses %s with INVALID_WEIGHTS", (_what, weights) => {
    const e = linliError(() => allocate(cny(100), weights), "INVALID_WEIGHTS");
    expect(e.issue.message["zh-CN"]).toBe("分配权重必须是非负整数，且至少有一个大于零");
  });
});

describe("compare / equals / predicates", () => {
  it("compare returns -1, 0 or 1", () => {
    expect(compare(cny(1), cny(2))).toBe(-1);
    expect(compare(cny(2), cny(1))).toBe(1);
    expect(compare(cny(2), cny(2))).toBe(0);
    expect(compare(cny(-MAX), cny(MAX))).toBe(-1);
    expect(compare(jpy(0), jpy(-1))).toBe(1);
  });

  it("compare sorts amounts", () => {
    const list = [cny(5), cny(-3), cny(0), cny(100), cny(-100)];
    expect(amounts([...list].sort(compare))).toEqual([-100, -3, 0, 5, 100]);
    function amounts(ms: Money[]) {
      return ms.map((m) => m.amount);
    }
  });

  it("equals needs the same currency and amount", () => {
    expect(equals(cny(100), cny(100))).toBe(true);
    expect(equals(cny(100), cny(101))).toBe(false);
    expect(equals(cny(100), jpy(100))).toBe(false);
    expect(equals(money(0, "CNY"), zero("CNY"))).toBe(true);
  });

  it("isZero, isNegative, isPositive", () => {
    expect([isZero(cny(0)), isNegative(cny(0)), isPositive(cny(0))]).toEqual([true, false, false]);
    expect([isZero(cny(-1)), isNegative(cny(-1)), isPositive(cny(-1))]).toEqual([
      false,
      true,
      false,
    ]);
    expect([isZero(cny(1)), isNegative(cny(1)), isPositive(cny(1))]).toEqual([false, false, true]);
  });
});

describe("toDecimalString", () => {
  it.each([
    [cny(1850), "18.50"],
    [cny(-5), "-0.05"],
    [cny(5), "0.05"],
    [cny(50), "0.50"],
    [cny(0), "0.00"],
    [cny(-1850), "-18.50"],
    [cny(100), "1.00"],
    [jpy(1200), "1200"],
    [jpy(-7), "-7"],
    [jpy(0), "0"],
    [kwd(1), "0.001"],
    [kwd(-1234), "-1.234"],
    [kwd(1000), "1.000"],
    [cny(MAX), "90071992547409.91"],
    [cny(-MAX), "-90071992547409.91"],
    [jpy(MAX), "9007199254740991"],
    [kwd(MAX), "9007199254740.991"],
  ])("%o → %s", (m, s) => {
    expect(toDecimalString(m)).toBe(s);
  });
});

describe("fromDecimalString", () => {
  it.each([
    ["18.5", "CNY", 1850],
    ["18.50", "CNY", 1850],
    ["18", "CNY", 1800],
    ["-0.05", "CNY", -5],
    ["+0.05", "CNY", 5],
    ["0.5", "CNY", 50],
    ["007.10", "CNY", 710],
    ["18.500000", "CNY", 1850],
    ["  18.5  ", "CNY", 1850],
    ["1200", "JPY", 1200],
    ["1.0", "JPY", 1],
    ["1.000", "JPY", 1],
    ["-7", "JPY", -7],
    ["0.001", "KWD", 1],
    ["1.5", "KWD", 1500],
    ["-1.234", "KWD", -1234],
    ["90071992547409.91", "CNY", MAX],
    ["-90071992547409.91", "CNY", -MAX],
    ["9007199254740991", "JPY", MAX],
  ] as const)("%j %s → %i", (input, currency, amount) => {
    expectAmount(fromDecimalString(input, currency), amount, currency);
  });

  it.each(["0", "-0", "-0.00", "+0", "0.000"])("%j is +0", (input) => {
    expectAmount(fromDecimalString(input, "CNY"), 0);
  });

  it.each([
    ["0.001", "CNY", 2],
    ["18.505", "CNY", 2],
    ["0.0010", "CNY", 2],
    ["1.50", "JPY", 0],
    ["1.5", "JPY", 0],
    ["0.0001", "KWD", 3],
  ] as const)("%j %s is TOO_MANY_DECIMALS", (input, currency, exp) => {
    const e = linliError(() => fromDecimalString(input, currency), "TOO_MANY_DECIMALS");
    expect(e.issue.message["zh-CN"]).toBe(`${currency} 最多 ${exp} 位小数`);
    expect(e.issue.message.en).toBe(`${currency} has at most ${exp} decimal places`);
  });

  it.each([
    "abc",
    "",
    " ",
    "18.",
    ".5",
    "1,000",
    "1e3",
    "¥18.50",
    "18.50 CNY",
    "--1",
    "+-1",
    "1.2.3",
    "NaN",
    "Infinity",
    "１２", // full-width digits
    "0x10",
  ])("%j is INVALID_DECIMAL", (input) => {
    const e = linliError(() => fromDecimalString(input, "CNY"), "INVALID_DECIMAL");
    expect(e.issue.message.en).toBe(`“${input}” is not a valid amount`);
    expect(e.issue.message["zh-CN"]).toBe(`“${input}”不是有效金额`);
  });

  it("overflows past 2^53 - 1 minor units", () => {
    linliError(() => fromDecimalString("90071992547409.92", "CNY"), "AMOUNT_OVERFLOW");
    linliError(() => fromDecimalString("-90071992547409.92", "CNY"), "AMOUNT_OVERFLOW");
    linliError(() => fromDecimalString("9007199254740992", "JPY"), "AMOUNT_OVERFLOW");
    linliError(() => fromDecimalString("1" + "0".repeat(30), "JPY"), "AMOUNT_OVERFLOW");
    // Past Number's range too (it would become Infinity): still an overflow.
    linliError(() => fromDecimalString("9".repeat(400), "JPY"), "AMOUNT_OVERFLOW");
    linliError(() => fromDecimalString("-" + "9".repeat(400) + ".5", "CNY"), "AMOUNT_OVERFLOW");
  });
});

describe("formatMoney", () => {
  // Intl separates a currency code from the number with a no-break space.
  const NBSP = "\u00a0";

  it.each([
    [cny(1850), "zh-CN", "¥18.50"],
    [cny(1850), "en", "CN¥18.50"],
    [cny(-1850), "zh-CN", "-¥18.50"],
    [cny(-1850), "en", "-CN¥18.50"],
    [cny(-5), "en", "-CN¥0.05"],
    [cny(0), "zh-CN", "¥0.00"],
    [cny(123456789), "zh-CN", "¥1,234,567.89"],
    [jpy(1200), "zh-CN", "JP¥1,200"],
    [jpy(1200), "en", "¥1,200"],
    [jpy(-1200), "en", "-¥1,200"],
    [kwd(1234567), "en", `KWD${NBSP}1,234.567`],
    [money(123456789, "USD"), "en", "$1,234,567.89"],
    [money(123456789, "USD"), "zh-CN", "US$1,234,567.89"],
    // Exact from the decimal string: a float would print …409.92 here.
    [cny(MAX), "zh-CN", "¥90,071,992,547,409.91"],
    [cny(-MAX), "en", "-CN¥90,071,992,547,409.91"],
  ] as const)("%o in %s → %s", (m, locale, text) => {
    expect(formatMoney(m, locale)).toBe(text);
  });

  it("shows the currency's own number of decimals", () => {
    expect(formatMoney(cny(100), "en")).toBe("CN¥1.00");
    expect(formatMoney(jpy(1), "en")).toBe("¥1");
    expect(formatMoney(kwd(1), "en")).toBe(`KWD${NBSP}0.001`);
  });

  it("supports code and name display", () => {
    expect(formatMoney(cny(1850), "en", { display: "code" })).toBe(`CNY${NBSP}18.50`);
    expect(formatMoney(cny(-1850), "zh-CN", { display: "code" })).toBe(`-CNY${NBSP}18.50`);
    expect(formatMoney(cny(1850), "en", { display: "name" })).toBe("18.50 Chinese yuan");
    expect(formatMoney(cny(1850), "en", { display: "narrowSymbol" })).toBe("¥18.50");
    // The default stays "symbol" after other displays were cached.
    expect(formatMoney(cny(1850), "en")).toBe("CN¥18.50");
  });
});

describe("MoneySchema via validate()", () => {
  it("accepts a valid amount", () => {
    expect(validate(MoneySchema, { amount: 1850, currency: "CNY" })).toEqual({
      ok: true,
      value: { amount: 1850, currency: "CNY" },
    });
    expect(validate(MoneySchema, { amount: -5, currency: "KWD" }).ok).toBe(true);
  });

  it("refuses 18.5 at amount with AMOUNT_NOT_INTEGER", () => {
    const r = validate(MoneySchema, { amount: 18.5, currency: "CNY" });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toHaveLength(1);
    expect(r.error[0]).toMatchObject({ path: "amount", code: "AMOUNT_NOT_INTEGER" });
    expect(r.error[0]!.message.en).toContain("18.5");
    expect(r.error[0]!.message["zh-CN"]).toContain("18.5");
  });

  it('refuses the string "1850" at amount with AMOUNT_NOT_INTEGER', () => {
    const r = validate(MoneySchema, { amount: "1850", currency: "CNY" });
    expect(r.ok ? [] : r.error.map((i) => [i.path, i.code])).toEqual([
      ["amount", "AMOUNT_NOT_INTEGER"],
    ]);
  });

  it("refuses an unknown currency at currency with UNKNOWN_CURRENCY", () => {
    const r = validate(MoneySchema, { amount: 1850, currency: "XXX" });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toHaveLength(1);
    expect(r.error[0]).toMatchObject({ path: "currency", code: "UNKNOWN_CURRENCY" });
    expect(r.error[0]!.message).toEqual({
      "zh-CN": "不支持的币种：XXX",
      en: "Unsupported currency: XXX",
    });
  });

  it("reports both problems at once", () => {
    const r = validate(MoneySchema, { amount: 0.5, currency: "cny" });
    expect(r.ok ? [] : r.error.map((i) => [i.path, i.code]).sort()).toEqual([
      ["amount", "AMOUNT_NOT_INTEGER"],
      ["currency", "UNKNOWN_CURRENCY"],
    ]);
  });

  it("a missing amount is REQUIRED, not AMOUNT_NOT_INTEGER", () => {
    const r = validate(MoneySchema, { currency: "CNY" });
    expect(r.ok ? [] : r.error.map((i) => [i.path, i.code])).toEqual([["amount", "REQUIRED"]]);
  });
});
