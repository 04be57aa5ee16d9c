import { expect, fixture, fixtureCleanup, html, oneEvent, waitUntil } from "@open-wc/testing";
import ICAL from "ical.js";
import { afterEach, describe, it, vi } from "vitest";
import { LinliClientError, type LinliStore } from "@linli/client";
// The demo data passed in, not loaded on the first call: these tests time what they show.
import { createEmbeddedStore, defaultEmbeddedData } from "@linli/client/embedded";
import { redHouse } from "@linli/core/fixtures";
import { redHouseGroup, TUESDAY_8AM } from "../test-support/groups.js";
import type { LinliSchedule, ScheduleExportDetail } from "./schedule.js";
import "./linli-schedule.js";

// The test page says <html lang="en">; with no [lang] anywhere the elements speak zh-CN.
document.documentElement.removeAttribute("lang");

const groups = [
  "three-moms-baking",
  "little-cloud-studio",
  "taoyuan-womens-workshop",
  "street-dance",
].map(redHouseGroup);

const root = (el: HTMLElement) => el.shadowRoot!;
const parts = (el: HTMLElement, name: string) => [
  ...root(el).querySelectorAll<HTMLElement>(`[part~="${name}"]`),
];
const part = (el: HTMLElement, name: string) => parts(el, name)[0];
const text = (n: Element | undefined) => (n?.textContent ?? "").replace(/\s+/g, " ").trim();
const day = (el: HTMLElement, date: string) =>
  root(el).querySelector<HTMLElement>(`[part~="day"][data-date="${date}"]`)!;
const sessionsOn = (el: HTMLElement, date: string) =>
  [...day(el, date).querySelectorAll('[part~="session"]')].map(
    (s) =>
      `${text(s.querySelector('[part="session-time"]')!)} ${text(s.querySelector('[part="session-group"]')!)}`,
  );

async function schedule(attrs: { lang?: string; width?: string; store?: LinliStore } = {}) {
  const wrap = await fixture<HTMLElement>(
    html`<div lang=${attrs.lang ?? "zh-CN"} style="width: ${attrs.width ?? "1200px"}">
      ${
        attrs.store
          ? html`<linli-schedule .store=${attrs.store} .now=${TUESDAY_8AM}></linli-schedule>`
          : html`<linli-schedule
              .groups=${groups}
              .hub=${redHouse}
              .now=${TUESDAY_8AM}
            ></linli-schedule>`
      }
    </div>`,
  );
  const el = wrap.querySelector("linli-schedule")!;
  await el.updateComplete;
  return { wrap, el };
}

/** Downloads are cancelled in tests: the event carries the file. */
async function exported(el: LinliSchedule, click: () => void): Promise<ScheduleExportDetail> {
  const event = oneEvent(el, "linli-schedule-export");
  el.addEventListener("linli-schedule-export", (e) => e.preventDefault(), { once: true });
  click();
  return (await event).detail as ScheduleExportDetail;
}

const parseEvents = (ics: string) =>
  new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));

afterEach(() => {
  fixtureCleanup();
  vi.restoreAllMocks();
});

