/**
 * The `LinliStore` contract: what a resident or applicant sees through the interface,
 * whichever backend answers. The embedded store, the server (through the HTTP client) and
 * any future store run this same suite, so they cannot drift apart.
 *
 * It uses only the `LinliStore` methods and the fields of `LinliClientError` (`name`,
 * `kind`, `status`, `code`, `issues`, `messages`), never `instanceof`, so a store built
 * from another copy of the package passes too.
 *
 * What a store under test must hold: the red-house fixtures of `@linli/core/fixtures`
 * (the hub, its 62 groups and their partners, the partner call) and the bakery's menus
 * (`bakeryMenu`) for today and tomorrow, where "today" is the date in Asia/Shanghai of the
 * clock it is given, and it must read the time only from that clock. The suite starts the
 * clock at {@link CONTRACT_START} and moves it itself.
 */
import { afterEach, describe, expect, it } from "vitest";
import {
  addDays,
  ApplicationReceiptSchema,
  HubSchema,
  MenuWithAvailabilitySchema,
  MetricsSnapshotSchema,
  OrderReceiptSchema,
  PublicGroupSchema,
  RecruitmentCallSchema,
  toOffsetIso,
  toZoned,
  validate,
  type ApplicationInput,
  type LinliIssue,
  type Menu,
  type MenuWithAvailability,
  type PlaceOrderBody,
} from "@linli/core";
import { sampleApplication } from "@linli/core/fixtures";
import type { LinliClientError } from "../src/errors.js";
import type { LinliStore } from "../src/store.js";

/** 08:00 on Tuesday 1 December 2026 in Hangzhou: the day's bakery menu is open until 10:00. */
export const CONTRACT_START = Date.parse("2026-12-01T08:00:00+08:00");

/** What a test gets: a store on its own data, and the clock it reads. */
export interface ContractStore {
  readonly store: LinliStore;
  readonly close?: () => Promise<void>;
}

const ZONE = "Asia/Shanghai";
const BAKERY = "three-moms-baking";
/** Someone ordering: made-up details no fixture contains. */
const RESIDENT = { name: "测试居民甲", phone: "139 1234 5678" };
const RESIDENT_PHONE = "13912345678";
/** Someone applying. */
const APPLICANT = { name: "测试申请人乙", phone: "+86 137-1234-5670", community: "桃源社区" };
const APPLICANT_PHONE = "13712345670";
/** Every fixture partner's phone starts so (138 0000 xxxx). */
const FIXTURE_PHONE_PREFIX = "1380000";

let keyCount = 0;
/** A fresh idempotency key, as a widget makes one per attempt. */
const newKey = () =>
  `contract-${Date.now().toString(36)}-${++keyCount}-${Math.random().toString(36).slice(2, 10)}`;

/** Fails with the schema's issues when the value does not match it. */
function expectValid(schema: Parameters<typeof validate>[0], value: unknown): void {
  const r = validate(schema, value);
  expect(r.ok ? [] : r.error.map((i) => `${i.path}: ${i.code}`)).toEqual([]);
}

/** The error a call was refused with, checked to be a `LinliClientError`. */
export async function refusal(call: Promise<unknown>): Promise<LinliClientError> {
  let value: unknown;
  try {
    value = await call;
  } catch (e) {
    expect(e).toBeInstanceOf(Error);
    expect((e as Error).name).toBe("LinliClientError");
    const err = e as LinliClientError;
    expect(typeof err.kind).toBe("string");
    expect(Array.isArray(err.issues)).toBe(true);
    return err;
  }
  throw new Error(`expected the call to be refused, but it answered ${JSON.stringify(value)}`);
}

/** Asserts a refusal's kind, status and code. */
export function expectRefused(
  e: LinliClientError,
  code: string,
  status: number,
  kind: LinliClientError["kind"],
): void {
  expect({ code: e.code, status: e.status, kind: e.kind }).toEqual({ code, status, kind });
}

/** The issue at a path with a code, failing when there is none. */
function issueAt(e: LinliClientError, path: string, code?: string): LinliIssue {
  const found = e.issues.find((i) => i.path === path && (code === undefined || i.code === code));
  expect(found, `no ${code ?? "issue"} at ${path} in ${JSON.stringify(e.issues)}`).toBeDefined();
  expect(found!.message["zh-CN"].length).toBeGreaterThan(0);
  expect(found!.message.en.length).toBeGreaterThan(0);
  return found!;
}

/** Everything a call's answer or error shows, as text, for privacy checks. */
const shown = (x: unknown): string =>
  x instanceof Error
    ? JSON.stringify({ ...(x as unknown as Record<string, unknown>), message: x.message })
    : JSON.stringify(x);

