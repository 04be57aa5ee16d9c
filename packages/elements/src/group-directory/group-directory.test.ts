import { expect, fixture, fixtureCleanup, html, oneEvent, waitUntil } from "@open-wc/testing";
import { afterEach, describe, it, vi } from "vitest";
import { userEvent } from "vitest/browser";
import { LinliClientError, type LinliStore } from "@linli/client";
import type { PublicGroup } from "@linli/core/contract";
import { manyGroups, redHouseGroups, TUESDAY_8AM } from "../test-support/groups.js";
import type { LinliGroupDirectory } from "./group-directory.js";
import "./linli-group-directory.js";

// The test page says <html lang="en">; with no [lang] anywhere the elements speak zh-CN.
document.documentElement.removeAttribute("lang");

afterEach(() => {
  fixtureCleanup();
  vi.restoreAllMocks();
});

const $ = <T extends Element = HTMLElement>(el: LinliGroupDirectory, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector);
const status = (el: LinliGroupDirectory) => $(el, '[role="status"]')!.textContent!.trim();
/** The group names a resident sees, in order. */
const names = (el: LinliGroupDirectory) =>
  [...el.shadowRoot!.querySelectorAll("linli-group-card")].map(
    (c) => c.shadowRoot!.querySelector('[part="name"]')!.textContent,
  );

async function directory(groups?: readonly PublicGroup[], store?: LinliStore, lang?: string) {
  const wrap = await fixture<HTMLElement>(
    html`<main lang=${lang ?? "zh-CN"}>
      <h1>红房子</h1>
      <h2>社群</h2>
      <linli-group-directory .groups=${groups} .store=${store} .now=${TUESDAY_8AM}>
      </linli-group-directory>
    </main>`,
  );
  const el = wrap.querySelector("linli-group-directory")!;
  await el.updateComplete;
  return el;
}

/** A store whose listGroups answers when the test says so. */
function deferredStore() {
  let answer!: (groups: PublicGroup[]) => void;
  let fail!: (e: unknown) => void;
  const calls: number[] = [];
  const store = {
    listGroups: () => {
      calls.push(Date.now());
      return new Promise<PublicGroup[]>((res, rej) => {
        answer = res;
        fail = rej;
      });
    },
  } as unknown as LinliStore;
  return { store, calls, answer: (g: PublicGroup[]) => answer(g), fail: (e: unknown) => fail(e) };
}