describe("<linli-schedule>", () => {
  it("lays the week out by day and time in Chinese, with room, group and category", async () => {
    const { el } = await schedule();
    expect(text(part(el, "title"))).to.equal("活动日程 11月30日周一–12月6日周日");
    expect(text(part(el, "count"))).to.equal("本周共 22 场活动");
    const days = parts(el, "day");
    expect(days.map((d) => text(d.querySelector('[role="heading"]')!))).to.deep.equal([
      "11月30日周一",
      "12月1日周二今天",
      "12月2日周三",
      "12月3日周四",
      "12月4日周五",
      "12月5日周六",
      "12月6日周日",
    ]);
    expect(sessionsOn(el, "2026-12-01")).to.deep.equal([
      "08:00–11:30 三个妈妈烘焙工作室",
      "09:00–11:30 小云朵妈妈工作室",
      "13:30–16:30 桃源巾帼共富工坊",
      "19:00–21:00 半山青年街舞社",
    ]);
    expect(sessionsOn(el, "2026-12-05")).to.deep.equal([
      "08:00–11:30 三个妈妈烘焙工作室",
      "09:00–11:00 小云朵妈妈工作室",
      "19:30–21:30 半山青年街舞社",
    ]);
    const cloud = day(el, "2026-12-01").querySelector('[data-group="little-cloud-studio"]')!;
    expect(text(cloud.querySelector('[part="session-meta"]')!)).to.equal(
      "幼儿早教 · 二楼小云朵教室",
    );
    expect(cloud.querySelector("time")!.dateTime).to.equal("2026-12-01T09:00");
    // seven columns side by side
    const [mon, tue] = days;
    expect(mon!.getBoundingClientRect().top).to.equal(tue!.getBoundingClientRect().top);
    expect(el.getAttribute("layout")).to.equal("week");
    await expect(el).to.be.accessible();
  });

  it("fits the page's outline: headings at level 2 and 3 by default, or from heading-level", async () => {
    const { el } = await schedule();
    const levels = () =>
      [...el.shadowRoot!.querySelectorAll('[role="heading"]')].map((h) =>
        h.getAttribute("aria-level"),
      );
    expect(levels()).to.deep.equal(["2", "3", "3", "3", "3", "3", "3", "3"]);
    el.setAttribute("heading-level", "3");
    await el.updateComplete;
    expect(levels()).to.deep.equal(["3", "4", "4", "4", "4", "4", "4", "4"]);
    expect(part(el, "title")!.getAttribute("aria-level")).to.equal("3");
    await expect(el).to.be.accessible();
  });

  it("speaks English under an English [lang]", async () => {
    const { el } = await schedule({ lang: "en" });
    expect(text(part(el, "title"))).to.equal("Timetable, Mon 30 Nov–Sun 6 Dec");
    expect(text(part(el, "count"))).to.equal("22 sessions this week");
    expect(text(day(el, "2026-12-01").querySelector('[role="heading"]')!)).to.equal(
      "Tue 1 DecToday",
    );
    expect(sessionsOn(el, "2026-12-04")).to.deep.equal([
      "08:00–11:30 Three Moms Baking Studio",
      "09:00–11:30 Little Cloud Mom Studio",
      "13:30–16:30 Taoyuan Women's Co-prosperity Workshop",
    ]);
    expect(sessionsOn(el, "2026-12-03")).to.include("19:00–21:00 Banshan Youth Street Dance");
    const cloudExport = day(el, "2026-12-01").querySelector<HTMLElement>(
      '[data-group="little-cloud-studio"] [part="session-export"]',
    )!;
    expect(text(cloudExport)).to.equal(
      "Add to calendar: Little Cloud Mom Studio, Tue 1 Dec 09:00–11:30",
    );
    expect(text(part(el, "group-filter")!.closest("label")!)).to.match(/^Group All groups/);
    await expect(el).to.be.accessible();
  });

  it("highlights today from the clock it is given", async () => {
    const { el } = await schedule();
    const today = parts(el, "today");
    expect(today).to.have.length(1);
    expect(today[0]!.dataset["date"]).to.equal("2026-12-01");
    expect(today[0]!.getAttribute("aria-current")).to.equal("date");
    el.now = Date.parse("2026-12-05T10:00:00+08:00");
    await el.updateComplete;
    expect(parts(el, "today").map((d) => d.dataset["date"])).to.deep.equal(["2026-12-05"]);
    // another week: no day is today
    el.week = "2026-12-09";
    await el.updateComplete;
    expect(text(part(el, "title"))).to.equal("活动日程 12月7日周一–12月13日周日");
    expect(parts(el, "today")).to.have.length(0);
  });

  it("moves between weeks with the navigation buttons", async () => {
    const { el } = await schedule({ lang: "en" });
    const [prev, thisWeek, next] = part(el, "nav")!.querySelectorAll("button");
    next!.click();
    await el.updateComplete;
    expect(text(part(el, "title"))).to.equal("Timetable, Mon 7 Dec–Sun 13 Dec");
    prev!.click();
    await el.updateComplete;
    prev!.click();
    await el.updateComplete;
    expect(text(part(el, "title"))).to.equal("Timetable, Mon 23 Nov–Sun 29 Nov");
    thisWeek!.click();
    await el.updateComplete;
    expect(text(part(el, "title"))).to.equal("Timetable, Mon 30 Nov–Sun 6 Dec");
  });

  it("filters by group and by category, and says when nothing matches", async () => {
    const { el } = await schedule({ lang: "en" });
    const group = part(el, "group-filter") as unknown as HTMLSelectElement;
    group.value = "street-dance";
    group.dispatchEvent(new Event("change"));
    await el.updateComplete;
    expect(el.groupId).to.equal("street-dance");
    expect(text(part(el, "count"))).to.equal("3 sessions this week");
    expect(parts(el, "session").map((s) => s.dataset["group"])).to.deep.equal([
      "street-dance",
      "street-dance",
      "street-dance",
    ]);
    expect(sessionsOn(el, "2026-12-05")).to.deep.equal(["19:30–21:30 Banshan Youth Street Dance"]);

    group.value = "";
    group.dispatchEvent(new Event("change"));
    const category = part(el, "category-filter") as unknown as HTMLSelectElement;
    expect([...category.options].map((o) => o.text)).to.deep.equal([
      "All categories",
      "Baking and food",
      "Early education",
      "Piecework",
      "Dance",
    ]);
    category.value = "early-education";
    category.dispatchEvent(new Event("change"));
    await el.updateComplete;
    expect(text(part(el, "count"))).to.equal("7 sessions this week");
    expect(new Set(parts(el, "session").map((s) => s.dataset["group"]))).to.deep.equal(
      new Set(["little-cloud-studio"]),
    );

    group.value = "street-dance";
    group.dispatchEvent(new Event("change"));
    await el.updateComplete;
    expect(text(part(el, "count"))).to.equal("0 sessions this week");
    expect(text(part(el, "empty"))).to.contain("No sessions match these filters.");
    expect(part(el, "days")!.checkVisibility()).to.equal(false);
    part(el, "empty")!.querySelector("button")!.click();
    await el.updateComplete;
    expect(text(part(el, "count"))).to.equal("22 sessions this week");
    await expect(el).to.be.accessible();
  });

  it("shows one group when the host sets group-id", async () => {
    const wrap = await fixture<HTMLElement>(
      html`<div>
        <linli-schedule
          group-id="little-cloud-studio"
          .groups=${groups}
          .hub=${redHouse}
          .now=${TUESDAY_8AM}
        ></linli-schedule>
      </div>`,
    );
    const el = wrap.querySelector("linli-schedule")!;
    await el.updateComplete;
    expect(text(part(el, "count"))).to.equal("本周共 7 场活动");
    expect(sessionsOn(el, "2026-12-06")).to.deep.equal(["09:00–11:00 小云朵妈妈工作室"]);
  });

  it("turns into a list of the days that have sessions when its container is narrow", async () => {
    const { wrap, el } = await schedule({ lang: "en" });
    expect(el.getAttribute("layout")).to.equal("week");
    wrap.style.width = "360px";
    await waitUntil(() => el.getAttribute("layout") === "list", "list layout");
    await el.updateComplete;
    const [mon, tue] = parts(el, "day");
    expect(tue!.getBoundingClientRect().top).to.be.greaterThan(
      mon!.getBoundingClientRect().bottom - 1,
    );
    expect(mon!.getBoundingClientRect().width).to.be.greaterThan(300);

    const group = part(el, "group-filter") as unknown as HTMLSelectElement;
    group.value = "street-dance";
    group.dispatchEvent(new Event("change"));
    await el.updateComplete;
    const visible = parts(el, "day")
      .filter((d) => d.checkVisibility())
      .map((d) => d.dataset["date"]);
    expect(visible).to.deep.equal(["2026-12-01", "2026-12-03", "2026-12-05"]);
    await expect(el).to.be.accessible();

    wrap.style.width = "1200px";
    await waitUntil(() => el.getAttribute("layout") === "week", "week layout again");
  });

  it("exports one session as an .ics file that a calendar parser reads back", async () => {
    const { el } = await schedule();
    const button = day(el, "2026-12-01").querySelector<HTMLElement>(
      '[data-group="little-cloud-studio"] [part="session-export"]',
    )!;
    expect(text(button)).to.equal("加入日历：小云朵妈妈工作室，12月1日周二 09:00–11:30");
    const detail = await exported(el, () => button.click());
    expect(detail.sessions).to.equal(1);
    expect(detail.filename).to.equal("linli-little-cloud-studio-2026-12-01.ics");
    const events = parseEvents(detail.ics);
    expect(events).to.have.length(1);
    const [e] = events;
    expect(e!.summary).to.equal("小云朵妈妈工作室");
    expect(e!.startDate.toJSDate().getTime()).to.equal(Date.parse("2026-12-01T09:00:00+08:00"));
    expect(e!.endDate.toJSDate().getTime()).to.equal(Date.parse("2026-12-01T11:30:00+08:00"));
    expect(e!.location).to.contain("二楼小云朵教室");
    expect(e!.location).to.contain("桃源金星党群服务中心");
    expect(e!.description).to.equal("幼儿早教");
    expect(e!.uid).to.equal("little-cloud-studio-0-2026-12-01@linli");
  });

  it("exports the filtered week, and downloads it through a Blob URL when nobody cancels", async () => {
    const { el } = await schedule({ lang: "en" });
    const category = part(el, "category-filter") as unknown as HTMLSelectElement;
    category.value = "dance";
    category.dispatchEvent(new Event("change"));
    await el.updateComplete;
    const detail = await exported(el, () => part(el, "export-week")!.click());
    expect(detail.sessions).to.equal(3);
    expect(detail.filename).to.equal("linli-2026-11-30.ics");
    const cal = new ICAL.Component(ICAL.parse(detail.ics));
    expect(cal.getFirstPropertyValue("x-wr-calname")).to.equal(
      "Taoyuan Jinxing Community Service Centre timetable",
    );
    const events = parseEvents(detail.ics);
    expect(events.map((e) => e.summary)).to.deep.equal([
      "Banshan Youth Street Dance",
      "Banshan Youth Street Dance",
      "Banshan Youth Street Dance",
    ]);
    expect(events.map((e) => e.startDate.toJSDate().toISOString())).to.deep.equal([
      "2026-12-01T11:00:00.000Z",
      "2026-12-03T11:00:00.000Z",
      "2026-12-05T11:30:00.000Z",
    ]);
    expect(events[0]!.location).to.contain("Multi-purpose hall (2nd floor)");

    const created = vi.spyOn(URL, "createObjectURL");
    const clicked = vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(() => {});
    part(el, "export-week")!.click();
    expect(created.mock.calls).to.have.length(1);
    const blob = created.mock.calls[0]![0] as Blob;
    expect(blob.type).to.equal("text/calendar;charset=utf-8");
    expect(parseEvents(await blob.text())).to.have.length(3);
    expect(clicked.mock.calls).to.have.length(1);
    const a = clicked.mock.contexts[0] as HTMLAnchorElement;
    expect(a.download).to.equal("linli-2026-11-30.ics");
    expect(a.href).to.match(/^blob:/);
  });

  it("loads the hub and its groups from a store, with a loading state", async () => {
    const { el } = await schedule({
      store: createEmbeddedStore({ data: defaultEmbeddedData(Date.now()) }),
      lang: "en",
    });
    await waitUntil(() => part(el, "count") !== undefined, "loaded");
    expect(text(part(el, "count"))).to.match(/^\d+ sessions this week$/);
    expect(sessionsOn(el, "2026-12-01")).to.include("09:00–11:30 Little Cloud Mom Studio");

    const pending = {
      getHub: () => new Promise(() => {}),
      listGroups: () => new Promise(() => {}),
    };
    const { el: waiting } = await schedule({ store: pending as unknown as LinliStore });
    expect(text(part(waiting, "loading"))).to.equal("正在加载日程…");
  });

  it("says when loading failed and loads again on retry", async () => {
    let fail = true;
    const store = createEmbeddedStore({ data: defaultEmbeddedData(Date.now()) });
    const flaky = {
      getHub: (o?: { signal?: AbortSignal }) => store.getHub(o),
      listGroups: async () => {
        if (fail) throw LinliClientError.local("network");
        return [redHouseGroup("street-dance")];
      },
    } as unknown as LinliStore;
    const { el } = await schedule({ store: flaky, lang: "en" });
    await waitUntil(() => part(el, "error") !== undefined, "error shown");
    expect(text(part(el, "error"))).to.contain("The timetable could not be loaded.");
    expect(part(el, "error")!.getAttribute("role")).to.equal("alert");
    await expect(el).to.be.accessible();
    fail = false;
    part(el, "retry")!.click();
    await waitUntil(() => part(el, "count") !== undefined, "loaded after retry");
    expect(text(part(el, "count"))).to.equal("3 sessions this week");
  });

  it("says so when the week has no sessions", async () => {
    const wrap = await fixture<HTMLElement>(
      html`<div lang="en">
        <linli-schedule .groups=${[]} .now=${TUESDAY_8AM}></linli-schedule>
      </div>`,
    );
    const el = wrap.querySelector("linli-schedule")!;
    await el.updateComplete;
    expect(text(part(el, "empty"))).to.equal("No sessions are planned this week.");
    expect((part(el, "export-week") as HTMLButtonElement).disabled).to.equal(true);
    await expect(el).to.be.accessible();
  });
});
