import { describe, expect, it } from "vitest";
import {
  checkOrder,
  currentMenu,
  cutoffAt,
  menuAvailability,
  pickupCodeFrom,
  reservationsOf,
  holdsOf,
  holdsFit,
  priceOrder,
  type Menu,
  type OrderUsage,
} from "../src/index.js";
import { bakeryMenu } from "../src/fixtures/index.js";

const menu = bakeryMenu("2026-12-01");
// Ordering opens 2026-11-30 18:00 and closes 2026-12-01 10:00, Shanghai time (UTC+8).
const OPEN = Date.parse("2026-11-30T10:00:00Z");
const CUTOFF = Date.parse("2026-12-01T02:00:00Z");
const MORNING = Date.parse("2026-12-01T00:30:00Z"); // 08:30 on the day

const order = (
  lines: [string, number][],
  slotId = "s1500",
  status: OrderUsage["status"] = "placed",
): OrderUsage => ({
  status,
  slotId,
  lines: lines.map(([itemId, quantity]) => ({ itemId, quantity })),
});
const request = (lines: [string, number][], slotId = "s1500") => ({
  menuId: menu.id,
  slotId,
  lines: lines.map(([itemId, quantity]) => ({ itemId, quantity })),
});
const codes = (r: ReturnType<typeof checkOrder>) => (r.ok ? [] : r.error.map((i) => i.code));

describe("the cut-off", () => {
  it("closes at 10:00 on the pickup day in the menu's zone", () => {
    expect(cutoffAt(menu)).toBe(CUTOFF);
    expect(menuAvailability(menu, [], MORNING).cutoffAt).toBe("2026-12-01T10:00:00+08:00");
  });

  it("is open until the last millisecond before the cut-off minute, and closed from it", () => {
    expect(checkOrder(menu, [], request([["tiger-roll", 1]]), CUTOFF - 1).ok).toBe(true);
    const closed = checkOrder(menu, [], request([["tiger-roll", 1]]), CUTOFF);
    expect(codes(closed)).toEqual(["CUTOFF_PASSED"]);
    if (!closed.ok) {
      expect(closed.error[0]!.message["zh-CN"]).toBe(
        "已过截单时间（12月1日 10:00），今天的预订已结束",
      );
      expect(closed.error[0]!.message.en).toBe("Ordering closed at 1 Dec, 10:00");
      expect(closed.error[0]!.details).toEqual({ cutoffAt: "2026-12-01T10:00:00+08:00" });
    }
    expect(menuAvailability(menu, [], CUTOFF)).toMatchObject({
      open: false,
      closedReason: "CUTOFF_PASSED",
    });
  });

  it("supports '18:00 the day before' and absolute cut-offs", () => {
    const dayBefore: Menu = { ...menu, cutoff: { kind: "relative", daysBefore: 1, time: "18:00" } };
    expect(new Date(cutoffAt(dayBefore)).toISOString()).toBe("2026-11-30T10:00:00.000Z");
    const absolute: Menu = {
      ...menu,
      cutoff: { kind: "absolute", at: "2026-11-30T21:30:00+08:00" },
    };
    expect(new Date(cutoffAt(absolute)).toISOString()).toBe("2026-11-30T13:30:00.000Z");
  });

  it("keeps the menu closed before it opens, saying when it opens", () => {
    const early = checkOrder(menu, [], request([["tiger-roll", 1]]), OPEN - 1000);
    expect(codes(early)).toEqual(["NOT_YET_OPEN"]);
    if (!early.ok) expect(early.error[0]!.message.en).toBe("Ordering opens at 30 Nov, 18:00");
    expect(menuAvailability(menu, [], OPEN - 1000)).toMatchObject({
      open: false,
      closedReason: "NOT_YET_OPEN",
      opensAt: "2026-11-30T18:00:00+08:00",
    });
    expect(checkOrder(menu, [], request([["tiger-roll", 1]]), OPEN).ok).toBe(true);
  });
});