describe("<linli-group-directory>", () => {
  it("shows the red house's 62 groups as cards and says how many there are", async () => {
    const el = await directory(redHouseGroups);
    expect(names(el)).to.have.length(62);
    expect(names(el)[0]).to.equal("三个妈妈烘焙工作室");
    expect(status(el)).to.equal("共 62 个社群");
    expect($(el, "ul")!.getAttribute("aria-label")).to.equal("社群列表");
    await expect(el).to.be.accessible();
  });

  it("finds groups by words of their Chinese name and announces the count", async () => {
    const el = await directory(redHouseGroups);
    await userEvent.type($(el, "#q")!, "妈妈");
    await waitUntil(() => names(el).length < 62);
    expect(names(el)).to.deep.equal(["三个妈妈烘焙工作室", "小云朵妈妈工作室"]);
    await waitUntil(() => status(el) === "找到 2 个社群（共 62 个）", "the count announced");
  });

  it("finds the same groups by their English name, ignoring case, in English", async () => {
    const el = await directory(redHouseGroups, undefined, "en");
    expect(status(el)).to.equal("62 groups");
    expect($(el, 'label[for="q"]')!.textContent!.trim()).to.equal("Search groups");
    await userEvent.type($(el, "#q")!, "MOM");
    await waitUntil(() => names(el).length === 2);
    expect(names(el)).to.deep.equal(["Three Moms Baking Studio", "Little Cloud Mom Studio"]);
    await waitUntil(() => status(el) === "2 groups found, of 62");
    await userEvent.type($(el, "#q")!, "S BAKING"); // "MOMS BAKING"
    await waitUntil(() => status(el) === "1 group found, of 62", "singular in English");
    await expect(el).to.be.accessible();
  });

  it("filters by category and status, with how many groups each option has", async () => {
    const el = await directory(redHouseGroups);
    const category = $<HTMLSelectElement>(el, "#category")!;
    const baking = [...category.options].find((o) => o.value === "baking")!;
    const bakingCount = redHouseGroups.filter((g) => g.category === "baking").length;
    expect(baking.textContent!.trim()).to.equal(`烘焙美食（${bakingCount}）`);

    await userEvent.selectOptions(category, "baking");
    await waitUntil(() => names(el).length === bakingCount);
    await userEvent.selectOptions($<HTMLSelectElement>(el, "#status")!, "self-operating");
    await waitUntil(() => names(el).length === 1);
    expect(names(el)).to.deep.equal(["三个妈妈烘焙工作室"]);
    await waitUntil(() => status(el) === "找到 1 个社群（共 62 个）");
    expect(el.getAttribute("category")).to.equal("baking");
    expect(el.getAttribute("status")).to.equal("self-operating");
  });

  it("shows every category and status again once the filters are cleared", async () => {
    const el = await directory(redHouseGroups);
    const category = $<HTMLSelectElement>(el, "#category")!;
    const state = $<HTMLSelectElement>(el, "#status")!;
    // Once the resident has picked "all" themselves, the browser ignores that option's
    // `selected` attribute: only the select's value can bring it back.
    for (const [select, value] of [
      [category, "baking"],
      [state, "self-operating"],
    ] as const) {
      await userEvent.selectOptions(select, value);
      await userEvent.selectOptions(select, "");
      await userEvent.selectOptions(select, value);
    }
    await waitUntil(() => names(el).length === 1);
    await userEvent.click($(el, '[part="clear"]')!);
    await waitUntil(() => names(el).length === 62);
    expect(category.value).to.equal("");
    expect(category.selectedOptions[0]!.textContent!.trim()).to.equal("全部类别");
    expect(state.value).to.equal("");
    expect(state.selectedOptions[0]!.textContent!.trim()).to.equal("全部状态");
  });

  it("tells the host what the resident filtered, with the counts", async () => {
    const el = await directory(redHouseGroups);
    const filtered = oneEvent(el, "linli-groups-filter");
    await userEvent.selectOptions($<HTMLSelectElement>(el, "#status")!, "self-operating");
    const { detail } = await filtered;
    expect(detail).to.deep.equal({ query: { status: "self-operating" }, count: 2, total: 62 });
  });

  it("says when nothing matches, and clearing the filters brings everything back", async () => {
    const el = await directory(redHouseGroups);
    await userEvent.type($(el, "#q")!, "潜水");
    await waitUntil(() => $(el, '[part="empty"]') !== null);
    expect($(el, '[part="empty"]')!.textContent).to.contain("没有找到符合条件的社群");
    await waitUntil(() => status(el) === "没有找到符合条件的社群");
    await expect(el).to.be.accessible();

    $(el, '[part="empty"] button')!.focus();
    await userEvent.keyboard("{Enter}");
    await waitUntil(() => names(el).length === 62);
    expect(el.shadowRoot!.activeElement).to.equal($(el, "#q"));
    expect($<HTMLInputElement>(el, "#q")!.value).to.equal("");
  });

  it("can be used by keyboard alone: search, filters, then each card's join button", async () => {
    const el = await directory(redHouseGroups);
    $(el, "#q")!.focus();
    await userEvent.keyboard("烘焙");
    await waitUntil(() => names(el).length === 1);
    await userEvent.keyboard("{Escape}"); // clears the search
    await waitUntil(() => names(el).length === 62);

    await userEvent.tab();
    expect(el.shadowRoot!.activeElement!.id).to.equal("category");
    await userEvent.tab();
    expect(el.shadowRoot!.activeElement!.id).to.equal("status");
    await userEvent.keyboard("{ArrowDown}{ArrowDown}"); // 筹备中, then 孵化中 (incubating)
    await waitUntil(() => el.status === "incubating");
    const shown = names(el).length;
    expect(shown).to.be.within(1, 61);
    await userEvent.tab(); // "clear filters" appears once a filter is set
    expect(el.shadowRoot!.activeElement!.getAttribute("part")).to.equal("clear");
    await userEvent.tab(); // into the first card
    const first = el.shadowRoot!.querySelector("linli-group-card")!;
    expect(el.shadowRoot!.activeElement).to.equal(first);
    expect(first.shadowRoot!.activeElement!.getAttribute("part")).to.equal("cta");
    const joined = oneEvent(el, "linli-group-join");
    await userEvent.keyboard("{Enter}");
    expect((await joined).detail.groupId).to.equal(first.group!.id);
  });

  it("keeps each card element while filtering (a keyed list), so re-filtering is cheap", async () => {
    const el = await directory(manyGroups(1000));
    expect(names(el)).to.have.length(1000);
    expect(status(el)).to.equal("共 1,000 个社群");
    const card = (id: string) =>
      [...el.shadowRoot!.querySelectorAll("linli-group-card")].find((c) => c.group!.id === id);
    const before = card("three-moms-baking-3");
    el.category = "baking";
    await el.updateComplete;
    const kept = names(el).length;
    expect(kept).to.be.within(10, 999);
    expect(card("three-moms-baking-3")).to.equal(before);
  });

  it("loads through a store: says it is loading, then shows the groups", async () => {
    const d = deferredStore();
    const el = await directory(undefined, d.store);
    expect(status(el)).to.equal("正在加载社群…");
    expect($(el, '[part="loading"]')).not.to.equal(null);
    d.answer(redHouseGroups.slice(0, 5));
    await waitUntil(() => names(el).length === 5);
    expect(status(el)).to.equal("共 5 个社群");
    expect(d.calls).to.have.length(1);
  });

  it("shows the store's error with a retry that works", async () => {
    const d = deferredStore();
    const el = await directory(undefined, d.store);
    d.fail(LinliClientError.local("network"));
    await waitUntil(() => $(el, '[role="alert"]') !== null);
    expect($(el, '[role="alert"]')!.textContent).to.contain("社群列表没能加载出来。");
    expect($(el, '[role="alert"]')!.textContent).to.contain("网络连接失败，请检查网络后重试");
    await expect(el).to.be.accessible();

    $(el, '[part="retry"]')!.click();
    await waitUntil(() => d.calls.length === 2);
    d.answer(redHouseGroups.slice(0, 3));
    await waitUntil(() => names(el).length === 3);
    expect($(el, '[role="alert"]')).to.equal(null);
  });

  it("loads from a Linli API given as the api attribute", async () => {
    const body = JSON.stringify({ groups: redHouseGroups.slice(0, 4) });
    const fetch = vi
      .spyOn(window, "fetch")
      .mockImplementation(
        async () =>
          new Response(body, { status: 200, headers: { "content-type": "application/json" } }),
      );
    const wrap = await fixture<HTMLElement>(
      html`<div lang="zh-CN">
        <linli-group-directory api="https://api.example.gov.cn"></linli-group-directory>
      </div>`,
    );
    const el = wrap.querySelector("linli-group-directory")!;
    await waitUntil(() => names(el).length === 4, "groups from the API", { timeout: 5000 });
    expect(String(fetch.mock.calls[0]![0])).to.equal("https://api.example.gov.cn/v1/groups");
  });

  it("says there are no groups yet when the hub has none", async () => {
    const el = await directory([]);
    expect($(el, '[part="empty"]')!.textContent).to.contain("这里还没有社群。");
    await expect(el).to.be.accessible();
  });
});
