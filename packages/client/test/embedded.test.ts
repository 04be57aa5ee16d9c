import { describe, expect, it } from "vitest";
import {
  toOffsetIso,
  type Menu,
  type Order,
  type PlaceOrderBody,
  type PublicGroup,
} from "@linli/core";
import {
  bakeryMenu,
  groups,
  partners,
  recruitmentCall,
  redHouse,
  sampleApplication,
} from "@linli/core/fixtures";
import { createEmbeddedStore, LinliClientError, type EmbeddedData } from "../src/index.js";
import {
  DEFAULT_STORAGE_KEY,
  defaultEmbeddedData,
  type StorageLike,
} from "../src/embedded/index.js";
import { CONTRACT_START, storeContract } from "./contract-suite.js";

/** A Web Storage in memory, as `localStorage` behaves. */
class FakeStorage implements StorageLike {
  readonly items = new Map<string, string>();
  writes = 0;
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.writes++;
    this.items.set(key, String(value));
  }
}

storeContract("embedded store (memory)", async ({ now }) => ({
  store: createEmbeddedStore({ now }),
}));

storeContract("embedded store (localStorage)", async ({ now }) => ({
  store: createEmbeddedStore({ now, persist: "localStorage", storage: new FakeStorage() }),
}));

const ZONE = "Asia/Shanghai";
const now = () => CONTRACT_START;
let keys = 0;
const key = () => `embedded-test-${++keys}`;

function orderOf(menu: Menu, quantity = 1, itemId = "egg-tart"): PlaceOrderBody {
  return {
    menuId: menu.id,
    lines: [{ itemId, quantity }],
    slotId: menu.slots[0]!.id,
    contact: { name: "测试居民", phone: "13912345678" },
    consent: { given: true, policyVersion: "2026-11", at: toOffsetIso(CONTRACT_START, ZONE) },
  };
}

async function refused(call: Promise<unknown>): Promise<LinliClientError> {
  const e = await call.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(LinliClientError);
  return e as LinliClientError;
}

describe("embedded store: default data", () => {
  it("holds the red house with the bakery's menus for today and tomorrow in Hangzhou", () => {
    // 23:30 UTC on 30 November is already 1 December in Hangzhou.
    const data = defaultEmbeddedData(Date.parse("2026-11-30T23:30:00Z"));
    expect(data.hub.id).toBe("red-house");
    expect(data.groups).toHaveLength(62);
    expect(data.menus.map((m) => m.date)).toEqual(["2026-12-01", "2026-12-02"]);
    expect(data.partners.every((p) => p.hubId === "red-house")).toBe(true);
    expect(data.recruitmentCall?.id).toBe(recruitmentCall.id);
  });

  it("takes applications to the demo call whatever the day, after its own deadline too", async () => {
    const store = createEmbeddedStore({ now: () => Date.parse("2027-03-01T10:00:00+08:00") });
    const call = await store.getRecruitmentCall();
    expect(call.deadline).toBe("2027-04-30T10:00:00+08:00");
    const receipt = await store.submitApplication(sampleApplication, { idempotencyKey: key() });
    expect(receipt.reference).toBe("HZ-2027-0001");
  });

  it("gives the next menu still taking orders when no date is asked for", async () => {
    // At 12:00 today's menu has closed (10:00), so the default is tomorrow's.
    let t = Date.parse("2026-12-01T12:00:00+08:00");
    const store = createEmbeddedStore({ now: () => t });
    expect((await store.getMenu("three-moms-baking")).menu.date).toBe("2026-12-02");
    t = Date.parse("2026-12-02T08:00:00+08:00");
    const next = await store.getMenu("three-moms-baking");
    expect(next.menu.date).toBe("2026-12-02");
    expect(next.availability.open).toBe(true);
    t = Date.parse("2026-12-03T08:00:00+08:00");
    expect((await refused(store.getMenu("three-moms-baking"))).code).toBe("NOT_FOUND");
  });
});