describe("stock", () => {
  const nineteen = [
    order([["tiger-roll", 4]]),
    order([["tiger-roll", 4]]),
    order([["tiger-roll", 4]]),
    order([["tiger-roll", 4]]),
    order([["tiger-roll", 3]]),
  ];

  it("sells the last unit, then refuses more", () => {
    const a = menuAvailability(menu, nineteen, MORNING).items.find(
      (i) => i.itemId === "tiger-roll",
    )!;
    expect(a).toEqual({
      itemId: "tiger-roll",
      stock: 20,
      reserved: 19,
      remaining: 1,
      soldOut: false,
      perOrderLimit: 4,
      maxPerOrder: 1,
    });
    expect(checkOrder(menu, nineteen, request([["tiger-roll", 1]]), MORNING).ok).toBe(true);

    const two = checkOrder(menu, nineteen, request([["tiger-roll", 2]]), MORNING);
    expect(codes(two)).toEqual(["INSUFFICIENT_STOCK"]);
    if (!two.ok) {
      expect(two.error[0]).toMatchObject({
        path: "lines.0.quantity",
        details: { itemId: "tiger-roll", remaining: 1 },
      });
      expect(two.error[0]!.message).toEqual({
        "zh-CN": "“虎皮奶油卷”只剩 1 份",
        en: "Only 1 left of “Tiger-skin cream roll”",
      });
    }

    const all = [...nineteen, order([["tiger-roll", 1]])];
    const none = checkOrder(menu, all, request([["tiger-roll", 1]]), MORNING);
    expect(codes(none)).toEqual(["SOLD_OUT"]);
    if (!none.ok)
      expect(none.error[0]!.message).toEqual({
        "zh-CN": "“虎皮奶油卷”已售罄",
        en: "“Tiger-skin cream roll” is sold out",
      });
    expect(menuAvailability(menu, all, MORNING).items[0]).toMatchObject({
      remaining: 0,
      soldOut: true,
      maxPerOrder: 0,
    });
  });

  it("gives back what cancelled orders held, but not no-shows", () => {
    const all = [...nineteen, order([["tiger-roll", 1]], "s1500", "cancelled")];
    expect(menuAvailability(menu, all, MORNING).items[0]!.remaining).toBe(1);
    const noShow = [...nineteen, order([["tiger-roll", 1]], "s1500", "no-show")];
    expect(menuAvailability(menu, noShow, MORNING).items[0]!.remaining).toBe(0);
  });

  it("closes the whole menu when everything is sold out", () => {
    const everything = menu.items.map((i) => order([[i.id, i.stock]]));
    expect(menuAvailability(menu, everything, MORNING)).toMatchObject({
      open: false,
      closedReason: "SOLD_OUT",
    });
  });
});

describe("the per-order limit", () => {
  it("allows up to the limit and refuses one more", () => {
    expect(checkOrder(menu, [], request([["tiger-roll", 4]]), MORNING).ok).toBe(true);
    const five = checkOrder(menu, [], request([["tiger-roll", 5]]), MORNING);
    expect(codes(five)).toEqual(["PER_ORDER_LIMIT"]);
    if (!five.ok)
      expect(five.error[0]!.message).toEqual({
        "zh-CN": "“虎皮奶油卷”每单最多 4 份",
        en: "You can order at most 4 of “Tiger-skin cream roll”",
      });
  });
});

describe("pickup slots", () => {
  const nine = Array.from({ length: 9 }, () => order([["egg-tart", 1]], "s1700"));

  it("takes the last place in a slot, then reports it full", () => {
    expect(menuAvailability(menu, nine, MORNING).slots[2]).toEqual({
      slotId: "s1700",
      capacity: 10,
      reserved: 9,
      remaining: 1,
      full: false,
    });
    expect(checkOrder(menu, nine, request([["egg-tart", 1]], "s1700"), MORNING).ok).toBe(true);
    const ten = [...nine, order([["egg-tart", 1]], "s1700")];
    const full = checkOrder(menu, ten, request([["egg-tart", 1]], "s1700"), MORNING);
    expect(codes(full)).toEqual(["SLOT_FULL"]);
    if (!full.ok) {
      expect(full.error[0]).toMatchObject({ path: "slotId", details: { slotId: "s1700" } });
      expect(full.error[0]!.message).toEqual({
        "zh-CN": "17:00–18:00 的取货时段已约满",
        en: "The 17:00–18:00 pickup time is full",
      });
    }
    // Other slots are still open.
    expect(checkOrder(menu, ten, request([["egg-tart", 1]], "s1600"), MORNING).ok).toBe(true);
  });

  it("refuses a slot that is not on the menu", () => {
    expect(codes(checkOrder(menu, [], request([["egg-tart", 1]], "s0900"), MORNING))).toEqual([
      "UNKNOWN_SLOT",
    ]);
  });
});

describe("pricing", () => {
  it("prices an order exactly in fen", () => {
    const r = priceOrder(menu, [
      { itemId: "tiger-roll", quantity: 2 },
      { itemId: "egg-yolk-pastry", quantity: 3 },
      { itemId: "chiffon", quantity: 1 },
    ]);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.lines.map((l) => l.lineTotal.amount)).toEqual([3600, 1800, 2800]);
    expect(r.value.total).toEqual({ amount: 8200, currency: "CNY" });
  });

  it("returns the same quote from checkOrder", () => {
    const r = checkOrder(
      menu,
      [],
      request([
        ["fruit-cup", 3],
        ["egg-tart", 12],
      ]),
      MORNING,
    );
    expect(r.ok && r.value.total).toEqual({ amount: 10500, currency: "CNY" });
  });

  it("refuses a menu item priced in another currency", () => {
    const mixed: Menu = {
      ...menu,
      items: [
        ...menu.items,
        { ...menu.items[0]!, id: "yen-roll", price: { amount: 500, currency: "JPY" } },
      ],
    };
    const r = priceOrder(mixed, [
      { itemId: "tiger-roll", quantity: 1 },
      { itemId: "yen-roll", quantity: 1 },
    ]);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error[0]!.code).toBe("CURRENCY_MISMATCH");
      expect(r.error[0]!.message.en).toBe("Currencies differ: CNY and JPY cannot be combined");
    }
  });
});