/**
 * Registers the contract's tests for one store.
 *
 * @param name What the store is, for test names.
 * @param make A new store, on fresh data, reading time from `now` only. Called once per test.
 *
 * @example
 * storeContract("embedded store", async ({ now }) => ({ store: createEmbeddedStore({ now }) }));
 */
export function storeContract(
  name: string,
  make: (opts: { now: () => number }) => Promise<ContractStore>,
): void {
  describe(`LinliStore contract: ${name}`, () => {
    let closers: Array<() => Promise<void>> = [];
    afterEach(async () => {
      const pending = closers;
      closers = [];
      await Promise.all(pending.map((close) => close()));
    });

    /** A fresh store and the clock it reads, starting at `start`. */
    async function setup(start = CONTRACT_START) {
      let t = start;
      const made = await make({ now: () => t });
      if (made.close) closers.push(made.close);
      const store = made.store;
      const clock = {
        get now() {
          return t;
        },
        set(ms: number) {
          t = ms;
        },
      };
      /** Today's bakery menu and what is left of it. */
      const menu = (date?: string): Promise<MenuWithAvailability> =>
        store.getMenu(BAKERY, date === undefined ? undefined : { date });
      /** A valid order of `lines` from `m`, in `slotId` (default the first slot). */
      const body = (
        m: Menu,
        lines: PlaceOrderBody["lines"],
        slotId = m.slots[0]!.id,
      ): PlaceOrderBody => ({
        menuId: m.id,
        lines,
        slotId,
        contact: { ...RESIDENT },
        consent: { given: true, policyVersion: "2026-11", at: toOffsetIso(t, ZONE) },
      });
      const place = (b: PlaceOrderBody, idempotencyKey = newKey()) =>
        store.placeOrder(b, { idempotencyKey });
      /** A valid application with the test's applicant. */
      const application = (over: Partial<ApplicationInput> = {}): ApplicationInput => ({
        ...structuredClone(sampleApplication),
        applicant: { ...APPLICANT },
        consent: { given: true, policyVersion: "2026-11", at: toOffsetIso(t, ZONE) },
        ...over,
      });
      return { store, clock, menu, body, place, application };
    }

    const today = toZoned(CONTRACT_START, ZONE).date;

    describe("hub and groups", () => {
      it("gives the hub", async () => {
        const { store } = await setup();
        const hub = await store.getHub();
        expectValid(HubSchema, hub);
        expect(hub.id).toBe("red-house");
        expect(hub.nickname?.["zh-CN"]).toBe("红房子");
      });

      it("lists the red house's 62 groups, each with its organisers' public names", async () => {
        const { store } = await setup();
        const groups = await store.listGroups();
        expect(groups).toHaveLength(62);
        expect(new Set(groups.map((g) => g.id)).size).toBe(62);
        for (const g of groups) {
          expectValid(PublicGroupSchema, g);
          expect(g.hubId).toBe("red-house");
          expect(g.organisers.map((o) => o.id)).toEqual(
            g.organiserIds.filter((id) => g.organisers.some((o) => o.id === id)),
          );
        }
        const bakery = groups.find((g) => g.id === BAKERY)!;
        expect(bakery.organisers.map((o) => o.name)).toContain("胡老师");
        expect(bakery.organisers.map((o) => o.name)).not.toContain("胡艳玲");
        expect(shown(groups)).not.toContain(FIXTURE_PHONE_PREFIX);
      });

      it("filters by category, by status, and by both", async () => {
        const { store } = await setup();
        const baking = await store.listGroups({ category: "baking" });
        expect(baking.map((g) => g.id)).toContain(BAKERY);
        expect(baking.every((g) => g.category === "baking")).toBe(true);

        const selfRun = await store.listGroups({ status: "self-operating" });
        expect(selfRun.map((g) => g.id).sort()).toEqual(["taoyuan-womens-workshop", BAKERY]);

        const both = await store.listGroups({ category: "piecework", status: "active" });
        expect(both.map((g) => g.id)).toContain("silver-piecework");
        expect(both.map((g) => g.id)).not.toContain("taoyuan-womens-workshop");
        expect(both.every((g) => g.category === "piecework" && g.status === "active")).toBe(true);
      });

      it("searches Chinese and English names, ignoring case", async () => {
        const { store } = await setup();
        const zh = await store.listGroups({ q: "烘焙" });
        expect(zh.map((g) => g.id)).toContain(BAKERY);
        expect(zh.every((g) => g.name["zh-CN"].includes("烘焙"))).toBe(true);

        const en = await store.listGroups({ q: "BAKING studio" });
        expect(en.map((g) => g.id)).toEqual([BAKERY]);

        const dance = await store.listGroups({ q: "dance", category: "dance" });
        expect(dance.map((g) => g.id).sort()).toEqual(["square-dance", "street-dance"]);

        expect(await store.listGroups({ q: "没有这个社群 no such group" })).toEqual([]);
      });

      it("refuses an unknown filter value with its field", async () => {
        const { store } = await setup();
        const e = await refusal(store.listGroups({ category: "astrology" as never }));
        expectRefused(e, "VALIDATION_FAILED", 400, "validation");
        issueAt(e, "category");
      });

      it("gives one group, or not-found", async () => {
        const { store } = await setup();
        const g = await store.getGroup(BAKERY);
        expectValid(PublicGroupSchema, g);
        expect(g.name["zh-CN"]).toBe("三个妈妈烘焙工作室");
        expect(g.organisers.length).toBe(3);

        const e = await refusal(store.getGroup("no-such-group"));
        expectRefused(e, "NOT_FOUND", 404, "not-found");
        issueAt(e, "id", "UNKNOWN_REFERENCE");
      });
    });

    describe("menus", () => {
      it("gives today's menu with everything still available", async () => {
        const { menu } = await setup();
        const m = await menu();
        expectValid(MenuWithAvailabilitySchema, m);
        expect(m.menu.groupId).toBe(BAKERY);
        expect(m.menu.date).toBe(today);
        expect(m.availability.menuId).toBe(m.menu.id);
        expect(m.availability.open).toBe(true);
        expect(m.availability.closedReason).toBeUndefined();
        expect(m.availability.items.map((i) => i.itemId)).toEqual(m.menu.items.map((i) => i.id));
        for (const item of m.menu.items) {
          const a = m.availability.items.find((i) => i.itemId === item.id)!;
          expect(a).toMatchObject({ stock: item.stock, reserved: 0, remaining: item.stock });
          expect(a.maxPerOrder).toBe(Math.min(item.stock, item.perOrderLimit));
        }
        for (const slot of m.menu.slots) {
          const a = m.availability.slots.find((s) => s.slotId === slot.id)!;
          expect(a).toMatchObject({ capacity: slot.capacity, reserved: 0, full: false });
        }
        expect(Date.parse(m.availability.cutoffAt)).toBeGreaterThan(CONTRACT_START);
      });

      it("gives the menu of a date, shown but not yet open before it opens", async () => {
        const { menu } = await setup();
        const tomorrow = await menu(addDays(today, 1));
        expectValid(MenuWithAvailabilitySchema, tomorrow);
        expect(tomorrow.menu.date).toBe(addDays(today, 1));
        expect(tomorrow.availability.open).toBe(false);
        expect(tomorrow.availability.closedReason).toBe("NOT_YET_OPEN");
        expect(tomorrow.availability.opensAt).toBeDefined();
      });

      it("answers not-found for a date without a menu or an unknown group, and refuses a bad date", async () => {
        const { store, menu } = await setup();
        const none = await refusal(menu(addDays(today, 30)));
        expectRefused(none, "NOT_FOUND", 404, "not-found");
        expect(issueAt(none, "date", "NO_MENU_ON_DATE").message.en).toBe(
          `There is no menu for ${addDays(today, 30)}`,
        );
        expectRefused(await refusal(store.getMenu("no-such-group")), "NOT_FOUND", 404, "not-found");
        const bad = await refusal(menu("2026-13-45"));
        expectRefused(bad, "VALIDATION_FAILED", 400, "validation");
        issueAt(bad, "date");
      });
    });

    describe("placing orders", () => {
      it("places an order and reads it back with its pickup code", async () => {
        const { store, clock, menu, body, place } = await setup();
        const { menu: m } = await menu();
        const slot = m.slots[1]!;
        const receipt = await place(
          body(
            m,
            [
              { itemId: "tiger-roll", quantity: 2 },
              { itemId: "egg-tart", quantity: 3 },
            ],
            slot.id,
          ),
        );
        expectValid(OrderReceiptSchema, receipt);
        expect(receipt).toMatchObject({
          menuId: m.id,
          groupId: BAKERY,
          date: m.date,
          status: "placed",
          slot: { id: slot.id, start: slot.start, end: slot.end },
          pickupLocation: m.pickupLocation,
        });
        expect(receipt.pickupCode).toMatch(/^\d{6}$/);
        expect(receipt.placedAt).toMatch(/[+-]\d{2}:\d{2}$/);
        expect(Date.parse(receipt.placedAt)).toBe(clock.now);
        expect(receipt).not.toHaveProperty("contact");

        expect(await store.getOrder(receipt.id, receipt.pickupCode)).toEqual(receipt);

        const after = await menu();
        expect(after.availability.items.find((i) => i.itemId === "tiger-roll")).toMatchObject({
          reserved: 2,
          remaining: m.items.find((i) => i.id === "tiger-roll")!.stock - 2,
        });
        expect(after.availability.slots.find((s) => s.slotId === slot.id)!.reserved).toBe(1);
      });

      it("answers not-found for a wrong pickup code or an unknown order", async () => {
        const { store, menu, body, place } = await setup();
        const { menu: m } = await menu();
        const receipt = await place(body(m, [{ itemId: "fruit-cup", quantity: 1 }]));
        const wrong = receipt.pickupCode === "000000" ? "000001" : "000000";
        expectRefused(
          await refusal(store.getOrder(receipt.id, wrong)),
          "NOT_FOUND",
          404,
          "not-found",
        );
        expectRefused(
          await refusal(store.getOrder("ord-does-not-exist", receipt.pickupCode)),
          "NOT_FOUND",
          404,
          "not-found",
        );
      });

      it("prices every line and the total exactly, in fen", async () => {
        const { menu, body, place } = await setup();
        const { menu: m } = await menu();
        const lines = m.items.map((i) => ({
          itemId: i.id,
          quantity: Math.min(3, i.perOrderLimit),
        }));
        const receipt = await place(body(m, lines));
        let expected = 0;
        receipt.lines.forEach((line, n) => {
          const item = m.items[n]!;
          expect(line).toEqual({
            itemId: item.id,
            quantity: lines[n]!.quantity,
            unitPrice: item.price,
            lineTotal: { amount: item.price.amount * lines[n]!.quantity, currency: m.currency },
          });
          expected += item.price.amount * lines[n]!.quantity;
        });
        expect(Number.isInteger(receipt.total.amount)).toBe(true);
        expect(receipt.total).toEqual({ amount: expected, currency: m.currency });
      });

      it("sells the last units, then refuses with what is left, then as sold out", async () => {
        const { menu, body, place } = await setup();
        const { menu: m } = await menu();
        const item = m.items.find((i) => i.id === "tiger-roll")!;
        const left = async () => (await menu()).availability;
        /** The slot with the most room, so slots never get in the way. */
        const roomiest = async () =>
          (await left()).slots.reduce((a, b) => (b.remaining > a.remaining ? b : a)).slotId;

        let remaining = item.stock;
        while (remaining > item.perOrderLimit) {
          await place(
            body(m, [{ itemId: item.id, quantity: item.perOrderLimit }], await roomiest()),
          );
          remaining -= item.perOrderLimit;
        }
        if (remaining > 1) {
          await place(body(m, [{ itemId: item.id, quantity: remaining - 1 }], await roomiest()));
          remaining = 1;
        }
        expect((await left()).items.find((i) => i.itemId === item.id)!.remaining).toBe(1);

        const short = await refusal(
          place(body(m, [{ itemId: item.id, quantity: 2 }], await roomiest())),
        );
        expectRefused(short, "INSUFFICIENT_STOCK", 409, "conflict");
        expect(issueAt(short, "lines.0.quantity", "INSUFFICIENT_STOCK").details).toMatchObject({
          remaining: 1,
        });

        await place(body(m, [{ itemId: item.id, quantity: 1 }], await roomiest()));
        const gone = (await left()).items.find((i) => i.itemId === item.id)!;
        expect(gone).toMatchObject({ remaining: 0, soldOut: true, maxPerOrder: 0 });

        const e = await refusal(
          place(
            body(
              m,
              [
                { itemId: "egg-tart", quantity: 1 },
                { itemId: item.id, quantity: 1 },
              ],
              await roomiest(),
            ),
          ),
        );
        expectRefused(e, "SOLD_OUT", 409, "conflict");
        issueAt(e, "lines.1.quantity", "SOLD_OUT");
        expect(e.issues.some((i) => i.path === "lines.0.quantity")).toBe(false);
        expect(e.messages["zh-CN"]).toContain(item.name["zh-CN"]);
        // The refused order took nothing.
        expect((await left()).items.find((i) => i.itemId === "egg-tart")!.reserved).toBe(0);
      });

      it("refuses an order for a full pickup slot and keeps the others open", async () => {
        const { menu, body, place } = await setup();
        const { menu: m } = await menu();
        const slot = m.slots.reduce((a, b) => (b.capacity < a.capacity ? b : a));
        const item = m.items.reduce((a, b) => (b.stock > a.stock ? b : a));
        expect(item.stock).toBeGreaterThan(slot.capacity);
        for (let n = 0; n < slot.capacity; n++)
          await place(body(m, [{ itemId: item.id, quantity: 1 }], slot.id));

        const e = await refusal(place(body(m, [{ itemId: item.id, quantity: 1 }], slot.id)));
        expectRefused(e, "SLOT_FULL", 409, "conflict");
        issueAt(e, "slotId", "SLOT_FULL");
        expect((await menu()).availability.slots.find((s) => s.slotId === slot.id)).toMatchObject({
          reserved: slot.capacity,
          remaining: 0,
          full: true,
        });

        const other = m.slots.find((s) => s.id !== slot.id)!;
        const ok = await place(body(m, [{ itemId: item.id, quantity: 1 }], other.id));
        expect(ok.slot.id).toBe(other.id);
      });

      it("refuses more than the per-order limit", async () => {
        const { menu, body, place } = await setup();
        const { menu: m } = await menu();
        const item = m.items.find((i) => i.stock > i.perOrderLimit)!;
        const e = await refusal(
          place(body(m, [{ itemId: item.id, quantity: item.perOrderLimit + 1 }])),
        );
        expectRefused(e, "PER_ORDER_LIMIT", 409, "conflict");
        expect(issueAt(e, "lines.0.quantity", "PER_ORDER_LIMIT").details).toMatchObject({
          limit: item.perOrderLimit,
        });
        expect((await menu()).availability.items.every((i) => i.reserved === 0)).toBe(true);
      });

      it("takes orders until the cut-off and refuses them from it on", async () => {
        const { clock, menu, body, place } = await setup();
        const { menu: m, availability } = await menu();
        const cutoff = Date.parse(availability.cutoffAt);

        clock.set(cutoff - 1000);
        await place(body(m, [{ itemId: "egg-tart", quantity: 1 }]));

        clock.set(cutoff);
        const e = await refusal(place(body(m, [{ itemId: "egg-tart", quantity: 1 }])));
        expectRefused(e, "CUTOFF_PASSED", 409, "conflict");
        expect(e.issues.map((i) => i.code)).toContain("CUTOFF_PASSED");

        const closed = await menu(m.date);
        expect(closed.availability).toMatchObject({ open: false, closedReason: "CUTOFF_PASSED" });
      });

      it("refuses an order before the menu opens", async () => {
        const { menu, body, place } = await setup();
        const { menu: tomorrow } = await menu(addDays(today, 1));
        const e = await refusal(place(body(tomorrow, [{ itemId: "egg-tart", quantity: 1 }])));
        expectRefused(e, "NOT_YET_OPEN", 409, "conflict");
      });
    });

    describe("idempotency of orders", () => {
      it("answers the same key three times with one order and the same receipt", async () => {
        const { menu, body, place } = await setup();
        const { menu: m } = await menu();
        const b = body(m, [{ itemId: "chiffon", quantity: 2 }]);
        const key = newKey();
        const first = await place(b, key);
        const second = await place(structuredClone(b), key);
        const third = await place(structuredClone(b), key);
        expect(second).toEqual(first);
        expect(third).toEqual(first);
        const a = (await menu()).availability;
        expect(a.items.find((i) => i.itemId === "chiffon")!.reserved).toBe(2);
        expect(a.slots.reduce((n, s) => n + s.reserved, 0)).toBe(1);
      });

      it("makes one order of the same request sent three times at once", async () => {
        const { menu, body, place } = await setup();
        const { menu: m } = await menu();
        const b = body(m, [{ itemId: "wholemeal-toast", quantity: 1 }]);
        const key = newKey();
        const receipts = await Promise.all([place(b, key), place(b, key), place(b, key)]);
        expect(receipts[1]).toEqual(receipts[0]);
        expect(receipts[2]).toEqual(receipts[0]);
        const a = (await menu()).availability;
        expect(a.items.find((i) => i.itemId === "wholemeal-toast")!.reserved).toBe(1);
        expect(a.slots.reduce((n, s) => n + s.reserved, 0)).toBe(1);
      });

      it("refuses the same key with a different order", async () => {
        const { store, menu, body, place } = await setup();
        const { menu: m } = await menu();
        const key = newKey();
        const first = await place(body(m, [{ itemId: "fruit-cup", quantity: 1 }]), key);
        const e = await refusal(place(body(m, [{ itemId: "fruit-cup", quantity: 2 }]), key));
        expectRefused(e, "IDEMPOTENCY_KEY_REUSED", 422, "validation");
        expect(issueAt(e, "headers.idempotency-key", "KEY_REUSED").message.en).toBe(
          "This idempotency key was already used for a different request",
        );
        expect(await store.getOrder(first.id, first.pickupCode)).toEqual(first);
        expect(
          (await menu()).availability.items.find((i) => i.itemId === "fruit-cup")!.reserved,
        ).toBe(1);
      });
    });

    describe("order validation", () => {
      it("refuses a bad phone number at contact.phone", async () => {
        const { menu, body, place } = await setup();
        const { menu: m } = await menu();
        const b = body(m, [{ itemId: "egg-tart", quantity: 1 }]);
        const e = await refusal(place({ ...b, contact: { name: "测试", phone: "12345" } }));
        expectRefused(e, "VALIDATION_FAILED", 400, "validation");
        issueAt(e, "contact.phone", "INVALID_PHONE");
      });

      it("refuses an order without consent", async () => {
        const { menu, body, place } = await setup();
        const { menu: m } = await menu();
        const b = body(m, [{ itemId: "egg-tart", quantity: 1 }]);
        const refused = await refusal(
          place({ ...b, consent: { ...b.consent, given: false as never } }),
        );
        expectRefused(refused, "VALIDATION_FAILED", 400, "validation");
        issueAt(refused, "consent.given", "CONSENT_REQUIRED");

        const { consent: _omitted, ...withoutConsent } = b;
        const missing = await refusal(place(withoutConsent as PlaceOrderBody));
        expectRefused(missing, "VALIDATION_FAILED", 400, "validation");
        expect(missing.issues.some((i) => i.path?.startsWith("consent"))).toBe(true);
      });

      it("reports every problem at once, each at its field", async () => {
        const { menu, body, place } = await setup();
        const { menu: m } = await menu();
        const b = body(m, [{ itemId: "egg-tart", quantity: 0 }]);
        const e = await refusal(place({ ...b, contact: { name: " ", phone: "138" } }));
        expectRefused(e, "VALIDATION_FAILED", 400, "validation");
        issueAt(e, "contact.phone", "INVALID_PHONE");
        issueAt(e, "contact.name");
        issueAt(e, "lines.0.quantity");

        const empty = await refusal(place({ ...b, lines: [] }));
        issueAt(empty, "lines", "EMPTY_ORDER");
      });

      it("refuses a missing or malformed idempotency key", async () => {
        const { store, menu, body, place } = await setup();
        const { menu: m } = await menu();
        const b = body(m, [{ itemId: "egg-tart", quantity: 1 }]);
        const short = await refusal(place(b, "short"));
        expectRefused(short, "VALIDATION_FAILED", 400, "validation");
        issueAt(short, "headers.idempotency-key");
        expectRefused(
          await refusal(place(b, "has spaces in it")),
          "VALIDATION_FAILED",
          400,
          "validation",
        );
        expectRefused(
          await refusal(store.placeOrder(b, {} as never)),
          "VALIDATION_FAILED",
          400,
          "validation",
        );
      });

      it("refuses unknown items and slots at their fields, and an unknown menu as not-found", async () => {
        const { menu, body, place } = await setup();
        const { menu: m } = await menu();
        const item = await refusal(place(body(m, [{ itemId: "croissant", quantity: 1 }])));
        expectRefused(item, "VALIDATION_FAILED", 400, "validation");
        issueAt(item, "lines.0.itemId", "UNKNOWN_ITEM");

        const slot = await refusal(place(body(m, [{ itemId: "egg-tart", quantity: 1 }], "s0900")));
        expectRefused(slot, "VALIDATION_FAILED", 400, "validation");
        issueAt(slot, "slotId", "UNKNOWN_SLOT");

        const gone = await refusal(
          place({ ...body(m, [{ itemId: "egg-tart", quantity: 1 }]), menuId: "no-such-menu" }),
        );
        expectRefused(gone, "NOT_FOUND", 404, "not-found");
        issueAt(gone, "menuId", "UNKNOWN_REFERENCE");
        expect((await menu()).availability.slots.every((s) => s.reserved === 0)).toBe(true);
      });
    });

    describe("partner recruitment", () => {
      it("gives the recruitment call", async () => {
        const { store } = await setup();
        const call = await store.getRecruitmentCall();
        expectValid(RecruitmentCallSchema, call);
        expect(call.id).toBe(sampleApplication.callId);
        expect(call.hubId).toBe("red-house");
      });

      it("takes an application and answers with a reference and the next steps", async () => {
        const { store, clock, application } = await setup();
        const receipt = await store.submitApplication(application(), { idempotencyKey: newKey() });
        expectValid(ApplicationReceiptSchema, receipt);
        expect(receipt.status).toBe("submitted");
        expect(receipt.reference).toMatch(/^[A-Z]+-2026-\d{4,}$/);
        expect(Date.parse(receipt.submittedAt)).toBe(clock.now);
        expect(receipt.nextSteps["zh-CN"].length).toBeGreaterThan(0);
        expect(receipt.nextSteps.en.length).toBeGreaterThan(0);
        expect(receipt).not.toHaveProperty("applicant");

        const second = await store.submitApplication(
          application({
            idea: { title: "银龄读报会", description: "每周三上午给老人读报，聊聊新闻和身边事。" },
          }),
          { idempotencyKey: newKey() },
        );
        expect(second.id).not.toBe(receipt.id);
        expect(second.reference).not.toBe(receipt.reference);
      });

      it("answers a repeated key with the same receipt and refuses it for another application", async () => {
        const { store, application } = await setup();
        const key = newKey();
        const input = application();
        const [a, b] = await Promise.all([
          store.submitApplication(input, { idempotencyKey: key }),
          store.submitApplication(structuredClone(input), { idempotencyKey: key }),
        ]);
        expect(b).toEqual(a);
        expect(await store.submitApplication(input, { idempotencyKey: key })).toEqual(a);

        const e = await refusal(
          store.submitApplication(application({ category: "baking" }), { idempotencyKey: key }),
        );
        expectRefused(e, "IDEMPOTENCY_KEY_REUSED", 422, "validation");
      });

      it("refuses an invalid application with each field's problem", async () => {
        const { store, application } = await setup();
        const input = application();
        const e = await refusal(
          store.submitApplication(
            {
              ...input,
              applicant: { ...input.applicant, phone: "010-1234" },
              idea: { title: "好点子", description: "太短" },
              availability: [],
              consent: { ...input.consent, given: false as never },
            },
            { idempotencyKey: newKey() },
          ),
        );
        expectRefused(e, "VALIDATION_FAILED", 400, "validation");
        issueAt(e, "applicant.phone", "INVALID_PHONE");
        issueAt(e, "idea.description");
        issueAt(e, "availability");
        issueAt(e, "consent.given", "CONSENT_REQUIRED");
      });

      it("takes applications only while the call is open, with consent to its privacy notice", async () => {
        const { store, clock, application } = await setup();
        const call = await store.getRecruitmentCall();
        const before = (await store.submitApplication(application(), { idempotencyKey: newKey() }))
          .reference;

        clock.set(Date.parse(call.opensAt) - 60_000);
        const early = await refusal(
          store.submitApplication(application(), { idempotencyKey: newKey() }),
        );
        expectRefused(early, "APPLICATIONS_NOT_OPEN", 409, "conflict");
        expect(early.messages["zh-CN"]).toMatch(/^招募将于 .+ 开始接受申请$/);
        expect(early.messages.en).toMatch(/^Applications open at /);
        issueAt(early, "callId", "APPLICATIONS_NOT_OPEN");

        clock.set(Date.parse(call.deadline!) + 1000);
        const late = await refusal(
          store.submitApplication(application(), { idempotencyKey: newKey() }),
        );
        expectRefused(late, "APPLICATIONS_CLOSED", 409, "conflict");
        expect(late.messages["zh-CN"]).toMatch(/^招募已于 .+ 截止$/);
        expect(late.messages.en).toMatch(/^Applications closed at /);

        clock.set(CONTRACT_START);
        const stale = await refusal(
          store.submitApplication(
            application({
              consent: { given: true, policyVersion: "2025-01", at: toOffsetIso(clock.now, ZONE) },
            }),
            { idempotencyKey: newKey() },
          ),
        );
        expectRefused(stale, "VALIDATION_FAILED", 400, "validation");
        const policy = issueAt(stale, "consent.policyVersion", "POLICY_VERSION_MISMATCH");
        expect(policy.message).toEqual({
          "zh-CN": `隐私说明已更新（现为 ${call.privacyPolicy.version} 版），请重新阅读并同意后再提交`,
          en: `The privacy notice has changed (it is now version ${call.privacyPolicy.version}): read and agree to it again before you submit`,
        });
        // None of them was kept: the next application is numbered right after the first.
        const next = await store.submitApplication(application(), { idempotencyKey: newKey() });
        expect(Number(next.reference.slice(-4))).toBe(Number(before.slice(-4)) + 1);
      });

      it("answers not-found for an application to an unknown call", async () => {
        const { store, application } = await setup();
        const e = await refusal(
          store.submitApplication(application({ callId: "no-such-call" }), {
            idempotencyKey: newKey(),
          }),
        );
        expectRefused(e, "NOT_FOUND", 404, "not-found");
        issueAt(e, "callId", "UNKNOWN_REFERENCE");
      });
    });

    describe("metrics", () => {
      it("gives a snapshot of the last six months by default", async () => {
        const { store, clock } = await setup();
        const snapshot = await store.getMetrics();
        expectValid(MetricsSnapshotSchema, snapshot);
        expect(snapshot.period).toEqual({ from: "2026-07", to: "2026-12" });
        expect(snapshot.metrics.length).toBeGreaterThan(0);
        expect(Date.parse(snapshot.generatedAt)).toBe(clock.now);
      });

      it("gives a snapshot of the months asked for, and refuses bad months", async () => {
        const { store } = await setup();
        const snapshot = await store.getMetrics({ from: "2026-10", to: "2026-11" });
        expectValid(MetricsSnapshotSchema, snapshot);
        expect(snapshot.period).toEqual({ from: "2026-10", to: "2026-11" });
        expect(snapshot.metrics[0]!.series.map((s) => s.month)).toEqual(["2026-10", "2026-11"]);

        const bad = await refusal(store.getMetrics({ from: "2026-13" }));
        expectRefused(bad, "VALIDATION_FAILED", 400, "validation");
        issueAt(bad, "from");
        const backwards = await refusal(store.getMetrics({ from: "2026-11", to: "2026-10" }));
        expectRefused(backwards, "VALIDATION_FAILED", 400, "validation");
      });

      it("refuses more than 60 months at once, given whole or from a start alone", async () => {
        const { store } = await setup();
        const sixty = await store.getMetrics({ from: "2022-01", to: "2026-12" });
        expect(sixty.period).toEqual({ from: "2022-01", to: "2026-12" });
        const whole = await refusal(store.getMetrics({ from: "0001-01", to: "9999-12" }));
        expectRefused(whole, "VALIDATION_FAILED", 400, "validation");
        issueAt(whole, "to", "PERIOD_TOO_LONG");
        // A start alone runs to this month (December 2026): 72 months from 2021-01.
        const start = await refusal(store.getMetrics({ from: "2021-01" }));
        expectRefused(start, "VALIDATION_FAILED", 400, "validation");
        issueAt(start, "from", "PERIOD_TOO_LONG");
      });
    });

    describe("cancelled calls", () => {
      it("rejects every call whose signal is already aborted, and does nothing", async () => {
        const { store, menu, body, application } = await setup();
        const { menu: m } = await menu();
        const controller = new AbortController();
        controller.abort();
        const signal = controller.signal;
        const calls: Array<Promise<unknown>> = [
          store.getHub({ signal }),
          store.listGroups({}, { signal }),
          store.getGroup(BAKERY, { signal }),
          store.getMenu(BAKERY, {}, { signal }),
          store.placeOrder(body(m, [{ itemId: "egg-tart", quantity: 1 }]), {
            idempotencyKey: newKey(),
            signal,
          }),
          store.getOrder("ord-anything", "123456", { signal }),
          store.getRecruitmentCall({ signal }),
          store.submitApplication(application(), { idempotencyKey: newKey(), signal }),
          store.getMetrics({}, { signal }),
        ];
        for (const call of calls) expect((await refusal(call)).kind).toBe("aborted");
        expect((await menu()).availability.slots.every((s) => s.reserved === 0)).toBe(true);
      });
    });

    describe("privacy", () => {
      it("never shows the phone or name a resident or applicant gave", async () => {
        const { store, menu, body, place, application } = await setup();
        const { menu: m } = await menu();
        const orderKey = newKey();
        const order = body(m, [{ itemId: "tiger-roll", quantity: 1 }]);
        const receipt = await place(order, orderKey);
        const appKey = newKey();
        const input = application();
        const applied = await store.submitApplication(input, { idempotencyKey: appKey });

        const outputs: unknown[] = [
          receipt,
          applied,
          await store.getHub(),
          await store.listGroups(),
          await store.listGroups({ q: RESIDENT.name }),
          await store.getGroup(BAKERY),
          await menu(),
          await place(order, orderKey),
          await store.getOrder(receipt.id, receipt.pickupCode),
          await store.getRecruitmentCall(),
          await store.submitApplication(input, { idempotencyKey: appKey }),
          await store.getMetrics(),
          await refusal(
            place({ ...order, lines: [{ itemId: "tiger-roll", quantity: 2 }] }, orderKey),
          ),
          await refusal(
            store.submitApplication(application({ category: "baking" }), {
              idempotencyKey: appKey,
            }),
          ),
          await refusal(place(body(m, [{ itemId: "tiger-roll", quantity: 99 }]))),
          await refusal(
            store.getOrder(receipt.id, receipt.pickupCode === "000000" ? "000001" : "000000"),
          ),
        ];
        const text = outputs.map(shown).join("\n");
        for (const secret of [
          RESIDENT.name,
          RESIDENT.phone,
          RESIDENT_PHONE,
          APPLICANT.name,
          APPLICANT.phone,
          APPLICANT_PHONE,
          FIXTURE_PHONE_PREFIX,
        ])
          expect(text).not.toContain(secret);
      });
    });
  });
}