describe("embedded store: persistence in localStorage", () => {
  it("keeps orders and applications for a new store on the same storage", async () => {
    const storage = new FakeStorage();
    const first = createEmbeddedStore({ now, storage, persist: "localStorage" });
    const { menu } = await first.getMenu("three-moms-baking");
    const orderKey = key();
    const receipt = await first.placeOrder(orderOf(menu, 3), { idempotencyKey: orderKey });
    const applied = await first.submitApplication(sampleApplication, { idempotencyKey: key() });
    expect(applied.reference).toBe("HZ-2026-0001");
    expect(storage.items.has(DEFAULT_STORAGE_KEY)).toBe(true);

    const second = createEmbeddedStore({ now, storage, persist: "localStorage" });
    expect(await second.getOrder(receipt.id, receipt.pickupCode)).toEqual(receipt);
    const left = await second.getMenu("three-moms-baking");
    expect(left.availability.items.find((i) => i.itemId === "egg-tart")!.reserved).toBe(3);
    // The key is remembered too: a retry through the new store is answered, not repeated.
    expect(await second.placeOrder(orderOf(menu, 3), { idempotencyKey: orderKey })).toEqual(
      receipt,
    );
    expect(
      (await refused(second.placeOrder(orderOf(menu, 4), { idempotencyKey: orderKey }))).code,
    ).toBe("IDEMPOTENCY_KEY_REUSED");
    const next = await second.submitApplication(
      { ...sampleApplication, category: "baking" },
      { idempotencyKey: key() },
    );
    expect(next.reference).toBe("HZ-2026-0002");
  });

  it("shares one storage between stores open at once, as tabs do", async () => {
    const storage = new FakeStorage();
    const a = createEmbeddedStore({ now, storage });
    const b = createEmbeddedStore({ now, storage });
    const { menu } = await a.getMenu("three-moms-baking");
    const chiffon = menu.items.find((i) => i.id === "chiffon")!;
    // Each store sells half the chiffons; neither can then sell one more.
    for (let n = 0; n < chiffon.stock / chiffon.perOrderLimit; n++)
      await (n % 2 === 0 ? a : b).placeOrder(orderOf(menu, chiffon.perOrderLimit, "chiffon"), {
        idempotencyKey: key(),
      });
    for (const store of [a, b])
      expect(
        (await refused(store.placeOrder(orderOf(menu, 1, "chiffon"), { idempotencyKey: key() })))
          .code,
      ).toBe("SOLD_OUT");
  });

  it("keeps stores on different keys apart", async () => {
    const storage = new FakeStorage();
    const a = createEmbeddedStore({ now, storage, storageKey: "hub-a" });
    const { menu } = await a.getMenu("three-moms-baking");
    await a.placeOrder(orderOf(menu, 5), { idempotencyKey: key() });
    const b = createEmbeddedStore({ now, storage, storageKey: "hub-b" });
    const seen = await b.getMenu("three-moms-baking");
    expect(seen.availability.items.every((i) => i.reserved === 0)).toBe(true);
    expect([...storage.items.keys()]).toEqual(["hub-a"]);
  });

  it("starts fresh, without throwing, from corrupt or foreign stored data", async () => {
    for (const junk of [
      "{not json",
      "null",
      "[]",
      '"text"',
      '{"version":99}',
      '{"version":1,"orders":"x"}',
    ]) {
      const storage = new FakeStorage();
      storage.setItem(DEFAULT_STORAGE_KEY, junk);
      const store = createEmbeddedStore({ now, storage });
      const { menu, availability } = await store.getMenu("three-moms-baking");
      expect(availability.items.every((i) => i.reserved === 0)).toBe(true);
      const receipt = await store.placeOrder(orderOf(menu), { idempotencyKey: key() });
      // The next write replaces the junk with good data.
      const again = createEmbeddedStore({ now, storage });
      expect(await again.getOrder(receipt.id, receipt.pickupCode)).toEqual(receipt);
    }
  });

  it("drops stored records that fail their schema and keeps the rest", async () => {
    const storage = new FakeStorage();
    const store = createEmbeddedStore({ now, storage });
    const { menu } = await store.getMenu("three-moms-baking");
    const good = await store.placeOrder(orderOf(menu, 1), { idempotencyKey: key() });
    const bad = await store.placeOrder(orderOf(menu, 2), { idempotencyKey: key() });
    const stored = JSON.parse(storage.getItem(DEFAULT_STORAGE_KEY)!);
    stored.orders[1].order.pickupCode = "not a code";
    storage.setItem(DEFAULT_STORAGE_KEY, JSON.stringify(stored));

    const reopened = createEmbeddedStore({ now, storage });
    expect(await reopened.getOrder(good.id, good.pickupCode)).toEqual(good);
    expect((await refused(reopened.getOrder(bad.id, bad.pickupCode))).code).toBe("NOT_FOUND");
  });

  it("works in memory when the storage cannot be read, and refuses a change it cannot write", async () => {
    const broken: StorageLike = {
      getItem: () => {
        throw new Error("SecurityError");
      },
      setItem: () => {
        throw new Error("QuotaExceededError");
      },
    };
    const store = createEmbeddedStore({ now, storage: broken });
    const { menu } = await store.getMenu("three-moms-baking");
    const e = await refused(store.placeOrder(orderOf(menu), { idempotencyKey: key() }));
    expect({ kind: e.kind, status: e.status, code: e.code }).toEqual({
      kind: "server",
      status: 500,
      code: "INTERNAL",
    });
    expect(e.cause).toBeInstanceOf(Error);
    // Nothing was taken by the order that could not be kept.
    const after = await store.getMenu("three-moms-baking");
    expect(after.availability.items.every((i) => i.reserved === 0)).toBe(true);
  });

  it.each([
    ["QuotaExceededError"],
    ["NS_ERROR_DOM_QUOTA_REACHED"], // older Firefox's name for it
  ])("says the browser's storage is full (%s), not that a server failed", async (name) => {
    const storage = new FakeStorage();
    const full: StorageLike = {
      getItem: (k) => storage.getItem(k),
      setItem: () => {
        throw new DOMException("The quota has been exceeded.", name);
      },
    };
    const store = createEmbeddedStore({ now, storage: full });
    const { menu } = await store.getMenu("three-moms-baking");
    const e = await refused(store.placeOrder(orderOf(menu), { idempotencyKey: key() }));
    expect([e.kind, e.status, e.code, e.retryable]).toEqual(["server", 507, "STORAGE_FULL", true]);
    expect(e.messageIn("zh-CN")).toContain("浏览器存储空间已满");
    expect(e.messageIn("en")).toBe(
      "This browser's storage is full, so this was not saved: clear some browsing data and try again.",
    );
    const after = await store.getMenu("three-moms-baking");
    expect(after.availability.items.every((i) => i.reserved === 0)).toBe(true);
  });

  it("keeps to memory when asked for localStorage where there is none (Node)", async () => {
    const store = createEmbeddedStore({ now, persist: "localStorage" });
    const { menu } = await store.getMenu("three-moms-baking");
    const receipt = await store.placeOrder(orderOf(menu), { idempotencyKey: key() });
    expect(await store.getOrder(receipt.id, receipt.pickupCode)).toEqual(receipt);
  });

  it("writes nothing with persist: memory, even when given a storage", async () => {
    const storage = new FakeStorage();
    const store = createEmbeddedStore({ now, storage, persist: "memory" });
    const { menu } = await store.getMenu("three-moms-baking");
    await store.placeOrder(orderOf(menu), { idempotencyKey: key() });
    expect(storage.writes).toBe(0);
  });
});

