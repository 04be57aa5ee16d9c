import {
  ApplicationSchema,
  IsoDateSchema,
  LocalizedTextSchema,
  OrderSchema,
  validate,
  type Application,
} from "@linli/core";
import type { EmbeddedState, KeyUse, StoredOrder } from "./state.js";

/** The part of the Web Storage API the embedded store uses (`localStorage`, or a fake in tests). */
export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** Where the embedded store's state lives between calls. */
export interface Persistence {
  /** The state to start from, or `undefined` when nothing usable is stored. */
  load(): EmbeddedState | undefined;
  /**
   * The stored state if another store (another tab) changed it since this one last read or
   * wrote it, else `current`. Unreadable or corrupt storage also gives `current`.
   */
  refresh(current: EmbeddedState): EmbeddedState;
  /** Writes the state. Throws when the storage refuses (e.g. quota exceeded). */
  save(state: EmbeddedState): void;
}

/** Keeps nothing beyond the store's own memory. */
export const memoryPersistence: Persistence = {
  load: () => undefined,
  refresh: (current) => current,
  save: () => {},
};

const FORMAT_VERSION = 1;

interface StoredFormat {
  readonly version: typeof FORMAT_VERSION;
  readonly orders: readonly StoredOrder[];
  readonly applications: readonly Application[];
  /** [key, fingerprint, id] */
  readonly orderKeys: ReadonlyArray<readonly [string, string, string]>;
  readonly applicationKeys: ReadonlyArray<readonly [string, string, string]>;
}

const keyRows = (keys: ReadonlyMap<string, KeyUse>) =>
  [...keys].map(([key, use]) => [key, use.fingerprint, use.id] as const);

/** The state as JSON. */
export function serializeState(state: EmbeddedState): string {
  const out: StoredFormat = {
    version: FORMAT_VERSION,
    orders: state.orders,
    applications: state.applications,
    orderKeys: keyRows(state.orderKeys),
    applicationKeys: keyRows(state.applicationKeys),
  };
  return JSON.stringify(out);
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === "object" && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === "string";

function parseOrder(v: unknown): StoredOrder | undefined {
  if (!isRecord(v) || !isRecord(v["slot"])) return undefined;
  const order = validate(OrderSchema, v["order"]);
  const date = validate(IsoDateSchema, v["date"]);
  const { id, start, end } = v["slot"];
  if (!order.ok || !date.ok || !isString(id) || !isString(start) || !isString(end))
    return undefined;
  const out: StoredOrder = { order: order.value, date: date.value, slot: { id, start, end } };
  if (v["pickupLocation"] === undefined) return out;
  const where = validate(LocalizedTextSchema, v["pickupLocation"]);
  return where.ok ? { ...out, pickupLocation: where.value } : undefined;
}

function parseKeys(v: unknown, ids: ReadonlySet<string>): Map<string, KeyUse> {
  const out = new Map<string, KeyUse>();
  if (!Array.isArray(v)) return out;
  for (const row of v) {
    if (!Array.isArray(row) || row.length !== 3 || !row.every(isString)) continue;
    const [key, fingerprint, id] = row as [string, string, string];
    if (ids.has(id)) out.set(key, { fingerprint, id });
  }
  return out;
}

/**
 * The state from its JSON, or `undefined` when the text is not JSON or not this format.
 * Records that fail their schema are dropped one by one rather than losing the rest; key
 * uses whose record is gone are dropped with them.
 */
export function parseState(raw: string): EmbeddedState | undefined {
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return undefined;
  }
  if (!isRecord(data) || data["version"] !== FORMAT_VERSION) return undefined;
  const { orders, applications } = data;
  if (!Array.isArray(orders) || !Array.isArray(applications)) return undefined;
  const keptOrders = orders.map(parseOrder).filter((o) => o !== undefined);
  const keptApplications = applications
    .map((a) => validate(ApplicationSchema, a))
    .flatMap((r) => (r.ok ? [r.value] : []));
  return {
    orders: keptOrders,
    applications: keptApplications,
    orderKeys: parseKeys(data["orderKeys"], new Set(keptOrders.map((o) => o.order.id))),
    applicationKeys: parseKeys(data["applicationKeys"], new Set(keptApplications.map((a) => a.id))),
  };
}

/**
 * Keeps the state as JSON under one key of a Web Storage. Reads tolerate anything (a
 * missing, corrupt or throwing storage reads as "nothing stored"); writes throw so the
 * store can refuse a change it could not keep.
 */
export function storagePersistence(storage: StorageLike, key: string): Persistence {
  // The text last read or written, so an unchanged storage is not parsed again.
  let seen: string | null | undefined;
  const read = (): string | null | undefined => {
    try {
      return storage.getItem(key);
    } catch {
      return undefined;
    }
  };
  return {
    load() {
      const raw = read();
      seen = raw;
      return typeof raw === "string" ? parseState(raw) : undefined;
    },
    refresh(current) {
      const raw = read();
      if (typeof raw !== "string" || raw === seen) return current;
      seen = raw;
      return parseState(raw) ?? current;
    },
    save(state) {
      const raw = serializeState(state);
      storage.setItem(key, raw);
      seen = raw;
    },
  };
}

/** `globalThis.localStorage` when there is one that works, else `undefined`. */
export function browserStorage(): StorageLike | undefined {
  try {
    const s = (globalThis as { localStorage?: StorageLike }).localStorage;
    if (s && typeof s.getItem === "function" && typeof s.setItem === "function") return s;
  } catch {
    // Access itself can throw (sandboxed iframes, blocked cookies).
  }
  return undefined;
}
