import { expect, fixture, fixtureCleanup, html, waitUntil } from "@open-wc/testing";
import { afterEach, describe, it } from "vitest";
import { LinliClientError, type LinliStore } from "@linli/client";
// The demo data passed in, not loaded on the first call: these tests time what they show.
import { createEmbeddedStore, defaultEmbeddedData } from "@linli/client/embedded";
import { redHouseSnapshot } from "../test-support/metrics.js";
import type { LinliImpactBoard } from "./impact-board.js";
import "./linli-impact-board.js";

document.documentElement.removeAttribute("lang");

const text = (n: Element | null | undefined) => (n?.textContent ?? "").replace(/\s+/g, " ").trim();
const figure = (el: HTMLElement, id: string) =>
  el.shadowRoot!.querySelector<HTMLElement>(`[part~="figure"][data-metric="${id}"]`)!;
const inside = (f: HTMLElement, part: string) => f.querySelector<HTMLElement>(`[part~="${part}"]`);

async function board(lang = "zh-CN", attrs: Partial<LinliImpactBoard> = {}) {
  const wrap = await fixture<HTMLElement>(
    html`<div lang=${lang}>
      <linli-impact-board
        .snapshot=${attrs.store ? undefined : redHouseSnapshot}
        .store=${attrs.store}
        variant=${attrs.variant ?? "full"}
      ></linli-impact-board>
    </div>`,
  );
  const el = wrap.querySelector("linli-impact-board")!;
  await el.updateComplete;
  return el;
}

afterEach(() => fixtureCleanup());