describe("embedded store: copies", () => {
  it("hands out copies that callers cannot use to change the store", async () => {
    const store = createEmbeddedStore({ now });
    const list = await store.listGroups();
    list[0]!.name["zh-CN"] = "改掉";
    list[0]!.organisers.push({ id: "x", name: "x", roles: [], groupIds: [] });
    list.pop();
    const again = await store.listGroups();
    expect(again).toHaveLength(62);
    expect(again[0]!.name["zh-CN"]).toBe(groups[0]!.name["zh-CN"]);
    expect(again[0]!.organisers.map((o) => o.id)).toEqual(groups[0]!.organiserIds);

    const hub = await store.getHub();
    hub.rooms.length = 0;
    expect((await store.getHub()).rooms.length).toBe(redHouse.rooms.length);

    const { menu, availability } = await store.getMenu("three-moms-baking");
    menu.items[0]!.stock = 1000;
    availability.items[0]!.remaining = 1000;
    const fresh = await store.getMenu("three-moms-baking");
    expect(fresh.menu.items[0]!.stock).toBe(20);
    expect(fresh.availability.items[0]!.remaining).toBe(20);

    const body = orderOf(menu, 2);
    const receipt = await store.placeOrder(body, { idempotencyKey: key() });
    receipt.lines[0]!.quantity = 12;
    receipt.status = "collected";
    body.lines[0]!.quantity = 12;
    const read = await store.getOrder(receipt.id, receipt.pickupCode);
    expect(read.lines[0]!.quantity).toBe(2);
    expect(read.status).toBe("placed");

    const call = await store.getRecruitmentCall();
    call.title["zh-CN"] = "改掉";
    expect((await store.getRecruitmentCall()).title["zh-CN"]).toBe(recruitmentCall.title["zh-CN"]);
  });

  it("copies the host's data, so later changes to it do not reach the store", async () => {
    const menu = bakeryMenu("2026-12-01");
    const data = { hub: redHouse, groups: [...groups], partners: [...partners], menus: [menu] };
    const store = createEmbeddedStore({ now, data });
    menu.items[0]!.stock = 0;
    data.groups.length = 0;
    expect((await store.listGroups()).length).toBe(62);
    const m = await store.getMenu("three-moms-baking");
    expect(m.availability.items[0]!.remaining).toBe(20);
  });

  it("returns a new object on every call", async () => {
    const store = createEmbeddedStore({ now });
    const a: PublicGroup = await store.getGroup("three-moms-baking");
    const b = await store.getGroup("three-moms-baking");
    expect(a).toEqual(b);
    expect(a).not.toBe(b);
    expect(a.organisers).not.toBe(b.organisers);
  });
});

