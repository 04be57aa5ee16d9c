import type { Hub, Month, MonthRange, MetricsData } from "@linli/core";
import type { EmbeddedData } from "./data.js";
import type { EmbeddedState } from "./state.js";

/** The six months up to and including today's month. */
export function defaultPeriod(today: string): MonthRange {
  return { from: monthsBefore(today.slice(0, 7), 5), to: today.slice(0, 7) };
}

/** The month `n` months before `month`. */
export function monthsBefore(month: Month, n: number): Month {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const index = y * 12 + (m - 1) - n;
  return `${String(Math.floor(index / 12)).padStart(4, "0")}-${String((index % 12) + 1).padStart(2, "0")}`;
}

/**
 * Metrics input from the store's own records, when the host gave none: the hub's groups
 * and partners, as of today, recorded since the earliest date any record carries.
 */
export function ownMetricsData(
  data: EmbeddedData,
  state: EmbeddedState,
  today: string,
): MetricsData {
  const hub: Hub = data.hub;
  const dates = [
    ...data.partners.map((p) => p.joinedOn),
    ...data.groups.flatMap((g) => [
      ...(g.foundedOn ? [g.foundedOn] : []),
      ...(g.statusHistory ?? []).map((h) => h.since),
    ]),
    ...state.orders.map((o) => o.order.placedAt.slice(0, 10)),
    ...state.applications.map((a) => a.submittedAt.slice(0, 10)),
  ].filter((d) => d <= today);
  return {
    scope: { id: hub.id, name: hub.name },
    currency: data.menus[0]?.currency ?? "CNY",
    asOf: today,
    recordsSince: dates.reduce((a, b) => (b < a ? b : a), today),
    partners: data.partners,
    groups: data.groups,
    sessions: [],
    requests: [],
    ledger: [],
    ruleSets: [],
    coverage: [],
  };
}
