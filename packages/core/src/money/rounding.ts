import * as z from "zod/mini";

/**
 * How a quotient that falls between two whole minor units is rounded.
 * - `half-even`: to the nearest, ties to the even neighbour (banker's rounding);
 * - `half-up` / `half-down`: to the nearest, ties away from / towards zero;
 * - `up` / `down`: away from / towards zero;
 * - `ceil` / `floor`: towards +∞ / −∞.
 */
export const RoundingModeSchema = /* @__PURE__ */ (() =>
  z.enum(["half-even", "half-up", "half-down", "up", "down", "ceil", "floor"]))();
export type RoundingMode = z.infer<typeof RoundingModeSchema>;

/**
 * Divides two integers and rounds the exact quotient by `mode`. Exact for any size: the
 * arithmetic is in BigInt.
 *
 * @example
 * divideRounded(5n, 2n, "half-even"); // 2n
 * divideRounded(-5n, 2n, "half-up"); // -3n
 */
export function divideRounded(numerator: bigint, denominator: bigint, mode: RoundingMode): bigint {
  if (denominator === 0n) throw new RangeError("division by zero");
  if (denominator < 0n) {
    numerator = -numerator;
    denominator = -denominator;
  }
  const q = numerator / denominator; // truncates toward zero
  const r = numerator % denominator; // same sign as numerator
  if (r === 0n) return q;
  const sign = numerator < 0n ? -1n : 1n;
  const away = q + sign;
  const twice = (r < 0n ? -r : r) * 2n;
  switch (mode) {
    case "down":
      return q;
    case "up":
      return away;
    case "floor":
      return sign < 0n ? away : q;
    case "ceil":
      return sign > 0n ? away : q;
    case "half-up":
      return twice >= denominator ? away : q;
    case "half-down":
      return twice > denominator ? away : q;
    case "half-even":
      if (twice > denominator) return away;
      if (twice < denominator) return q;
      return q % 2n === 0n ? q : away;
  }
}