describe("embedded store: host data", () => {
  const menu: Menu = {
    ...bakeryMenu("2026-12-01"),
    id: "one-cake",
    items: [{ ...bakeryMenu("2026-12-01").items[3]!, stock: 3 }],
  };
  const seeded: Order = {
    id: "ord-seeded",
    menuId: "one-cake",
    groupId: "three-moms-baking",
    lines: [
      {
        itemId: "chiffon",
        quantity: 2,
        unitPrice: { amount: 2800, currency: "CNY" },
        lineTotal: { amount: 5600, currency: "CNY" },
      },
    ],
    total: { amount: 5600, currency: "CNY" },
    slotId: "s1500",
    contact: { name: "测试居民", phone: "13912345678" },
    consent: { given: true, policyVersion: "2026-11", at: "2026-11-30T20:00:00+08:00" },
    idempotencyKey: "seeded-order-key",
    pickupCode: "246810",
    status: "placed",
    placedAt: "2026-11-30T20:00:00+08:00",
    updatedAt: "2026-11-30T20:00:00+08:00",
  };
  const data: EmbeddedData = {
    hub: redHouse,
    groups: groups.filter((g) => g.id === "three-moms-baking"),
    partners,
    menus: [menu],
    orders: [seeded],
  };

  /** An order for chiffon cakes from the host's one-cake menu, by the seeded order's resident. */
  const chiffons = (quantity: number): PlaceOrderBody => ({
    menuId: "one-cake",
    lines: [{ itemId: "chiffon", quantity }],
    slotId: "s1500",
    contact: seeded.contact,
    consent: seeded.consent,
  });

  it("counts the host's orders against stock and serves them by code", async () => {
    const store = createEmbeddedStore({ now, data });
    const { availability } = await store.getMenu("three-moms-baking");
    expect(availability.items[0]).toMatchObject({ reserved: 2, remaining: 1 });
    const receipt = await store.getOrder("ord-seeded", "246810");
    expect(receipt).toMatchObject({ id: "ord-seeded", date: "2026-12-01", total: seeded.total });
    expect(receipt).not.toHaveProperty("contact");
    // The seeded order's key replays it.
    const body = chiffons(2);
    expect(await store.placeOrder(body, { idempotencyKey: "seeded-order-key" })).toEqual(receipt);
    expect((await refused(store.placeOrder(body, { idempotencyKey: key() }))).code).toBe(
      "INSUFFICIENT_STOCK",
    );
  });

  it("counts the host's orders on a later visit too, when storage already holds orders", async () => {
    const storage = new FakeStorage();
    const body = chiffons(1);
    // A first visit, before the host listed any orders: one cake is ordered and saved.
    const first = createEmbeddedStore({ now, storage, data: { ...data, orders: [] } });
    await first.placeOrder(body, { idempotencyKey: key() });
    // The host now lists its 2 orders from elsewhere: with the saved one, all 3 are gone.
    const again = createEmbeddedStore({ now, storage, data });
    const { availability } = await again.getMenu("three-moms-baking");
    expect(availability.items[0]).toMatchObject({ reserved: 3, remaining: 0, soldOut: true });
    expect((await refused(again.placeOrder(body, { idempotencyKey: key() }))).code).toBe(
      "SOLD_OUT",
    );
    expect(await again.getOrder("ord-seeded", "246810")).toMatchObject({ id: "ord-seeded" });
    // Saved once, the host's order is not counted twice by the next store.
    const third = createEmbeddedStore({ now, storage, data });
    const later = await third.getMenu("three-moms-baking");
    expect(later.availability.items[0]).toMatchObject({ reserved: 3, remaining: 0 });
  });

  it("finds a group by its slug as well as its id, as the server does", async () => {
    const renamed = {
      ...data,
      groups: data.groups.map((g) => ({ ...g, id: "g-001" })),
      menus: [{ ...menu, groupId: "g-001" }],
      orders: [{ ...seeded, groupId: "g-001" }],
    };
    const store = createEmbeddedStore({ now, data: renamed });
    expect((await store.getGroup("three-moms-baking")).id).toBe("g-001");
    expect((await store.getMenu("three-moms-baking")).menu.id).toBe("one-cake");
    expect((await store.getGroup("g-001")).slug).toBe("three-moms-baking");
    expect((await refused(store.getGroup("nobody"))).code).toBe("NOT_FOUND");
  });

  it("answers not-found for the recruitment call when the host has none", async () => {
    const store = createEmbeddedStore({ now, data });
    expect((await refused(store.getRecruitmentCall())).code).toBe("NOT_FOUND");
    expect(
      (await refused(store.submitApplication(sampleApplication, { idempotencyKey: key() }))).code,
    ).toBe("NOT_FOUND");
  });

  it("builds metrics from its own records when the host gives none", async () => {
    const store = createEmbeddedStore({ now, data });
    const snapshot = await store.getMetrics();
    expect(snapshot.scope.id).toBe("red-house");
    expect(snapshot.asOf).toBe("2026-12-01");
    const defaults = await createEmbeddedStore({ now }).getMetrics();
    expect(defaults.scope.id).toBe("gongshu-co-prosperity");
  });

  it("refuses invalid data when the store is made, naming the field", () => {
    expect(() =>
      createEmbeddedStore({ now, data: { ...data, menus: [{ ...menu, slots: [] }] } }),
    ).toThrow(/data\.menus\.0: slots/);
    expect(() => createEmbeddedStore({ now, data: { ...data, menus: [] } })).toThrow(
      /unknown menu one-cake/,
    );
    expect(() =>
      createEmbeddedStore({ now, data: { ...data, groups: [...data.groups, ...data.groups] } }),
    ).toThrow(/duplicate id three-moms-baking/);
  });
});

