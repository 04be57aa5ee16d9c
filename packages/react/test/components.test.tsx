import type { LinliStore } from "@linli/client";
import { createEmbeddedStore, defaultEmbeddedData } from "@linli/client/embedded";
import manifest from "@linli/elements/custom-elements.json";
import type { ComponentType } from "react";
import { flushSync } from "react-dom";
import { createRoot, type Root } from "react-dom/client";
import { afterEach, describe, expect, expectTypeOf, it, vi } from "vitest";
import { userEvent } from "vitest/browser";
import * as linli from "../src/index.js";
import {
  LinliGroupCard,
  LinliGroupDirectory,
  LinliImpactBoard,
  LinliPreorder,
  LinliRecruitForm,
  LinliSchedule,
  type ApplicationFailedDetail,
  type ApplicationSubmittedDetail,
  type GroupJoinDetail,
  type GroupsFilterDetail,
  type LinliPreorderProps,
  type OrderPlacedDetail,
  type ScheduleExportDetail,
} from "../src/index.js";

/** Tuesday 1 December 2026, 08:00 in Hangzhou: the bakery's menu for the day is open. */
const MORNING = Date.parse("2026-12-01T08:00:00+08:00");
const store = (): LinliStore =>
  createEmbeddedStore({ data: defaultEmbeddedData(MORNING), now: () => MORNING });

let root: Root | undefined;
let host: HTMLElement | undefined;

/** Renders `ui` with React DOM into a `lang="zh-CN"` div, as an app would. */
function render(ui: React.ReactNode): HTMLElement {
  host = document.createElement("div");
  host.lang = "zh-CN";
  document.body.append(host);
  root = createRoot(host);
  flushSync(() => root!.render(ui));
  return host;
}

afterEach(() => {
  root?.unmount();
  host?.remove();
});

const one = <E extends Element = HTMLElement>(scope: ParentNode, selector: string): E => {
  const found = scope.querySelector<E>(selector);
  if (!found) throw new Error(`no ${selector}`);
  return found;
};
/** An element inside `el`'s shadow root, waiting until the element has rendered it. */
const inShadow = <E extends Element = HTMLElement>(el: Element, selector: string) =>
  vi.waitFor(() => one<E>(el.shadowRoot!, selector), { timeout: 5000 });
const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, " ").trim();

describe("typed props and events", () => {
  it("types each callback with the event its element declares", () => {
    // Compile-time checks (tsc runs over this file): the detail types come from the elements.
    expectTypeOf<LinliPreorderProps["onOrderPlaced"]>().toEqualTypeOf<
      ((e: CustomEvent<OrderPlacedDetail>) => void) | undefined
    >();
    expectTypeOf<LinliPreorderProps["store"]>().toEqualTypeOf<LinliStore | undefined>();
    expectTypeOf<LinliPreorderProps["headingLevel"]>().toEqualTypeOf<number | undefined>();
    expectTypeOf<
      React.ComponentProps<typeof LinliRecruitForm>["onApplicationFailed"]
    >().toEqualTypeOf<((e: CustomEvent<ApplicationFailedDetail>) => void) | undefined>();
    expectTypeOf<React.ComponentProps<typeof LinliSchedule>["onScheduleExport"]>().toEqualTypeOf<
      ((e: CustomEvent<ScheduleExportDetail>) => void) | undefined
    >();
    const wrong = () => [
      // @ts-expect-error: the detail has no personal data, and no pickup code.
      <LinliPreorder onOrderPlaced={(e) => e.detail.pickupCode} />,
      // @ts-expect-error: headingLevel is a number.
      <LinliGroupCard headingLevel="2" />,
      // @ts-expect-error: the directory fires no order events.
      <LinliGroupDirectory onOrderPlaced={() => {}} />,
    ];
    expect(wrong).toBeTypeOf("function");
  });

  it("has a component for every element in the manifest, with a callback for each event it fires", async () => {
    const declarations = manifest.modules.flatMap((m) =>
      m.declarations.flatMap((d) =>
        "tagName" in d && typeof d.tagName === "string"
          ? [{ tag: d.tagName, events: ("events" in d ? d.events : []).map((e) => e.name) }]
          : [],
      ),
    );
    expect(declarations.map((d) => d.tag).sort()).toEqual([
      "linli-group-card",
      "linli-group-directory",
      "linli-impact-board",
      "linli-preorder",
      "linli-recruit-form",
      "linli-schedule",
    ]);
    for (const { tag, events } of declarations) {
      // linli-order-placed → onOrderPlaced; linli-preorder → LinliPreorder.
      const camel = (s: string) => s.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());
      const name = camel(`-${tag}`);
      const Component = (linli as unknown as Record<string, ComponentType<object> | undefined>)[
        name
      ];
      if (!Component) throw new Error(`no component ${name} for <${tag}>`);
      const props: Record<string, ReturnType<typeof vi.fn>> = {};
      for (const event of events) props[camel(`on-${event.replace(/^linli-/, "")}`)] = vi.fn();
      const page = render(<Component {...props} />);
      const el = one(page, tag);
      expect(el, `<${tag}> is registered`).toBeInstanceOf(customElements.get(tag)!);
      for (const event of events) {
        const dispatched = new CustomEvent(event, { detail: { probe: event } });
        el.dispatchEvent(dispatched);
        const callback = props[camel(`on-${event.replace(/^linli-/, "")}`)]!;
        expect(callback, `${name}'s callback for ${event}`).toHaveBeenCalledExactlyOnceWith(
          dispatched,
        );
      }
      root!.unmount();
      host!.remove();
    }
  });
});

