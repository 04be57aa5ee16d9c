import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  CURRENCY_EXPONENTS,
  LinliError,
  add,
  allocate,
  compare,
  currencyExponent,
  fromDecimalString,
  money,
  multiply,
  multiplyByRatio,
  negate,
  subtract,
  sum,
  toDecimalString,
  zero,
  type CurrencyCode,
  type Money,
  type RoundingMode,
} from "../src/index.js";

const RUNS = { numRuns: 1000 } as const;
const MAX = Number.MAX_SAFE_INTEGER;
const BIG_MAX = BigInt(MAX);

const CURRENCIES = Object.keys(CURRENCY_EXPONENTS) as CurrencyCode[];
const MODES: readonly RoundingMode[] = [
  "half-even",
  "half-up",
  "half-down",
  "up",
  "down",
  "ceil",
  "floor",
];

const currency = fc.constantFrom(...CURRENCIES);
const mode = fc.constantFrom(...MODES);
/** Any amount Money can hold. */
const anyAmount = fc.integer({ min: -MAX, max: MAX });
/** Amounts whose sums and differences stay safe. */
const SMALL = 2 ** 40;
const smallAmount = fc.integer({ min: -SMALL, max: SMALL });
/** Mostly small, sometimes huge: edge values are where rounding and overflow go wrong. */
const mixedAmount = fc.oneof(smallAmount, anyAmount, fc.constantFrom(0, 1, -1, MAX, -MAX));

/** A Money is a safe integer (never -0) in a known currency. One assertion: this runs hot. */
function expectWellFormed(m: Money, cur: CurrencyCode): void {
  const ok =
    Number.isSafeInteger(m.amount) &&
    !Object.is(m.amount, -0) &&
    m.currency === cur &&
    Object.keys(m).length === 2;
  if (!ok) expect(m).toEqual({ amount: "a safe integer, not -0", currency: cur });
}

/** Runs `op`; it either yields a well-formed Money or throws LinliError AMOUNT_OVERFLOW. */
function wellFormedOrOverflow(op: () => Money | Money[], cur: CurrencyCode): void {
  let out: Money | Money[];
  try {
    out = op();
  } catch (e) {
    expect(e).toBeInstanceOf(LinliError);
    expect((e as LinliError).code).toBe("AMOUNT_OVERFLOW");
    return;
  }
  for (const m of Array.isArray(out) ? out : [out]) expectWellFormed(m, cur);
}

// ---------------------------------------------------------------------------------------
// Reference rounding, from first principles: floor division, then decide from the
// remainder r ∈ [0, d) whether to step up to q + 1. Independent of divideRounded, which
// truncates towards zero.
// ---------------------------------------------------------------------------------------
function floorDiv(n: bigint, d: bigint): { q: bigint; r: bigint } {
  // d > 0. BigInt "/" truncates; step down once for a negative inexact quotient.
  let q = n / d;
  if (q * d > n) q -= 1n;
  const r = n - q * d;
  return { q, r };
}

function referenceRound(n: bigint, d: bigint, m: RoundingMode): bigint {
  const { q, r } = floorDiv(n, d);
  if (r === 0n) return q;
  const positive = n > 0n; // the exact quotient n/d lies strictly between q and q + 1
  const twice = 2n * r;
  switch (m) {
    case "floor":
      return q;
    case "ceil":
      return q + 1n;
    case "down":
      return positive ? q : q + 1n;
    case "up":
      return positive ? q + 1n : q;
    case "half-up":
    case "half-down":
    case "half-even": {
      if (twice < d) return q;
      if (twice > d) return q + 1n;
      if (m === "half-up") return positive ? q + 1n : q; // away from zero
      if (m === "half-down") return positive ? q : q + 1n; // towards zero
      return q % 2n === 0n ? q : q + 1n; // to even
    }
  }
}

const abs = (x: bigint): bigint => (x < 0n ? -x : x);

