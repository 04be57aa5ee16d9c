import { expect, fixture, fixtureCleanup, html, oneEvent, waitUntil } from "@open-wc/testing";
import { nothing } from "lit";
import { afterEach, describe, it } from "vitest";
import { userEvent } from "vitest/browser";
import { LinliClientError, type LinliStore } from "@linli/client";
import { createEmbeddedStore, DEFAULT_STORAGE_KEY } from "@linli/client/embedded";
import { errorBody } from "@linli/core";
import {
  bakeryData,
  bakeryStore,
  MORNING,
  neighbourOrder,
  NOON,
  TODAY,
  TOMORROW,
} from "../test-support/menus.js";
import type { LinliPreorder } from "./preorder.js";
import "./linli-preorder.js";

// The test page says <html lang="en">; with no [lang] anywhere the elements speak zh-CN.
document.documentElement.removeAttribute("lang");

const $ = <T extends Element = HTMLElement>(el: HTMLElement, sel: string) =>
  el.shadowRoot!.querySelector<T>(sel);
const text = (node: Element | null | undefined) =>
  (node?.textContent ?? "").replace(/\s+/g, " ").trim();
const part = (el: HTMLElement, name: string) => $(el, `[part~="${name}"]`);
const item = (el: HTMLElement, id: string) =>
  $(el, `#qty-${id}`)?.closest("li") ?? $(el, `#${id}-name`)!.closest("li")!;
const active = (el: HTMLElement) => el.shadowRoot!.activeElement as HTMLElement | null;
const announced = (el: HTMLElement) => text($(el, "#announce"));

async function preorder(store: LinliStore, opts: { lang?: string; date?: string } = {}) {
  const wrap = await fixture<HTMLElement>(
    html`<div lang=${opts.lang ?? "zh-CN"}>
      <linli-preorder
        group="three-moms-baking"
        date=${opts.date ?? nothing}
        privacy-href="/privacy"
        .store=${store}
      ></linli-preorder>
    </div>`,
  );
  const el = wrap.querySelector("linli-preorder")!;
  await waitUntil(() => $(el, "#heading") || part(el, "error"), "the menu loads", {
    timeout: 4000,
  });
  await el.updateComplete;
  return el;
}

/** Fills in the form as a resident would, by typing and clicking. */
async function fillIn(el: LinliPreorder, qty: Record<string, number>, slot = "s1500") {
  for (const [id, n] of Object.entries(qty))
    for (let i = 0; i < n; i++)
      await userEvent.click(item(el, id).querySelector('[part="step-up"]')!);
  await userEvent.click($(el, `#slot-${slot}`)!);
  await userEvent.type($(el, "#name")!, "林晓雨");
  await userEvent.type($(el, "#phone")!, "138 0013 8000");
  await userEvent.click($(el, "#consent")!);
  await el.updateComplete;
}

const reserved = async (store: LinliStore, date = TODAY) => {
  const { availability } = await store.getMenu("three-moms-baking", { date });
  return {
    items: Object.fromEntries(availability.items.map((i) => [i.itemId, i.reserved])),
    slots: Object.fromEntries(availability.slots.map((s) => [s.slotId, s.reserved])),
  };
};

afterEach(() => fixtureCleanup());