describe("<LinliGroupDirectory>", () => {
  it("loads the hub's groups from a store given as a prop, and reports filters and joins", async () => {
    const s = store();
    const onGroupsFilter = vi.fn<(e: CustomEvent<GroupsFilterDetail>) => void>();
    const onGroupJoin = vi.fn<(e: CustomEvent<GroupJoinDetail>) => void>();
    const page = render(
      <main>
        <h1>红房子</h1>
        <LinliGroupDirectory
          store={s}
          headingLevel={2}
          onGroupsFilter={onGroupsFilter}
          onGroupJoin={onGroupJoin}
        />
      </main>,
    );
    const dir = one(page, "linli-group-directory");
    const total = (await s.listGroups()).length;
    const cards = await vi.waitFor(
      () => {
        const all = dir.shadowRoot!.querySelectorAll("linli-group-card");
        if (all.length !== total) throw new Error(`${all.length} of ${total} cards`);
        return [...all];
      },
      { timeout: 5000 },
    );
    const names = await Promise.all(
      cards.map(async (c) => text(await inShadow(c, '[part="name"]'))),
    );
    expect(names).toContain("三个妈妈烘焙工作室");
    expect(names).toContain("小云朵妈妈工作室");
    // headingLevel={2} reached the element as a number, and its cards.
    expect(one(cards[0]!.shadowRoot!, '[part="name"]').closest("h2")).not.toBeNull();

    await userEvent.fill(one(dir.shadowRoot!, '[part="search"]'), "烘焙");
    await vi.waitFor(() => expect(onGroupsFilter).toHaveBeenCalled());
    const filtered = onGroupsFilter.mock.lastCall![0].detail;
    expect(filtered.query.q).toBe("烘焙");
    expect(filtered.total).toBe(total);
    expect(filtered.count).toBe(dir.shadowRoot!.querySelectorAll("linli-group-card").length);
    expect(filtered.count).toBeGreaterThan(0);

    const bakery = [...dir.shadowRoot!.querySelectorAll("linli-group-card")].find(
      (c) => text(c.shadowRoot!.querySelector('[part="name"]')) === "三个妈妈烘焙工作室",
    )!;
    await userEvent.click(one(bakery.shadowRoot!, '[part="cta"]'));
    expect(onGroupJoin).toHaveBeenCalledOnce();
    expect(onGroupJoin.mock.lastCall![0].detail).toEqual({
      groupId: "three-moms-baking",
      slug: "three-moms-baking",
      name: "三个妈妈烘焙工作室",
    });
  });
});

describe("<LinliPreorder>", () => {
  it("takes an order through the store and hands the React callback its detail", async () => {
    const s = store();
    const onOrderPlaced = vi.fn<(e: CustomEvent<OrderPlacedDetail>) => void>();
    const page = render(
      <LinliPreorder
        group="three-moms-baking"
        store={s}
        privacyHref="/privacy"
        onOrderPlaced={onOrderPlaced}
      />,
    );
    const el = one(page, "linli-preorder");
    const shadow = el.shadowRoot!;
    await inShadow(el, '[part~="item"] [part="step-up"]');
    const tiger = [...shadow.querySelectorAll('[part~="item"]')].find((i) =>
      text(i.querySelector('[part="item-name"]'))?.includes("虎皮奶油卷"),
    )!;
    await userEvent.click(one(tiger, '[part="step-up"]'));
    await userEvent.click(one(tiger, '[part="step-up"]'));
    await userEvent.click(one(shadow, "#slot-s1600"));
    await userEvent.type(one(shadow, "#name"), "林晓雨");
    await userEvent.type(one(shadow, "#phone"), "138 0013 8000");
    await userEvent.click(one(shadow, "#consent"));
    await userEvent.click(one(shadow, '[part="submit"]'));

    await vi.waitFor(() => expect(onOrderPlaced).toHaveBeenCalledOnce(), { timeout: 5000 });
    const { detail } = onOrderPlaced.mock.lastCall![0];
    expect(detail.total).toEqual({ amount: 3600, currency: "CNY" });
    expect(detail.slot).toEqual({ id: "s1600", start: "16:00", end: "17:00" });
    expect(detail.date).toBe("2026-12-01");
    const code = text(await inShadow(el, '[part="pickup-code"]'))!;
    expect(code).toMatch(/^\d{6}$/);
    expect(text(one(shadow, '[part="order-number"]'))).toBe(detail.orderId);
    // The store holds the order the callback was told about.
    const receipt = await s.getOrder(detail.orderId, code);
    expect(receipt.lines.map((l) => [l.itemId, l.quantity])).toEqual([["tiger-roll", 2]]);
  });
});

