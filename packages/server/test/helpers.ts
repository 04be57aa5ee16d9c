import { bakeryMenu } from "@linli/core/fixtures";
import { holdsOf, type Hold, type Menu, type Order } from "@linli/core";

/** A menu open for a long time, with one item of `stock` and one roomy slot: the hot-row case. */
export function hotMenu(stock: number, id = "hot-menu"): Menu {
  const base = bakeryMenu("2030-01-01");
  return {
    ...base,
    id,
    opensAt: "2020-01-01T00:00:00+08:00",
    cutoff: { kind: "absolute", at: "2099-01-01T00:00:00+08:00" },
    items: [{ ...base.items[0]!, stock, perOrderLimit: 1 }],
    // Never the slot before the stock: the load test places more than 100,000 orders.
    slots: [{ id: "all-day", start: "09:00", end: "18:00", capacity: Math.max(100_000, stock) }],
  };
}

/** The same menu at another price for its one item, in minor units. */
export const repriced = (menu: Menu, amount: number): Menu => ({
  ...menu,
  items: [{ ...menu.items[0]!, price: { ...menu.items[0]!.price, amount } }],
});

/** An order of one of a menu's first item in its first slot, as `decide` makes it, with its holds. */
export function oneOf(
  menu: Menu,
  id: string,
  pickupCode = "123456",
): { order: Order; holds: Hold[] } {
  const price = menu.items[0]!.price;
  const order: Order = {
    id,
    menuId: menu.id,
    groupId: menu.groupId,
    lines: [{ itemId: menu.items[0]!.id, quantity: 1, unitPrice: price, lineTotal: price }],
    total: price,
    slotId: menu.slots[0]!.id,
    contact: { name: "林晓雨", phone: "13800009901" },
    consent: { given: true, policyVersion: "2026-11", at: "2026-12-01T08:29:00+08:00" },
    idempotencyKey: `key-${id}`,
    pickupCode,
    status: "placed",
    placedAt: "2026-12-01T08:30:00+08:00",
    updatedAt: "2026-12-01T08:30:00+08:00",
  };
  return { order, holds: holdsOf(menu, order) };
}

export const orderFor = (menuId: string, n: number) => ({
  menuId,
  slotId: "all-day",
  lines: [{ itemId: "tiger-roll", quantity: 1 }],
  contact: { name: `顾客${n}`, phone: `1390000${String(n).padStart(4, "0")}` },
  consent: { given: true, policyVersion: "2026-11", at: "2026-11-28T10:00:00+08:00" },
});

export async function post(
  url: string,
  body: unknown,
  key: string,
  headers: Record<string, string> = {},
) {
  const r = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", "idempotency-key": key, ...headers },
    body: JSON.stringify(body),
  });
  return { status: r.status, text: await r.text() };
}

/**
 * A contract-suite store: the server on `storage` over real HTTP on 127.0.0.1, with the
 * suite's clock and the embedded store's default data (today's and tomorrow's bakery menus).
 */
export async function serverStore(
  storage: import("../src/index.js").LinliStorage,
  now: () => number,
) {
  const { createClient } = await import("@linli/client");
  const { demoSeed, startServer } = await import("../src/index.js");
  await storage.migrate();
  const seed = demoSeed(now());
  await storage.seed({
    ...seed,
    menus: seed.menus.slice(1, 3),
    ledger: [],
    sessions: [],
    requests: [],
  });
  const server = await startServer({ storage, port: 0, now, rateLimitPerMinute: false });
  return {
    store: createClient({ baseUrl: server.url, retries: 0 }),
    close: async () => {
      await server.close();
      await storage.close();
    },
  };
}

/**
 * The server on the red house's demo data (SQLite in memory) over real HTTP on 127.0.0.1,
 * with admin key `adminKey` and no rate limit; `options` adds or overrides server options.
 */
export async function demoServer(
  now: () => number,
  adminKey: string,
  options: Partial<import("../src/index.js").StartOptions> = {},
) {
  const { createSqliteStorage, demoSeed, hashAdminKey, startServer } =
    await import("../src/index.js");
  const storage = createSqliteStorage({ filename: ":memory:" });
  await storage.migrate();
  await storage.seed(demoSeed(now()));
  const server = await startServer({
    storage,
    port: 0,
    now,
    adminKeyHashes: [hashAdminKey(adminKey)],
    log: () => {},
    rateLimitPerMinute: false,
    ...options,
  });
  return {
    storage,
    server,
    close: async () => {
      await server.close();
      await storage.close();
    },
  };
}