describe("malformed requests", () => {
  it("reports every problem at once, each on its field", () => {
    const r = checkOrder(
      menu,
      [],
      {
        menuId: "other-menu",
        slotId: "nope",
        lines: [
          { itemId: "croissant", quantity: 1 },
          { itemId: "chiffon", quantity: 3 },
          { itemId: "chiffon", quantity: 1 },
        ],
      },
      MORNING,
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.map((i) => [i.code, i.path])).toEqual([
      ["MENU_MISMATCH", "menuId"],
      ["UNKNOWN_ITEM", "lines.0.itemId"],
      ["PER_ORDER_LIMIT", "lines.1.quantity"],
      ["DUPLICATE_LINE", "lines.2.itemId"],
      ["UNKNOWN_SLOT", "slotId"],
    ]);
  });

  it("refuses an empty order", () => {
    expect(codes(checkOrder(menu, [], request([]), MORNING))).toEqual(["EMPTY_ORDER"]);
  });
});

describe("pickup codes", () => {
  it("are six digits from the random bytes given", () => {
    expect(pickupCodeFrom(new Uint8Array([0, 1, 226, 64]))).toBe("123456");
    expect(pickupCodeFrom(new Uint8Array([0, 0, 0, 7]))).toBe("000007");
    expect(pickupCodeFrom(new Uint8Array([255, 255, 255, 255]))).toBe("967295");
    expect(() => pickupCodeFrom(new Uint8Array(3))).toThrow(RangeError);
  });
});

describe("the current menu", () => {
  const days = ["2026-11-30", "2026-12-01", "2026-12-02"].map((d) => bakeryMenu(d));
  it("is today's while it takes orders, then the next one, and none when all are past", () => {
    expect(currentMenu(days, Date.parse("2026-12-01T09:59:00+08:00"))?.date).toBe("2026-12-01");
    expect(currentMenu(days, Date.parse("2026-12-01T10:00:00+08:00"))?.date).toBe("2026-12-02");
    // After the last cut-off, the last menu from today on is still shown, closed.
    expect(currentMenu(days, Date.parse("2026-12-02T12:00:00+08:00"))?.date).toBe("2026-12-02");
    expect(currentMenu(days, Date.parse("2026-12-03T08:00:00+08:00"))).toBeUndefined();
  });
});

describe("reservations as counters", () => {
  it("give the same availability and the same refusals as the orders they add up", () => {
    const orders = [
      order([["tiger-roll", 4]], "s1700"),
      order(
        [
          ["tiger-roll", 4],
          ["chiffon", 2],
        ],
        "s1700",
      ),
      order([["tiger-roll", 4]], "s1700", "cancelled"),
    ];
    const counters = reservationsOf(orders);
    expect(counters).toEqual({ items: { "tiger-roll": 8, chiffon: 2 }, slots: { s1700: 2 } });
    expect(menuAvailability(menu, counters, MORNING)).toEqual(
      menuAvailability(menu, orders, MORNING),
    );
    const r = request([["chiffon", 7]]);
    expect(checkOrder(menu, counters, r, MORNING)).toEqual(checkOrder(menu, orders, r, MORNING));
  });
});

describe("holds", () => {
  it("name each counter an order raises with its limit, and fit exactly when checkOrder accepts", () => {
    const o = order(
      [
        ["tiger-roll", 3],
        ["chiffon", 1],
      ],
      "s1700",
    );
    const holds = holdsOf(menu, o);
    const tiger = menu.items.find((i) => i.id === "tiger-roll")!;
    const chiffon = menu.items.find((i) => i.id === "chiffon")!;
    const slot = menu.slots.find((s) => s.id === "s1700")!;
    expect(holds).toEqual([
      { kind: "slot", ref: "s1700", amount: 1, limit: slot.capacity },
      { kind: "item", ref: "tiger-roll", amount: 3, limit: tiger.stock },
      { kind: "item", ref: "chiffon", amount: 1, limit: chiffon.stock },
    ]);
    // With the roll nearly sold out, the holds stop fitting exactly where checkOrder refuses.
    for (const taken of [tiger.stock - 4, tiger.stock - 3, tiger.stock - 2]) {
      const counters = { items: { "tiger-roll": taken }, slots: {} };
      const fits = holdsFit(holds, counters);
      const accepted = checkOrder(
        menu,
        counters,
        request(
          [
            ["tiger-roll", 3],
            ["chiffon", 1],
          ],
          "s1700",
        ),
        MORNING,
      ).ok;
      expect([taken, fits]).toEqual([taken, accepted]);
    }
    expect(
      holdsOf(menu, { ...o, slotId: "nowhere", lines: [{ itemId: "ghost", quantity: 1 }] }),
    ).toEqual([]);
  });
});