describe("<LinliRecruitForm>", () => {
  it("reports a refused and then an accepted application to its callbacks", async () => {
    const onApplicationFailed = vi.fn<(e: CustomEvent<ApplicationFailedDetail>) => void>();
    const onApplicationSubmitted = vi.fn<(e: CustomEvent<ApplicationSubmittedDetail>) => void>();
    const page = render(
      <LinliRecruitForm
        store={store()}
        minFillMs={0}
        noDraft
        onApplicationFailed={onApplicationFailed}
        onApplicationSubmitted={onApplicationSubmitted}
      />,
    );
    const el = one(page, "linli-recruit-form");
    const shadow = el.shadowRoot!;
    await userEvent.click(await inShadow(el, '[part="submit"]'));
    await vi.waitFor(() => expect(onApplicationFailed).toHaveBeenCalledOnce());
    const failed = onApplicationFailed.mock.lastCall![0].detail;
    expect(failed.reason).toBe("invalid");
    expect(failed.fields).toContain("name");
    expect(failed.fields).toContain("phone");

    await userEvent.fill(one(shadow, "#name"), "林晓雨");
    await userEvent.fill(one(shadow, "#phone"), "138 0000 9901");
    await userEvent.fill(one(shadow, "#community"), "桃源社区");
    await userEvent.selectOptions(one<HTMLSelectElement>(shadow, "#cohort"), "full-time-mother");
    await userEvent.fill(one(shadow, "#title"), "周末亲子手工课");
    await userEvent.fill(
      one(shadow, "#description"),
      "我以前做过幼儿园美术老师，想每周六下午带孩子们用废旧材料做手工。",
    );
    await userEvent.selectOptions(one<HTMLSelectElement>(shadow, "#category"), "crafts");
    await userEvent.fill(one(shadow, "#skills"), "美术、手工");
    await userEvent.click(one(shadow, "#availability-weekends"));
    await userEvent.click(one(shadow, "#supportNeeded-venue"));
    await userEvent.click(one(shadow, "#consent"));
    await userEvent.click(one(shadow, '[part="submit"]'));

    await vi.waitFor(() => expect(onApplicationSubmitted).toHaveBeenCalledOnce(), {
      timeout: 5000,
    });
    const { detail } = onApplicationSubmitted.mock.lastCall![0];
    expect(text(await inShadow(el, '[part="reference"]'))).toBe(detail.receipt.reference);
    expect(detail.receipt.status).toBe("submitted");
    expect(JSON.stringify(detail)).not.toContain("13800009901");
  });
});

describe("<LinliSchedule> and <LinliImpactBoard>", () => {
  it("hands the week's calendar file to onScheduleExport, which can keep it from downloading", async () => {
    const onScheduleExport = vi.fn<(e: CustomEvent<ScheduleExportDetail>) => void>((e) =>
      e.preventDefault(),
    );
    const page = render(
      <LinliSchedule store={store()} now={MORNING} onScheduleExport={onScheduleExport} />,
    );
    const el = one(page, "linli-schedule");
    await vi.waitFor(
      () => expect(el.shadowRoot!.querySelectorAll('[part~="session"]').length).toBeGreaterThan(0),
      { timeout: 5000 },
    );
    await userEvent.click(one(el.shadowRoot!, '[part="export-week"]'));
    expect(onScheduleExport).toHaveBeenCalledOnce();
    const { detail, defaultPrevented } = onScheduleExport.mock.lastCall![0];
    expect(defaultPrevented).toBe(true);
    expect(detail.ics).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(detail.sessions).toBe(detail.ics.match(/BEGIN:VEVENT/g)!.length);
    expect(detail.filename).toMatch(/\.ics$/);
  });

  it("shows the store's metrics snapshot", async () => {
    const s = store();
    const snapshot = await s.getMetrics();
    const page = render(<LinliImpactBoard store={s} variant="compact" />);
    const el = one(page, "linli-impact-board");
    await inShadow(el, '[part="figure-name"]');
    const names = [...el.shadowRoot!.querySelectorAll('[part="figure-name"]')].map(text);
    expect(names.length).toBeGreaterThan(0);
    expect(names).toEqual(snapshot.metrics.map((m) => m.definition.name["zh-CN"]));
  });
});
