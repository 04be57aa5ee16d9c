import { roundHalfEven } from "./figures.js";

// Mean and median over per-person values held in typed arrays, rounded half to even.
// A figure may combine two lists (those who stayed and those who left) without first
// copying them into one array. Each loop sits in its own small function: V8 then
// optimises it whole, rather than a larger function deoptimising after its first loop.

/** The mean of the values of `xs` then `ys`, summed in that order; `null` when there are none. */
export function meanOf(xs: Float64Array, ys: Float64Array = EMPTY): number | null {
  const n = xs.length + ys.length;
  if (n === 0) return null;
  return roundHalfEven(sumFrom(sumFrom(0, xs), ys) / n);
}

/**
 * The median of the values of `xs` and `ys`, as sorting them would give (NaN sorting last),
 * found by selection in linear time: a snapshot takes 39 medians of up to 10 000 values.
 */
export function medianOf(xs: Float64Array, ys: Float64Array = EMPTY): number | null {
  const n = xs.length + ys.length;
  if (n === 0) return null;
  const a = new Float64Array(n);
  a.set(xs);
  a.set(ys, xs.length);
  const m = moveNaNLast(a);
  if (m < n) a.fill(NaN, m);
  const mid = n >> 1;
  if (mid < m) selectKth(a, mid, m);
  const upper = mid < m ? a[mid]! : NaN;
  if (n % 2 === 1) return roundHalfEven(upper);
  // The value just below the middle is the largest of those selection left before it.
  const lower = mid - 1 < m ? maxOf(a, mid) : NaN;
  return roundHalfEven((lower + upper) / 2);
}

/** Values at least `threshold` (NaN is not). */
export function countAtLeast(xs: Float64Array, threshold: number): number {
  let n = 0;
  for (let i = 0; i < xs.length; i++) if (xs[i]! >= threshold) n++;
  return n;
}

const EMPTY = new Float64Array(0);

// Adds in order onto `start`, so two lists sum exactly as one list would.
function sumFrom(start: number, xs: Float64Array): number {
  let sum = start;
  for (let i = 0; i < xs.length; i++) sum += xs[i]!;
  return sum;
}

// Packs the numbers first, where a numeric sort puts them before NaN; returns how many
// there are (the caller fills the rest with NaN, so that nothing follows this loop).
function moveNaNLast(a: Float64Array): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    if (x === x) a[m++] = x;
  }
  return m;
}

function maxOf(a: Float64Array, length: number): number {
  let max = a[0]!;
  for (let i = 1; i < length; i++) if (a[i]! > max) max = a[i]!;
  return max;
}

/**
 * Reorders `a[0..length)` (no NaN) so that `a[k]` holds the value a sort would put there,
 * with nothing larger before it. Hoare partitioning around a median of three, which keeps
 * runs of equal values balanced; if it ever takes too many rounds, the part still open is
 * sorted instead.
 */
function selectKth(a: Float64Array, k: number, length: number): void {
  let lo = 0;
  let hi = length - 1;
  let rounds = 0;
  while (hi > lo) {
    if (++rounds > 64) {
      a.subarray(lo, hi + 1).sort();
      break;
    }
    const pivot = medianOfThree(a[lo]!, a[(lo + hi) >>> 1]!, a[hi]!);
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i] = a[j]!;
        a[j] = t;
        i++;
        j--;
      }
    }
    // Now a[lo..j] <= pivot <= a[i..hi], and anything between equals the pivot.
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else break;
  }
}

function medianOfThree(x: number, y: number, z: number): number {
  if (x < y) return y < z ? y : x < z ? z : x;
  return x < z ? x : y < z ? z : y;
}