describe("embedded store: ids, codes and references", () => {
  it("gives unique ids even when the random source repeats itself", async () => {
    const store = createEmbeddedStore({ now, random: (n) => new Uint8Array(n) });
    const { menu } = await store.getMenu("three-moms-baking");
    const a = await store.placeOrder(orderOf(menu), { idempotencyKey: key() });
    const b = await store.placeOrder(orderOf(menu), { idempotencyKey: key() });
    expect(a.id).not.toBe(b.id);
    expect(a.pickupCode).toBe("000000");
    expect(await store.getOrder(b.id, b.pickupCode)).toEqual(b);
  });

  it("draws a pickup code no other order of the menu has", async () => {
    const draws = [
      [0, 0, 0, 7],
      [0, 0, 0, 7],
      [0, 0, 0, 8],
    ];
    let n = 0;
    const random = (size: number) =>
      size === 4
        ? new Uint8Array(draws[Math.min(n++, draws.length - 1)]!)
        : crypto.getRandomValues(new Uint8Array(size));
    const store = createEmbeddedStore({ now, random });
    const { menu } = await store.getMenu("three-moms-baking");
    const a = await store.placeOrder(orderOf(menu), { idempotencyKey: key() });
    const b = await store.placeOrder(orderOf(menu), { idempotencyKey: key() });
    expect([a.pickupCode, b.pickupCode]).toEqual(["000007", "000008"]);
  });

  it("numbers application references within each year", async () => {
    let t = Date.parse("2026-12-31T23:00:00+08:00");
    // A call still open in January: the demo call closes on 31 December.
    const data = {
      ...defaultEmbeddedData(t),
      recruitmentCall: { ...recruitmentCall, deadline: "2027-01-31T17:00:00+08:00" },
    };
    const store = createEmbeddedStore({ now: () => t, data });
    const first = await store.submitApplication(sampleApplication, { idempotencyKey: key() });
    t = Date.parse("2027-01-01T00:30:00+08:00");
    const second = await store.submitApplication(
      { ...sampleApplication, category: "baking" },
      { idempotencyKey: key() },
    );
    expect([first.reference, second.reference]).toEqual(["HZ-2026-0001", "HZ-2027-0001"]);
    expect(second.nextSteps["zh-CN"]).toContain("HZ-2027-0001");
    expect(second.nextSteps.en).toContain("HZ-2027-0001");
  });

  it("treats a phone written differently as the same request for its key", async () => {
    const store = createEmbeddedStore({ now });
    const { menu } = await store.getMenu("three-moms-baking");
    const k = key();
    const body = orderOf(menu);
    const a = await store.placeOrder(body, { idempotencyKey: k });
    const b = await store.placeOrder(
      { ...body, contact: { ...body.contact, phone: "+86 139-1234-5678" } },
      { idempotencyKey: k },
    );
    expect(b).toEqual(a);
  });
});