describe("<linli-impact-board>", () => {
  it("shows the headline figures with units and period in Chinese", async () => {
    const el = await board();
    expect(text(el.shadowRoot!.querySelector('[part="title"]'))).to.equal("红房子共富工坊");
    expect(text(el.shadowRoot!.querySelector('[part="period"]'))).to.equal(
      "统计期：2026年1月至2026年6月，数据截至2026年7月1日",
    );
    expect(text(inside(figure(el, "income-uplift.mean"), "figure-name"))).to.equal(
      "参与人月均增收",
    );
    expect(text(inside(figure(el, "income-uplift.mean"), "value"))).to.equal("¥2,600");
    expect(text(inside(figure(el, "coverage.private-firms"), "value"))).to.equal("81.4%");
    expect(text(inside(figure(el, "requests.resolved"), "value"))).to.equal("111 件");
    await expect(el).to.be.accessible();
  });

  it("gives every chart a sentence as its text alternative, in both languages", async () => {
    const el = await board();
    const income = figure(el, "income-uplift.mean");
    const svgEl = income.querySelector("svg")!;
    expect(svgEl.getAttribute("role")).to.equal("img");
    const alt = el.shadowRoot!.getElementById(svgEl.getAttribute("aria-labelledby")!)!;
    expect(text(alt)).to.equal("参与人月均增收从2026年1月的¥1,200上升到2026年6月的¥2,600。");
    expect(svgEl.querySelectorAll("circle")).to.have.length(6);
    expect(svgEl.querySelector("[style]")).to.equal(null);
    expect(text(inside(figure(el, "coverage.private-firms"), "chart-alt"))).to.equal(
      "30人以上民营企业组织覆盖率从2026年3月的70.2%上升到2026年6月的81.4%（2 个月暂无数据）。",
    );

    const en = await board("en");
    expect(text(inside(figure(en, "income-uplift.mean"), "chart-alt"))).to.equal(
      "Income uplift per participant rose from ¥1,200 in Jan 2026 to ¥2,600 in Jun 2026.",
    );
    expect(text(inside(figure(en, "requests.resolved"), "value"))).to.equal("111 requests");
    expect(text(inside(figure(en, "coverage.private-firms"), "chart-alt"))).to.equal(
      "Coverage of private firms with 30+ staff rose from 70.2% in Mar 2026 to 81.4% in Jun 2026 (2 months without data).",
    );
    expect(figure(en, "coverage.private-firms").querySelectorAll("circle")).to.have.length(4);
    await expect(en).to.be.accessible();
  });

  it("shows and hides each chart's data table with a toggle", async () => {
    const el = await board("en");
    const f = figure(el, "coverage.private-firms");
    const toggle = inside(f, "table-toggle")!;
    const table = inside(f, "table")!;
    expect(toggle.getAttribute("aria-expanded")).to.equal("false");
    expect(el.shadowRoot!.getElementById(toggle.getAttribute("aria-controls")!)).to.equal(table);
    expect(table.checkVisibility()).to.equal(false);
    toggle.click();
    await el.updateComplete;
    expect(toggle.getAttribute("aria-expanded")).to.equal("true");
    expect(text(toggle)).to.equal("Hide data table");
    expect(table.checkVisibility()).to.equal(true);
    expect(
      [...table.querySelectorAll("tbody tr")].map((r) =>
        [...r.children].map((c) => text(c)).join(" "),
      ),
    ).to.deep.equal([
      "Jan 2026 Not available",
      "Feb 2026 Not available",
      "Mar 2026 70.2%",
      "Apr 2026 75%",
      "May 2026 79%",
      "Jun 2026 81.4%",
    ]);
    expect(inside(figure(el, "income-uplift.mean"), "table")!.checkVisibility()).to.equal(false);
    await expect(el).to.be.accessible();
    toggle.click();
    await el.updateComplete;
    expect(toggle.getAttribute("aria-expanded")).to.equal("false");
    expect(table.checkVisibility()).to.equal(false);
  });

  it("explains a figure that is not available with the snapshot's reason, never 0 or NaN", async () => {
    const el = await board();
    const f = figure(el, "re-employment.rate");
    expect(inside(f, "value")).to.equal(null);
    expect(text(inside(f, "unavailable"))).to.equal(
      "暂无数据 尚未登记参与人参与前的就业情况，无法计算。",
    );
    expect(text(f)).not.to.match(/NaN|0%/);
    expect(text(f)).to.contain("月度数据不足，无法绘制趋势。");
    const en = await board("en");
    expect(text(inside(figure(en, "re-employment.rate"), "unavailable"))).to.equal(
      "Not available Participants' work before joining was not recorded, so this cannot be computed.",
    );
  });

  it("puts each figure's definition, calculation, assumptions, footnotes and version one click away", async () => {
    const el = await board("en");
    const details = inside(figure(el, "income-uplift.mean"), "definition") as HTMLDetailsElement;
    expect(details.open).to.equal(false);
    const summary = details.querySelector("summary")!;
    expect(text(summary)).to.equal("Definition Income uplift per participant");
    summary.click();
    await el.updateComplete;
    expect(details.open).to.equal(true);
    expect(text(details.querySelector("p"))).to.contain(
      "How much more a resident in the workshop or the bakery earns",
    );
    const terms = [...details.querySelectorAll("dt")].map((dt) => [
      text(dt),
      text(dt.nextElementSibling),
    ]);
    expect(terms).to.deep.equal([
      [
        "Calculation",
        "Mean of (income this month − mean income in the three months before joining).",
      ],
      ["Assumptions", "Income is what the split settlements record."],
      ["Footnotes", "One-off grants are not counted."],
      ["Version", "1.2.0"],
    ]);
    expect(details.querySelector("dd")!.checkVisibility()).to.equal(true);
    expect(text(inside(figure(el, "coverage.private-firms"), "definition"))).to.contain(
      "All 494 key firms are covered (100%).",
    );
    await expect(el).to.be.accessible();
  });

  it("drops the charts in the compact variant and keeps figures and definitions", async () => {
    const el = await board("zh-CN", { variant: "compact" });
    expect(el.shadowRoot!.querySelector("svg")).to.equal(null);
    expect(text(inside(figure(el, "income-uplift.mean"), "value"))).to.equal("¥2,600");
    expect(inside(figure(el, "income-uplift.mean"), "definition")).not.to.equal(null);
    el.metrics = "requests.resolved coverage.private-firms";
    await el.updateComplete;
    expect(
      [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="figure"]')].map(
        (f) => f.dataset["metric"],
      ),
    ).to.deep.equal(["requests.resolved", "coverage.private-firms"]);
    await expect(el).to.be.accessible();
  });

  it("fits the page's outline: title at level 2 and figures at 3, or from heading-level", async () => {
    const el = await board();
    const title = el.shadowRoot!.querySelector('[part="title"]')!;
    const names = () =>
      [...el.shadowRoot!.querySelectorAll('[part="figure-name"]')].map((h) => [
        h.getAttribute("role"),
        h.getAttribute("aria-level"),
      ]);
    expect([title.getAttribute("role"), title.getAttribute("aria-level")]).to.deep.equal([
      "heading",
      "2",
    ]);
    expect(new Set(names().map(String))).to.deep.equal(new Set(["heading,3"]));
    el.setAttribute("heading-level", "4");
    await el.updateComplete;
    expect(title.getAttribute("aria-level")).to.equal("4");
    expect(new Set(names().map(String))).to.deep.equal(new Set(["heading,5"]));
    await expect(el).to.be.accessible();
  });

  it("loads a snapshot from a store, and says when that failed", async () => {
    const el = await board("en", {
      store: createEmbeddedStore({ data: defaultEmbeddedData(Date.now()) }),
    });
    await waitUntil(() => el.shadowRoot!.querySelector('[part="title"]'), "loaded");
    expect(text(el.shadowRoot!.querySelector('[part="title"]'))).to.equal(
      "Gongshu co-prosperity workshops and partners",
    );
    const failing = {
      getMetrics: async () => {
        throw LinliClientError.local("network");
      },
    } as unknown as LinliStore;
    const broken = await board("en", { store: failing });
    await waitUntil(() => broken.shadowRoot!.querySelector('[role="alert"]'), "error");
    expect(text(broken.shadowRoot!.querySelector('[role="alert"]'))).to.contain(
      "The figures could not be loaded.",
    );
  });
});
