import {
  ApplicationSchema,
  GroupSchema,
  HubSchema,
  MenuSchema,
  OrderSchema,
  PartnerSchema,
  RecruitmentCallSchema,
  validate,
  type Application,
  type Group,
  type Hub,
  type Menu,
  type MetricsData,
  type Order,
  type Partner,
  type RecruitmentCall,
} from "@linli/core";

/**
 * What an embedded store starts from: the records a server would be seeded with, plus
 * optional orders and applications already taken. Orders and applications created later
 * are kept by the store (in memory or in `localStorage`); the rest is read-only.
 */
export interface EmbeddedData {
  readonly hub: Hub;
  readonly groups: readonly Group[];
  /** Every partner the groups name as organisers. Only their public form is ever returned. */
  readonly partners: readonly Partner[];
  /** Menus of any group and date; each order refers to one. */
  readonly menus: readonly Menu[];
  readonly recruitmentCall?: RecruitmentCall;
  /** Orders already placed (they count against stock and slots). Each must refer to a menu above. */
  readonly orders?: readonly Order[];
  /** Applications already received (they count for reference numbers). */
  readonly applications?: readonly Application[];
  /**
   * The records `getMetrics` snapshots. Without it the snapshot is built from the store's
   * own hub, groups and partners (with no sessions, requests or ledger).
   */
  readonly metrics?: MetricsData;
}

/**
 * Checks a host's data with core's schemas and returns a private deep copy, so later
 * changes to the caller's objects cannot reach the store.
 *
 * @throws {TypeError} naming the first invalid record and field.
 */
export function checkedData(data: EmbeddedData): EmbeddedData {
  const fail = (what: string, detail: string): never => {
    throw new TypeError(`createEmbeddedStore: invalid data.${what}: ${detail}`);
  };
  const check = <T>(schema: Parameters<typeof validate>[0], value: T, what: string): T => {
    const r = validate(schema, value);
    if (!r.ok) {
      const i = r.error[0]!;
      fail(what, `${i.path ? `${i.path}: ` : ""}${i.message.en}`);
    }
    return value;
  };
  const unique = (list: readonly { id: string }[], what: string) => {
    const seen = new Set<string>();
    for (const { id } of list) {
      if (seen.has(id)) fail(what, `duplicate id ${id}`);
      seen.add(id);
    }
  };
  if (data === null || typeof data !== "object") fail("", "data must be an object");
  check(HubSchema, data.hub, "hub");
  for (const key of ["groups", "partners", "menus"] as const)
    if (!Array.isArray(data[key])) fail(key, "must be an array");
  data.groups.forEach((g, i) => check(GroupSchema, g, `groups.${i}`));
  data.partners.forEach((p, i) => check(PartnerSchema, p, `partners.${i}`));
  data.menus.forEach((m, i) => check(MenuSchema, m, `menus.${i}`));
  unique(data.groups, "groups");
  unique(data.partners, "partners");
  unique(data.menus, "menus");
  if (data.recruitmentCall !== undefined)
    check(RecruitmentCallSchema, data.recruitmentCall, "recruitmentCall");
  (data.orders ?? []).forEach((o, i) => {
    check(OrderSchema, o, `orders.${i}`);
    if (!data.menus.some((m) => m.id === o.menuId)) fail(`orders.${i}`, `unknown menu ${o.menuId}`);
  });
  (data.applications ?? []).forEach((a, i) => check(ApplicationSchema, a, `applications.${i}`));
  unique(data.orders ?? [], "orders");
  unique(data.applications ?? [], "applications");
  return structuredClone(data);
}
