import type { Month, MonthRange } from "./schemas.js";

/** The months of a range, in order. */
export function monthsOf(range: MonthRange): Month[] {
  const out: Month[] = [];
  let [y, m] = range.from.split("-").map(Number) as [number, number];
  const [ty, tm] = range.to.split("-").map(Number) as [number, number];
  while (y < ty || (y === ty && m <= tm)) {
    out.push(`${y}-${String(m).padStart(2, "0")}`);
    m === 12 ? ((m = 1), y++) : m++;
  }
  return out;
}

/** First and last calendar day of a range, `YYYY-MM-DD`. */
export function rangeDays(range: MonthRange): { first: string; last: string } {
  const [y, m] = range.to.split("-").map(Number) as [number, number];
  const lastDay = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { first: `${range.from}-01`, last: `${range.to}-${String(lastDay).padStart(2, "0")}` };
}

/** Whether an ISO date falls in a range. */
export function dateIn(date: string, range: MonthRange): boolean {
  const month = date.slice(0, 7);
  return month >= range.from && month <= range.to;
}