describe("<linli-preorder>", () => {
  it("shows the day's menu in Chinese: photo, name, description, price, stock, limit, cut-off, slots", async () => {
    const store = bakeryStore();
    await store.placeOrder(neighbourOrder([{ itemId: "chiffon", quantity: 2 }], "s1700"), {
      idempotencyKey: "neighbour-1",
    });
    const el = await preorder(store);
    expect(text($(el, "#heading"))).to.equal("12月1日周二 预订菜单");
    expect(text(part(el, "cutoff"))).to.contain("截单时间：12月1日 10:00");
    expect(text(part(el, "cutoff"))).to.contain("红房子一楼烘焙工作室");
    const roll = item(el, "tiger-roll");
    expect(text(roll.querySelector('[part="item-name"]'))).to.equal("虎皮奶油卷");
    expect(roll.querySelector("img")!.alt).to.equal("切开的虎皮奶油卷，露出白色奶油");
    expect(text(roll.querySelector('[part="description"]'))).to.contain("虎皮蛋糕卷裹动物奶油");
    expect(text(roll.querySelector('[part="price"]'))).to.equal("¥18.00");
    expect(text(roll.querySelector('[part="stock"]'))).to.equal("还剩 20 份");
    expect(text(roll.querySelector('[part="limit"]'))).to.equal("每单限 4 份");
    expect(text(item(el, "chiffon").querySelector('[part="stock"]'))).to.equal("还剩 6 份");
    expect(text($(el, "#slot-s1700")!.closest("label"))).to.equal("17:00–18:00 还可预约 9 单");
    expect(text(part(el, "total"))).to.equal("合计 ¥0.00");
    expect(roll.querySelector('[part="step-up"]')!.getAttribute("aria-label")).to.equal(
      "增加 虎皮奶油卷",
    );
    expect(roll.querySelector("input")!.getAttribute("aria-label")).to.equal("“虎皮奶油卷”数量");
    await expect(el).to.be.accessible();
  });

  it("speaks English under an English [lang], with the same figures", async () => {
    const el = await preorder(bakeryStore(), { lang: "en" });
    expect(text($(el, "#heading"))).to.equal("Menu for Tue 1 Dec");
    expect(text(part(el, "cutoff"))).to.contain("Order by 1 Dec, 10:00");
    const roll = item(el, "tiger-roll");
    expect(text(roll.querySelector('[part="item-name"]'))).to.equal("Tiger-skin cream roll");
    expect(text(roll.querySelector('[part="price"]'))).to.equal("CN¥18.00");
    expect(text(roll.querySelector('[part="stock"]'))).to.equal("20 left");
    expect(text(roll.querySelector('[part="limit"]'))).to.equal("Up to 4 per order");
    expect(roll.querySelector('[part="step-down"]')!.getAttribute("aria-label")).to.equal(
      "One fewer Tiger-skin cream roll",
    );
    expect(text($(el, "#slot-s1500")!.closest("label"))).to.equal("15:00–16:00 15 places left");
    expect(text($(el, 'label[for="phone"]'))).to.equal("Mobile phone number");
    await expect(el).to.be.accessible();
  });

  it("steps quantities by keyboard within the per-order limit and prices the total exactly", async () => {
    const el = await preorder(bakeryStore());
    const roll = item(el, "tiger-roll");
    const up = roll.querySelector<HTMLButtonElement>('[part="step-up"]')!;
    const input = roll.querySelector("input")!;
    up.focus();
    for (let i = 0; i < 6; i++) await userEvent.keyboard("{Enter}");
    await el.updateComplete;
    expect(input.value).to.equal("4"); // the limit is 4 per order
    expect(up.getAttribute("aria-disabled")).to.equal("true");
    expect(active(el)).to.equal(up); // focus stays on the button at the limit
    expect(announced(el)).to.equal("虎皮奶油卷：4 份 合计 ¥72.00");
    // The number input: typed values are clamped to what may be ordered.
    const tarts = item(el, "egg-tart").querySelector("input")!;
    await userEvent.fill(tarts, "30");
    await userEvent.keyboard("{Tab}"); // leaving the field commits it
    await el.updateComplete;
    expect(tarts.value).to.equal("12");
    // 4 × ¥18.00 + 12 × ¥5.00 = ¥132.00, exactly.
    expect(text(part(el, "total"))).to.equal("合计 ¥132.00");
    // Typed over the limit again: the clamped number shows, though what is ordered stays 4.
    await userEvent.fill(input, "10");
    await userEvent.keyboard("{Tab}");
    await el.updateComplete;
    expect(input.value).to.equal("4");
    expect(announced(el)).to.equal("虎皮奶油卷：4 份 合计 ¥132.00");
  });

  it("completes an order by keyboard alone and says where and when to collect it", async () => {
    const store = bakeryStore();
    const el = await preorder(store);
    const placed = oneEvent(el, "linli-order-placed");
    // From the top of the page: Tab into the widget, to the tiger-skin roll's "more" button.
    (document.activeElement as HTMLElement | null)?.blur();
    await userEvent.keyboard("{Tab}{Tab}{Tab}");
    expect(active(el)?.getAttribute("aria-label")).to.equal("增加 虎皮奶油卷");
    await userEvent.keyboard("{Enter}{Enter}");
    // Past the other five items (three stops each) to the pickup slots; arrows choose one.
    await userEvent.keyboard("{Tab}".repeat(16));
    expect(active(el)?.id).to.equal("slot-s1500");
    await userEvent.keyboard("{ArrowDown}");
    expect(active(el)?.id).to.equal("slot-s1600");
    await userEvent.keyboard("{Tab}");
    expect(active(el)?.id).to.equal("name");
    await userEvent.keyboard("林晓雨{Tab}13800138000{Tab}{Tab}");
    expect(active(el)?.id).to.equal("consent");
    await userEvent.keyboard(" {Tab}{Tab}");
    expect(active(el)?.getAttribute("part")).to.equal("submit");
    await userEvent.keyboard("{Enter}");
    const { detail } = await placed;
    expect(detail.total).to.deep.equal({ amount: 3600, currency: "CNY" });
    expect(detail.slot).to.deep.equal({ id: "s1600", start: "16:00", end: "17:00" });
    expect(detail.date).to.equal(TODAY);
    expect(detail).not.to.have.property("contact");
    await waitUntil(() => part(el, "calendar"), "the calendar link");
    expect(active(el)?.id).to.equal("confirmation");
    expect(text(part(el, "order-number"))).to.equal(detail.orderId);
    const code = text(part(el, "pickup-code"));
    expect(code).to.match(/^\d{6}$/);
    expect(text(part(el, "when"))).to.equal("12月1日周二 16:00–17:00");
    expect(text(part(el, "where"))).to.contain("红房子一楼烘焙工作室");
    expect(text(part(el, "where"))).to.contain("浙江省杭州市拱墅区半山街道桃源金星党群服务中心");
    expect(text(part(el, "lines"))).to.equal("虎皮奶油卷 × 2");
    expect(text(part(el, "order-total"))).to.equal("¥36.00");
    expect(announced(el)).to.equal(`预订成功。取货码 ${code}，12月1日周二 16:00–17:00 取货。`);
    // The store holds it, under its pickup code.
    const receipt = await store.getOrder(detail.orderId, code);
    expect(receipt.lines).to.deep.equal([
      {
        itemId: "tiger-roll",
        quantity: 2,
        unitPrice: { amount: 1800, currency: "CNY" },
        lineTotal: { amount: 3600, currency: "CNY" },
      },
    ]);
    // The add-to-calendar file: one event at the pickup slot, in UTC.
    const link = part(el, "calendar") as HTMLAnchorElement;
    expect(link.download).to.equal(`linli-${detail.orderId}.ics`);
    const ics = await (await fetch(link.href)).text();
    expect(ics).to.match(/^BEGIN:VCALENDAR\r\n/);
    expect(ics).to.contain("DTSTART:20261201T080000Z\r\n");
    expect(ics).to.contain("DTEND:20261201T090000Z\r\n");
    expect(ics.replace(/\r\n /g, "")).to.contain(`取货码: ${code}`);
    await expect(el).to.be.accessible();
  });

  it("shows every problem beside its field and in a focused error summary, in both languages", async () => {
    const store = bakeryStore();
    const el = await preorder(store);
    await userEvent.type($(el, "#phone")!, "12345");
    await userEvent.click(part(el, "submit")!);
    await waitUntil(() => part(el, "error-summary"), "the summary");
    const summary = part(el, "error-summary")!;
    expect(summary.getAttribute("role")).to.equal("alert");
    expect(active(el)).to.equal(summary);
    // The summary speaks for itself; "placing your order" must not outlive the attempt.
    expect(announced(el)).to.equal("");
    const links = [...summary.querySelectorAll("a")].map((a) => text(a));
    expect(links).to.deep.equal([
      "请至少选择一件商品",
      "请选择一个取货时段",
      "请填写姓名",
      "请输入正确的 11 位手机号码，例如 138 0013 8000",
      "请阅读并同意隐私说明后再提交",
    ]);
    const phone = $<HTMLInputElement>(el, "#phone")!;
    expect(phone.getAttribute("aria-invalid")).to.equal("true");
    expect(phone.getAttribute("aria-describedby")).to.equal("phone-hint phone-error");
    expect(text($(el, "#phone-error"))).to.equal(links[3]);
    // A link in the summary moves focus to its field.
    await userEvent.click(summary.querySelectorAll("a")[3]!);
    expect(active(el)).to.equal(phone);
    await expect(el).to.be.accessible();
    expect((await reserved(store)).slots).to.deep.equal({ s1500: 0, s1600: 0, s1700: 0 });

    el.parentElement!.setAttribute("lang", "en");
    await waitUntil(() => text(part(el, "error-summary")).startsWith("There is a problem"));
    expect([...part(el, "error-summary")!.querySelectorAll("a")].map((a) => text(a))).to.deep.equal(
      [
        "Choose at least one item",
        "Select a pickup time",
        "Enter your name",
        "Enter a mobile phone number in the correct format, like 138 0013 8000",
        "Read and agree to the privacy notice before you submit",
      ],
    );
  });

  it("describes the first quantity by the 'choose an item' error, where its summary link lands", async () => {
    const el = await preorder(bakeryStore());
    await userEvent.click(part(el, "submit")!);
    await waitUntil(() => part(el, "error-summary"), "the summary");
    const link = part(el, "error-summary")!.querySelector("a")!;
    expect(text(link)).to.equal("请至少选择一件商品");
    await userEvent.click(link);
    const input = item(el, "tiger-roll").querySelector("input")!;
    expect(active(el)).to.equal(input);
    const describedBy = input.getAttribute("aria-describedby")!.split(" ");
    expect(describedBy).to.include("qty--error");
    expect(text($(el, "#qty--error"))).to.equal("请至少选择一件商品");
    await expect(el).to.be.accessible();
    // Once something is chosen, the message and the reference go.
    await userEvent.click(item(el, "tiger-roll").querySelector('[part="step-up"]')!);
    await el.updateComplete;
    expect($(el, "#qty--error")).to.equal(null);
    expect(input.getAttribute("aria-describedby")).not.to.contain("qty--error");
  });

  it("flags items that sold out while the resident was choosing, before anything is sent", async () => {
    const store = bakeryStore();
    const el = await preorder(store);
    await fillIn(el, { "tiger-roll": 2, "fruit-cup": 1 });
    // Meanwhile neighbours buy every tiger-skin roll left.
    for (let n = 0; n < 5; n++)
      await store.placeOrder(neighbourOrder([{ itemId: "tiger-roll", quantity: 4 }], "s1700"), {
        idempotencyKey: `neighbour-${n}`,
      });
    let placed = false;
    el.addEventListener("linli-order-placed", () => (placed = true));
    await userEvent.click(part(el, "submit")!);
    await waitUntil(() => part(el, "error-summary"), "the summary");
    expect(text(part(el, "error-summary"))).to.contain("“虎皮奶油卷”已售罄");
    const roll = item(el, "tiger-roll");
    expect(text(roll.querySelector('[part="flag"]'))).to.equal("您挑选期间“虎皮奶油卷”已售罄");
    expect(text(roll.querySelector('[part="stock"]'))).to.equal("已售罄");
    expect(roll.querySelector("input")!.getAttribute("aria-invalid")).to.equal("true");
    expect(placed).to.equal(false);
    expect((await reserved(store)).items["fruit-cup"]).to.equal(0);
    // Taking the rolls out lets the rest go through.
    const down = roll.querySelector<HTMLElement>('[part="step-down"]')!;
    await userEvent.click(down);
    await userEvent.click(down);
    const done = oneEvent(el, "linli-order-placed");
    await userEvent.click(part(el, "submit")!);
    expect((await done).detail.total).to.deep.equal({ amount: 1500, currency: "CNY" });
    expect((await reserved(store)).items).to.include({ "tiger-roll": 20, "fruit-cup": 1 });
  });

  it("flags a sell-out found by the periodic refresh and announces it", async () => {
    const store = bakeryStore();
    const el = await preorder(store);
    el.refreshInterval = 0.2;
    await fillIn(el, { chiffon: 2 });
    for (let n = 0; n < 4; n++)
      await store.placeOrder(neighbourOrder([{ itemId: "chiffon", quantity: 2 }]), {
        idempotencyKey: `neighbour-chiffon-${n}`,
      });
    await waitUntil(() => item(el, "chiffon").querySelector('[part="flag"]'), "flagged", {
      timeout: 3000,
    });
    expect(announced(el)).to.equal("您挑选期间“原味戚风蛋糕（6 寸）”已售罄");
  });

  it("makes one order from a double click", async () => {
    const store = bakeryStore();
    const el = await preorder(store);
    await fillIn(el, { "egg-tart": 3 });
    const orders: string[] = [];
    el.addEventListener("linli-order-placed", (e) => orders.push(e.detail.orderId));
    await userEvent.dblClick(part(el, "submit")!);
    part(el, "submit")?.click();
    await waitUntil(() => part(el, "confirmation"), "confirmed");
    await new Promise((r) => setTimeout(r, 100));
    expect(orders.length).to.equal(1);
    expect(await reserved(store)).to.deep.include({ slots: { s1500: 1, s1600: 0, s1700: 0 } });
    expect((await reserved(store)).items["egg-tart"]).to.equal(3);
  });

  it("keeps everything entered after a network failure, and a retry makes exactly one order", async () => {
    const real = bakeryStore();
    const keys: string[] = [];
    let failNext = true;
    // The order reaches the store but the answer is lost on the way back.
    const flaky: LinliStore = {
      ...real,
      placeOrder: async (body, options) => {
        keys.push(options.idempotencyKey);
        const receipt = await real.placeOrder(body, options);
        if (failNext) {
          failNext = false;
          throw LinliClientError.local("network");
        }
        return receipt;
      },
    };
    const el = await preorder(flaky);
    await fillIn(el, { "tiger-roll": 1 }, "s1600");
    await userEvent.type($(el, "#note")!, "不要刀叉");
    const failed = oneEvent(el, "linli-order-failed");
    await userEvent.click(part(el, "submit")!);
    const { detail } = await failed;
    expect(detail).to.include({ kind: "network", code: "NETWORK", retryable: true });
    await waitUntil(() => part(el, "failure"), "the failure box");
    expect(active(el)).to.equal(part(el, "failure"));
    expect(text(part(el, "failure"))).to.contain("网络连接失败，请检查网络后重试");
    expect(text(part(el, "failure"))).to.contain("重试不会重复下单");
    expect($<HTMLInputElement>(el, "#name")!.value).to.equal("林晓雨");
    expect($<HTMLInputElement>(el, "#phone")!.value).to.equal("138 0013 8000");
    expect($<HTMLTextAreaElement>(el, "#note")!.value).to.equal("不要刀叉");
    expect($<HTMLInputElement>(el, "#consent")!.checked).to.equal(true);
    expect($<HTMLInputElement>(el, "#slot-s1600")!.checked).to.equal(true);
    expect(item(el, "tiger-roll").querySelector("input")!.value).to.equal("1");
    await expect(el).to.be.accessible();

    const placed = oneEvent(el, "linli-order-placed");
    await userEvent.click(part(el, "failure")!.querySelector('[part="retry"]')!);
    await placed;
    expect(keys.length).to.equal(2);
    expect(keys[1]).to.equal(keys[0]); // the same attempt, the same key
    expect((await reserved(real)).items["tiger-roll"]).to.equal(1); // one order, not two
  });

  it("says the order was refused, with no retry button, when trying again cannot help", async () => {
    const refusals = [
      LinliClientError.fromResponse(404, undefined),
      LinliClientError.fromResponse(403, undefined),
      LinliClientError.fromResponse(400, errorBody("VALIDATION_FAILED")),
    ];
    for (const refusal of refusals) {
      const real = bakeryStore();
      const refusing: LinliStore = { ...real, placeOrder: () => Promise.reject(refusal) };
      const el = await preorder(refusing);
      await fillIn(el, { "egg-tart": 1 });
      const failed = oneEvent(el, "linli-order-failed");
      await userEvent.click(part(el, "submit")!);
      expect((await failed).detail).to.include({ code: refusal.code, retryable: false });
      await waitUntil(() => part(el, "failure"), "the refusal");
      const box = part(el, "failure")!;
      expect(active(el)).to.equal(box);
      expect(text(box)).to.equal(`预订没有被接受 ${refusal.messages["zh-CN"]}`);
      expect(box.querySelector('[part="retry"]')).to.equal(null);
      expect(announced(el)).to.equal("");
      expect($<HTMLInputElement>(el, "#name")!.value).to.equal("林晓雨");
      await expect(el).to.be.accessible();
      fixtureCleanup();
    }
  });

  it("says the browser's storage is full on a static page, keeps the form, and takes the order once there is room", async () => {
    // A static page's embedded store in a browser whose storage is full, until the resident
    // clears some.
    let full = true;
    const kept = new Map<string, string>();
    const store = createEmbeddedStore({
      data: bakeryData(MORNING),
      now: () => MORNING,
      storage: {
        getItem: (k) => kept.get(k) ?? null,
        setItem: (k, v) => {
          if (full) throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
          kept.set(k, v);
        },
      },
    });
    const el = await preorder(store, { lang: "en" });
    await fillIn(el, { "egg-tart": 2 });
    const failed = oneEvent(el, "linli-order-failed");
    await userEvent.click(part(el, "submit")!);
    expect((await failed).detail).to.include({ code: "STORAGE_FULL", retryable: true });
    await waitUntil(() => part(el, "failure"), "the failure box");
    expect(text(part(el, "failure"))).to.contain("Your order was not placed");
    expect(text(part(el, "failure"))).to.contain("This browser's storage is full");
    expect($<HTMLInputElement>(el, "#name")!.value).to.equal("林晓雨");
    await expect(el).to.be.accessible();
    full = false;
    const placed = oneEvent(el, "linli-order-placed");
    await userEvent.click(part(el, "retry")!);
    expect((await placed).detail.total).to.deep.equal({ amount: 1000, currency: "CNY" });
    expect(JSON.parse(kept.get(DEFAULT_STORAGE_KEY)!).orders).to.have.length(1);
  });

  it("says 'placing your order' again in the new language, and not after a refusal", async () => {
    const real = bakeryStore();
    let refuse: (e: unknown) => void = () => {};
    const held: LinliStore = {
      ...real,
      placeOrder: () => new Promise((_, reject) => (refuse = reject)),
    };
    const el = await preorder(held);
    await fillIn(el, { "egg-tart": 1 });
    await userEvent.click(part(el, "submit")!);
    await waitUntil(() => announced(el) === "正在提交预订…", "the submitting announcement");
    el.parentElement!.setAttribute("lang", "en");
    await waitUntil(() => text(part(el, "submit")) === "Placing your order…");
    await waitUntil(() => announced(el) === "Placing your order…", "said again, in English");
    refuse(LinliClientError.fromResponse(403, undefined));
    await waitUntil(() => part(el, "failure"), "the refusal");
    expect(announced(el)).to.equal("");
  });

  it("shows what is still available when the store refuses a full slot", async () => {
    const real = bakeryStore(
      MORNING,
      bakeryData(MORNING, (m) => ({
        ...m,
        slots: m.slots.map((s) => (s.id === "s1700" ? { ...s, capacity: 1 } : s)),
      })),
    );
    // A neighbour takes the last 17:00 place just as this resident submits.
    const racy: LinliStore = {
      ...real,
      placeOrder: async (body, options) => {
        await real
          .placeOrder(neighbourOrder([{ itemId: "egg-tart", quantity: 1 }], "s1700"), {
            idempotencyKey: "neighbour-slot",
          })
          .catch(() => {});
        return real.placeOrder(body, options);
      },
    };
    const el = await preorder(racy);
    await fillIn(el, { "fruit-cup": 2 }, "s1700");
    const failed = oneEvent(el, "linli-order-failed");
    await userEvent.click(part(el, "submit")!);
    expect((await failed).detail).to.include({ code: "SLOT_FULL", kind: "conflict" });
    await waitUntil(() => part(el, "error-summary"), "the summary");
    expect(text(part(el, "error-summary"))).to.contain("有些东西刚刚被订完了");
    expect(text(part(el, "error-summary"))).to.contain("17:00–18:00 的取货时段已约满");
    expect(text($(el, "#slot-s1700")!.closest("label"))).to.equal("17:00–18:00 已约满");
    expect(text($(el, "#slot-s1500")!.closest("label"))).to.equal("15:00–16:00 还可预约 15 单");
    await expect(el).to.be.accessible();
    // Choosing another slot goes through, with a fresh key for the changed order.
    await userEvent.click($(el, "#slot-s1500")!);
    const placed = oneEvent(el, "linli-order-placed");
    await userEvent.click(part(el, "submit")!);
    expect((await placed).detail.slot.id).to.equal("s1500");
  });

  it("is closed after the cut-off and says when the next menu opens", async () => {
    const el = await preorder(bakeryStore(NOON), { date: TODAY });
    await waitUntil(() => text(part(el, "next")) !== "", "the next menu");
    expect(text(part(el, "notice"))).to.contain("本期预订已于 12月1日 10:00 截止。");
    expect(text(part(el, "next"))).to.equal(
      "下一期菜单（12月2日周三）将于 12月1日 18:00 开放预订。",
    );
    expect(part(el, "stepper")).to.equal(null);
    expect(part(el, "submit")).to.equal(null);
    expect(text(item(el, "tiger-roll").querySelector('[part="price"]'))).to.equal("¥18.00");
    await expect(el).to.be.accessible();
  });

  it("closes when the store refuses an order for the cut-off, and offers the next menu once open", async () => {
    const late = Date.parse("2026-12-01T18:30:00+08:00");
    let now = MORNING;
    const { createEmbeddedStore } = await import("@linli/client/embedded");
    const real = createEmbeddedStore({ data: bakeryData(MORNING), now: () => now });
    // The cut-off passes while the order is on its way.
    const store: LinliStore = {
      ...real,
      placeOrder: (body, options) => {
        now = late;
        return real.placeOrder(body, options);
      },
    };
    const el = await preorder(store, { lang: "en" });
    await fillIn(el, { "egg-tart": 1 });
    await userEvent.type($(el, "#note")!, "No cutlery");
    const failed = oneEvent(el, "linli-order-failed");
    await userEvent.click(part(el, "submit")!);
    expect((await failed).detail.code).to.equal("CUTOFF_PASSED");
    await waitUntil(() => text(part(el, "next")) !== "", "the next menu");
    expect(text(part(el, "notice"))).to.contain("Ordering closed at 1 Dec, 10:00.");
    expect(announced(el)).to.equal("Ordering closed at 1 Dec, 10:00.");
    expect(active(el)).to.equal(part(el, "notice"));
    expect(text(part(el, "next"))).to.contain("The next menu, for Wed 2 Dec, is open now.");
    await userEvent.click(part(el, "next")!.querySelector("button")!);
    await waitUntil(() => text($(el, "#heading")) === "Menu for Wed 2 Dec", "tomorrow's menu");
    expect(part(el, "submit")).not.to.equal(null);
    // The same resident: what they typed about themselves is still there.
    expect($<HTMLInputElement>(el, "#name")!.value).to.equal("林晓雨");
    expect($<HTMLInputElement>(el, "#phone")!.value).to.equal("138 0013 8000");
    expect($<HTMLTextAreaElement>(el, "#note")!.value).to.equal("No cutlery");
  });

  it("says so and keeps focus when the cut-off passes while the resident fills in", async () => {
    let now = MORNING;
    const { createEmbeddedStore } = await import("@linli/client/embedded");
    const store = createEmbeddedStore({ data: bakeryData(MORNING), now: () => now });
    const el = await preorder(store);
    await fillIn(el, { "egg-tart": 2 });
    await userEvent.click($(el, "#note")!); // focus in the form
    now = NOON; // 10:00 passes; the regular refresh finds the menu closed
    el.refreshInterval = 0.2;
    await waitUntil(() => part(el, "notice"), "the closed notice", { timeout: 3000 });
    await el.updateComplete;
    expect(part(el, "submit")).to.equal(null);
    expect(announced(el)).to.equal("本期预订已于 12月1日 10:00 截止。");
    expect(active(el)).to.equal(part(el, "notice"));
    await expect(el).to.be.accessible();
  });

  it("refuses a submission that finds the menu closed, saying why instead of 'placing your order'", async () => {
    let now = MORNING;
    const { createEmbeddedStore } = await import("@linli/client/embedded");
    const store = createEmbeddedStore({ data: bakeryData(MORNING), now: () => now });
    const el = await preorder(store, { lang: "en" });
    await fillIn(el, { "egg-tart": 1 });
    now = NOON;
    const failed = oneEvent(el, "linli-order-failed");
    await userEvent.click(part(el, "submit")!);
    expect((await failed).detail).to.deep.equal({
      code: "CUTOFF_PASSED",
      kind: "conflict",
      retryable: false,
      message: {
        "zh-CN": "本期预订已于 12月1日 10:00 截止。",
        en: "Ordering closed at 1 Dec, 10:00.",
      },
      issues: [],
    });
    await el.updateComplete;
    expect(announced(el)).to.equal("Ordering closed at 1 Dec, 10:00.");
    expect(active(el)).to.equal(part(el, "notice"));
    expect((await reserved(store)).items["egg-tart"]).to.equal(0);
  });

  it("says the same in both languages when no next menu has been posted", async () => {
    for (const [lang, said] of [
      ["zh-CN", "下一期菜单还没有发布。"],
      ["en", "The next menu has not been posted yet."],
    ] as const) {
      const real = bakeryStore(NOON);
      // Only today's menu: the menu now on sale (no date) is not found.
      const store: LinliStore = {
        ...real,
        getMenu: (group, q, o) =>
          q?.date
            ? real.getMenu(group, q, o)
            : Promise.reject(LinliClientError.fromCode("NOT_FOUND")),
      };
      const el = await preorder(store, { date: TODAY, lang });
      await waitUntil(() => text(part(el, "next")) !== "", "the next menu");
      expect(text(part(el, "next"))).to.equal(said);
      fixtureCleanup();
    }
  });

  it("shows a menu that is not open yet without a form", async () => {
    const el = await preorder(bakeryStore(NOON), { lang: "en" });
    expect(text($(el, "#heading"))).to.equal(`Menu for Wed 2 Dec`);
    expect(text(part(el, "notice"))).to.equal("Ordering for this menu opens at 1 Dec, 18:00.");
    expect(part(el, "submit")).to.equal(null);
    expect(TOMORROW).to.equal("2026-12-02");
  });

  it("says when there is no menu, and offers a retry when the menu cannot load", async () => {
    const none = await preorder(bakeryStore(), { date: "2026-12-25" });
    expect(text(part(none, "error"))).to.equal("现在还没有可以预订的菜单，请晚些再来看看。");
    let fail = true;
    const real = bakeryStore();
    const offline: LinliStore = {
      ...real,
      getMenu: (...args) =>
        fail ? Promise.reject(LinliClientError.local("network")) : real.getMenu(...args),
    };
    const el = await preorder(offline);
    expect(text(part(el, "error"))).to.contain("菜单没能加载出来。 网络连接失败");
    await expect(el).to.be.accessible();
    fail = false;
    await userEvent.click(part(el, "retry")!);
    await waitUntil(() => $(el, "#heading"), "loaded");
  });
});