describe("reference rounding (sanity of the oracle itself)", () => {
  it("matches hand-worked values", () => {
    const cases: [bigint, bigint, RoundingMode, bigint][] = [
      [5n, 2n, "half-even", 2n],
      [-5n, 2n, "half-even", -2n],
      [7n, 2n, "half-even", 4n],
      [5n, 2n, "half-up", 3n],
      [-5n, 2n, "half-up", -3n],
      [5n, 2n, "half-down", 2n],
      [-5n, 2n, "half-down", -2n],
      [-12n, 5n, "up", -3n],
      [-12n, 5n, "down", -2n],
      [-12n, 5n, "ceil", -2n],
      [-12n, 5n, "floor", -3n],
      [13n, 5n, "half-down", 3n],
      [-4n, 2n, "floor", -2n],
    ];
    for (const [n, d, m, want] of cases) expect(referenceRound(n, d, m)).toBe(want);
  });
});

describe("money properties", () => {
  it("no operation yields a fractional, unsafe or -0 amount", () => {
    fc.assert(
      fc.property(
        mixedAmount,
        mixedAmount,
        fc.integer({ min: -1000, max: 1000 }),
        fc.integer({ min: -(2 ** 31), max: 2 ** 31 }),
        fc.integer({ min: 1, max: 2 ** 31 }),
        mode,
        fc.array(fc.nat({ max: 1000 }), { minLength: 1, maxLength: 8 }),
        currency,
        (a, b, factor, num, den, m, weights, cur) => {
          const x = money(a, cur);
          const y = money(b, cur);
          wellFormedOrOverflow(() => add(x, y), cur);
          wellFormedOrOverflow(() => subtract(x, y), cur);
          wellFormedOrOverflow(() => sum([x, y, x], cur), cur);
          wellFormedOrOverflow(() => negate(x), cur);
          wellFormedOrOverflow(() => multiply(x, factor), cur);
          wellFormedOrOverflow(
            () => multiplyByRatio(x, { numerator: num, denominator: den }, m),
            cur,
          );
          if (weights.some((w) => w > 0)) wellFormedOrOverflow(() => allocate(x, weights), cur);
          const parsed = fromDecimalString(toDecimalString(x), cur);
          expectWellFormed(parsed, cur);
        },
      ),
      RUNS,
    );
  });

  it("add is commutative and associative; subtract inverts add", () => {
    fc.assert(
      fc.property(smallAmount, smallAmount, smallAmount, currency, (a, b, c, cur) => {
        const [x, y, z] = [money(a, cur), money(b, cur), money(c, cur)];
        expect(add(x, y)).toEqual(add(y, x));
        expect(add(add(x, y), z)).toEqual(add(x, add(y, z)));
        expect(add(x, y).amount).toBe(a + b);
        expect(subtract(add(x, y), y)).toEqual(x);
        expect(add(subtract(x, y), y)).toEqual(x);
        expect(subtract(x, y)).toEqual(add(x, negate(y)));
        expect(add(x, zero(cur))).toEqual(x);
        expect(sum([x, y, z], cur)).toEqual(add(add(x, y), z));
        expect(negate(negate(x))).toEqual(x);
      }),
      RUNS,
    );
  });

  it("add is exact or overflows across the whole safe range", () => {
    fc.assert(
      fc.property(anyAmount, anyAmount, (a, b) => {
        const exact = BigInt(a) + BigInt(b);
        if (abs(exact) <= BIG_MAX) expect(add(money(a, "CNY"), money(b, "CNY")).amount).toBe(a + b);
        else
          expect(() => add(money(a, "CNY"), money(b, "CNY"))).toThrow(
            expect.objectContaining({ code: "AMOUNT_OVERFLOW" }),
          );
      }),
      RUNS,
    );
  });

  it("multiply by an integer equals repeated addition", () => {
    fc.assert(
      fc.property(smallAmount, fc.integer({ min: -20, max: 20 }), currency, (a, k, cur) => {
        const x = money(a, cur);
        let acc = zero(cur);
        for (let i = 0; i < Math.abs(k); i++) acc = k > 0 ? add(acc, x) : subtract(acc, x);
        expect(multiply(x, k)).toEqual(acc);
      }),
      RUNS,
    );
  });

  it("multiplyByRatio agrees with the BigInt reference for every mode", () => {
    fc.assert(
      fc.property(
        mixedAmount,
        fc.oneof(fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: -MAX, max: MAX })),
        fc.oneof(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: MAX })),
        mode,
        (a, num, den, m) => {
          const n = BigInt(a) * BigInt(num);
          const d = BigInt(den);
          const want = referenceRound(n, d, m);
          const run = () =>
            multiplyByRatio(money(a, "CNY"), { numerator: num, denominator: den }, m);
          if (abs(want) > BIG_MAX) {
            expect(run).toThrow(expect.objectContaining({ code: "AMOUNT_OVERFLOW" }));
            return;
          }
          const got = run();
          expect(BigInt(got.amount)).toBe(want);
          // Within one unit of the exact value; within half a unit when rounding to nearest.
          const error = abs(BigInt(got.amount) * d - n);
          expect(error < d).toBe(true);
          if (m.startsWith("half-")) expect(2n * error <= d).toBe(true);
        },
      ),
      RUNS,
    );
  });

  it("multiplyByRatio 'down' is exact for products just under 2^53 (its float fast path)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: MAX - 2 ** 20, max: MAX }),
        fc.boolean(),
        fc.oneof(fc.integer({ min: 2, max: 1000 }), fc.integer({ min: 2, max: MAX })),
        (a, negative, den) => {
          const amount = negative ? -a : a;
          const got = multiplyByRatio(
            money(amount, "CNY"),
            { numerator: 1, denominator: den },
            "down",
          );
          expect(BigInt(got.amount)).toBe(referenceRound(BigInt(amount), BigInt(den), "down"));
        },
      ),
      RUNS,
    );
  });

  it("allocate: exact, signed, proportional, largest-remainder, deterministic", () => {
    fc.assert(
      fc.property(
        mixedAmount,
        fc
          .array(fc.oneof(fc.nat({ max: 10 }), fc.nat({ max: MAX })), {
            minLength: 1,
            maxLength: 12,
          })
          .filter((ws) => ws.some((w) => w > 0)),
        currency,
        (a, weights, cur) => {
          const m = money(a, cur);
          const parts = allocate(m, weights);
          expect(parts).toHaveLength(weights.length);
          for (const p of parts) expectWellFormed(p, cur);

          // Parts always add back up to the whole (in BigInt: no float in the check).
          const total = parts.reduce((s, p) => s + BigInt(p.amount), 0n);
          expect(total).toBe(BigInt(a));

          const W = weights.reduce((s, w) => s + BigInt(w), 0n);
          const whole = abs(BigInt(a));
          const bonus: boolean[] = [];
          const problems: string[] = [];
          parts.forEach((p, i) => {
            const w = BigInt(weights[i]!);
            // Sign of the amount, or zero; zero weight gets zero.
            if (Math.sign(p.amount) * Math.sign(a) < 0)
              problems.push(`part ${i} has the wrong sign`);
            if ((a === 0 || w === 0n) && p.amount !== 0) problems.push(`part ${i} should be 0`);
            // Within one minor unit of the exact share a·w/W: |p·W − a·w| < W.
            if (abs(BigInt(p.amount) * W - BigInt(a) * w) >= W)
              problems.push(`part ${i} is a unit or more from its share`);
            // In magnitude it is floor(share) or floor(share) + 1.
            const floor = (whole * w) / W;
            const mag = abs(BigInt(p.amount));
            if (mag !== floor && mag !== floor + 1n)
              problems.push(`part ${i} is neither floor nor floor + 1`);
            bonus.push(mag === floor + 1n);
          });
          // Largest remainder: a part that got a leftover unit has a remainder at least as
          // large as any part that did not, and on a tie it comes earlier.
          const rem = weights.map((w) => (whole * BigInt(w)) % W);
          for (let i = 0; i < parts.length; i++) {
            for (let j = 0; j < parts.length; j++) {
              if (!bonus[i] || bonus[j]) continue;
              if (rem[i]! < rem[j]!) problems.push(`part ${i} got a unit over larger ${j}`);
              if (rem[i] === rem[j] && i > j) problems.push(`tie ${i}/${j} went to the later part`);
            }
          }
          expect(problems).toEqual([]);
          // Deterministic, and negative amounts split as the mirror of positive ones.
          expect(allocate(m, weights)).toEqual(parts);
          expect(allocate(negate(m), weights)).toEqual(parts.map(negate));
        },
      ),
      RUNS,
    );
  });

  it("allocate with equal weights: parts differ by at most 1, larger ones first", () => {
    fc.assert(
      fc.property(
        mixedAmount,
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 1, max: 2 ** 40 }),
        currency,
        (a, n, w, cur) => {
          const parts = allocate(money(a, cur), Array<number>(n).fill(w)).map((p) => p.amount);
          const hi = Math.max(...parts);
          const lo = Math.min(...parts);
          expect(hi - lo).toBeLessThanOrEqual(1);
          // Ties go to the earlier parts, so magnitudes never increase along the list.
          const magnitudes = parts.map(Math.abs);
          expect(magnitudes).toEqual([...magnitudes].sort((x, y) => y - x));
          // The weight itself does not matter, only the proportions.
          expect(allocate(money(a, cur), Array<number>(n).fill(1)).map((p) => p.amount)).toEqual(
            parts,
          );
        },
      ),
      RUNS,
    );
  });

  it("toDecimalString / fromDecimalString round-trip for every currency", () => {
    fc.assert(
      fc.property(mixedAmount, currency, (a, cur) => {
        const m = money(a, cur);
        const s = toDecimalString(m);
        const exp = currencyExponent(cur);
        // Canonical shape: optional minus, no leading zeros, exactly `exp` decimals.
        const shape =
          exp === 0 ? /^-?(0|[1-9]\d*)$/ : new RegExp(`^-?(0|[1-9]\\d*)\\.\\d{${exp}}$`);
        expect(s).toMatch(shape);
        // Its value is exactly a / 10^exp.
        expect(BigInt(s.replace(".", ""))).toBe(BigInt(a));
        expect(fromDecimalString(s, cur)).toEqual(m);
        // Extra trailing zeros and surrounding spaces read the same.
        const padded = exp === 0 ? `${s}.000` : `${s}00`;
        expect(fromDecimalString(` ${padded} `, cur)).toEqual(m);
      }),
      RUNS,
    );
  });

  it("fromDecimalString reads any in-range decimal exactly and refuses extra places", () => {
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.nat({ max: 10 ** 9 }),
        fc.string({ unit: fc.constantFrom(..."0123456789"), maxLength: 5 }),
        currency,
        (negative, int, frac, cur) => {
          const exp = currencyExponent(cur);
          const input = `${negative ? "-" : ""}${int}${frac ? `.${frac}` : ""}`;
          const significant = frac.replace(/0+$/, "");
          if (significant.length > exp) {
            expect(() => fromDecimalString(input, cur)).toThrow(
              expect.objectContaining({ code: "TOO_MANY_DECIMALS" }),
            );
            return;
          }
          const minor =
            BigInt(int) * 10n ** BigInt(exp) + BigInt(significant.padEnd(exp, "0") || "0");
          const want = negative ? -minor : minor;
          const got = fromDecimalString(input, cur);
          expect(BigInt(got.amount)).toBe(want);
          expect(Object.is(got.amount, -0)).toBe(false);
        },
      ),
      RUNS,
    );
  });

  it("compare is antisymmetric, consistent with the amounts, and transitive", () => {
    fc.assert(
      fc.property(anyAmount, anyAmount, anyAmount, currency, (a, b, c, cur) => {
        const [x, y, z] = [money(a, cur), money(b, cur), money(c, cur)];
        const xy = compare(x, y);
        expect([-1, 0, 1]).toContain(xy);
        expect(xy).toBe(-compare(y, x) || 0);
        expect(xy).toBe(a < b ? -1 : a > b ? 1 : 0);
        expect(xy === 0).toBe(a === b);
        expect(compare(x, x)).toBe(0);
        if (xy <= 0 && compare(y, z) <= 0) expect(compare(x, z)).toBeLessThanOrEqual(0);
      }),
      RUNS,
    );
  });
});
