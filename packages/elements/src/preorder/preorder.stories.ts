import type { Meta, StoryObj } from "@storybook/web-components-vite";
import { html, nothing } from "lit";
import { expect, waitFor } from "storybook/test";
import { LinliClientError, type LinliStore } from "@linli/client";
import { createEmbeddedStore } from "@linli/client/embedded";
import { bakeryData, bakeryStore, MORNING, neighbourOrder, NOON } from "../test-support/menus.js";
import type { LinliPreorder } from "./preorder.js";
import "./linli-preorder.js";

const never = () => new Promise<never>(() => {});

/** Stores for each state, made fresh per render so orders do not pile up between stories. */
const scenarios: Record<string, () => LinliStore> = {
  open: () => bakeryStore(),
  loading: () => ({ ...bakeryStore(), getMenu: never }),
  offline: () => ({
    ...bakeryStore(),
    getMenu: () => Promise.reject(LinliClientError.local("network")),
  }),
  /** Neighbours have bought every tiger-skin roll and filled the 15:00 slot. */
  busy: () => {
    const store = bakeryStore(
      MORNING,
      bakeryData(MORNING, (m) => ({
        ...m,
        slots: m.slots.map((s) => (s.id === "s1500" ? { ...s, capacity: 1 } : s)),
      })),
    );
    for (let n = 0; n < 5; n++)
      void store.placeOrder(
        neighbourOrder([{ itemId: "tiger-roll", quantity: 4 }], n === 0 ? "s1500" : "s1700"),
        { idempotencyKey: `story-neighbour-${n}` },
      );
    return store;
  },
  /** Everything has been ordered. */
  soldOut: () =>
    bakeryStore(
      MORNING,
      bakeryData(MORNING, (m) => ({ ...m, items: m.items.map((i) => ({ ...i, stock: 0 })) })),
    ),
  noon: () => bakeryStore(NOON),
  /** The order never gets an answer: the form stays "submitting". */
  slow: () => ({ ...bakeryStore(), placeOrder: never }),
  /** A gateway that does not know the address: retrying cannot help. */
  orderRefused: () => ({
    ...bakeryStore(),
    placeOrder: () => Promise.reject(LinliClientError.fromResponse(404, undefined)),
  }),
  /** A static page's embedded store in a browser whose storage is full. */
  storageFull: () =>
    createEmbeddedStore({
      data: bakeryData(MORNING),
      now: () => MORNING,
      storage: {
        getItem: () => null,
        setItem: () => {
          throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
        },
      },
    }),
  /** Orders cannot reach the server. */
  orderOffline: () => ({
    ...bakeryStore(),
    placeOrder: () => Promise.reject(LinliClientError.local("network")),
  }),
  /** A neighbour takes the last 17:00 place just as the resident submits. */
  race: () => {
    const real = bakeryStore(
      MORNING,
      bakeryData(MORNING, (m) => ({
        ...m,
        slots: m.slots.map((s) => (s.id === "s1700" ? { ...s, capacity: 1 } : s)),
      })),
    );
    return {
      ...real,
      placeOrder: async (body, options) => {
        await real
          .placeOrder(neighbourOrder([{ itemId: "egg-tart", quantity: 1 }], "s1700"), {
            idempotencyKey: "story-race",
          })
          .catch(() => {});
        return real.placeOrder(body, options);
      },
    };
  },
};

type Args = {
  scenario: keyof typeof scenarios;
  date?: string;
  headingLevel: number;
  privacyHref: string;
};

const widget = (canvas: HTMLElement) => canvas.querySelector<LinliPreorder>("linli-preorder")!;
const root = async (canvas: HTMLElement) => {
  const el = widget(canvas);
  await waitFor(() =>
    expect(el.shadowRoot!.querySelector("#heading, [part~=error]")).not.toBeNull(),
  );
  return el.shadowRoot!;
};
const part = (r: ShadowRoot, name: string) => r.querySelector<HTMLElement>(`[part~="${name}"]`);
const text = (n: Element | null) => (n?.textContent ?? "").replace(/\s+/g, " ").trim();

/** What a resident does: two tiger-skin rolls, a slot, name, phone, consent. */
async function fillIn(r: ShadowRoot, slot = "s1600", item = "tiger-roll") {
  const up = r
    .querySelector(`#qty-${item}`)!
    .parentElement!.querySelector<HTMLElement>('[part="step-up"]')!;
  up.click();
  up.click();
  r.querySelector<HTMLInputElement>(`#slot-${slot}`)!.click();
  for (const [id, value] of [
    ["name", "林晓雨"],
    ["phone", "138 0013 8000"],
  ] as const) {
    const input = r.querySelector<HTMLInputElement>(`#${id}`)!;
    input.value = value;
    input.dispatchEvent(new Event("input"));
  }
  r.querySelector<HTMLInputElement>("#consent")!.click();
  await widget(r.host.parentElement!).updateComplete;
}
const submit = (r: ShadowRoot) => part(r, "submit")!.click();

/**
 * The Three Moms Baking Studio's daily menu as a preorder form, over the embedded store
 * from @linli/client (no server). Every story is also a test (its play function, and axe);
 * pick the language and theme in the toolbar.
 */
const meta: Meta<Args> = {
  title: "Elements/Preorder",
  component: "linli-preorder",
  args: { scenario: "open", headingLevel: 2, privacyHref: "/privacy" },
  argTypes: {
    scenario: { control: { type: "select" }, options: Object.keys(scenarios) },
    headingLevel: { control: { type: "select" }, options: [2, 3, 4, 5, 6] },
  },
  render: (args) =>
    html`<div>
      <linli-preorder
        group="three-moms-baking"
        date=${args.date ?? nothing}
        privacy-href=${args.privacyHref}
        heading-level=${args.headingLevel}
        refresh-interval="0"
        .store=${scenarios[args.scenario]!()}
      ></linli-preorder>
    </div>`,
};
export default meta;
type Story = StoryObj<Args>;

/** Today's menu at 08:00, open until 10:00, in Chinese (the default language). */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    const r = await root(canvasElement);
    await expect(text(r.querySelector("#heading"))).toBe("12月1日周二 预订菜单");
    await expect(text(part(r, "price"))).toBe("¥18.00");
  },
};

export const English: Story = {
  globals: { locale: "en" },
  play: async ({ canvasElement }) => {
    const r = await root(canvasElement);
    await expect(text(r.querySelector("#heading"))).toBe("Menu for Tue 1 Dec");
    await expect(text(part(r, "stock"))).toBe("20 left");
  },
};

export const Loading: Story = {
  args: { scenario: "loading" },
  play: async ({ canvasElement }) => {
    const el = widget(canvasElement);
    await waitFor(() =>
      expect(text(el.shadowRoot!.querySelector('[part="loading"]'))).toBe("正在加载菜单…"),
    );
  },
};

export const LoadError: Story = {
  args: { scenario: "offline" },
  play: async ({ canvasElement }) => {
    const r = await root(canvasElement);
    await expect(text(part(r, "error"))).toContain("菜单没能加载出来。");
  },
};

/** No menu for the date asked for. */
export const NoMenu: Story = {
  args: { date: "2026-12-25" },
  play: async ({ canvasElement }) => {
    const r = await root(canvasElement);
    await expect(text(part(r, "error"))).toBe("现在还没有可以预订的菜单，请晚些再来看看。");
  },
};

/** Quantities chosen: the total is priced by core. */
export const Chosen: Story = {
  play: async ({ canvasElement }) => {
    const r = await root(canvasElement);
    await fillIn(r);
    await expect(text(part(r, "total"))).toBe("合计 ¥36.00");
  },
};

/** Submitted empty: the error summary takes focus; each field says what is wrong. */
export const Errors: Story = {
  play: async ({ canvasElement }) => {
    const r = await root(canvasElement);
    submit(r);
    await waitFor(() => expect(part(r, "error-summary")).not.toBeNull());
    await waitFor(() => expect(r.activeElement).toBe(part(r, "error-summary")));
    await expect(r.querySelectorAll('[part="field-error"]').length).toBe(5);
  },
};

export const ErrorsEnglish: Story = {
  ...Errors,
  globals: { locale: "en" },
  play: async ({ canvasElement }) => {
    const r = await root(canvasElement);
    submit(r);
    await waitFor(() => expect(text(part(r, "error-summary"))).toContain("There is a problem"));
  },
};

export const Submitting: Story = {
  args: { scenario: "slow" },
  play: async ({ canvasElement }) => {
    const r = await root(canvasElement);
    await fillIn(r);
    submit(r);
    await waitFor(() => expect(text(part(r, "submit"))).toBe("正在提交预订…"));
    await expect(part(r, "submit")!.getAttribute("aria-disabled")).toBe("true");
  },
};

/** The order is placed: pickup code, time, place, and an .ics to add to a calendar. */
export const Confirmed: Story = {
  play: async ({ canvasElement }) => {
    const r = await root(canvasElement);
    await fillIn(r);
    submit(r);
    await waitFor(() => expect(part(r, "calendar")).not.toBeNull());
    await expect(text(part(r, "pickup-code"))).toMatch(/^\d{6}$/);
    await expect(r.activeElement?.id).toBe("confirmation");
  },
};

export const ConfirmedEnglish: Story = {
  ...Confirmed,
  globals: { locale: "en" },
  play: async ({ canvasElement }) => {
    const r = await root(canvasElement);
    await fillIn(r);
    submit(r);
    await waitFor(() => expect(text(part(r, "confirmation"))).toContain("Order placed"));
  },
};

/** The tiger-skin roll has sold out and the 15:00 slot is full. */
export const ItemSoldOutAndSlotFull: Story = {
  args: { scenario: "busy" },
  play: async ({ canvasElement }) => {
    const r = await root(canvasElement);
    await expect(text(part(r, "item-sold-out"))).toContain("已售罄");
    await expect(text(r.querySelector("#slot-s1500")!.closest("label"))).toContain("已约满");
  },
};

/** The slot filled up as the resident submitted: what is still available is shown. */
export const SlotFullOnSubmit: Story = {
  args: { scenario: "race" },
  play: async ({ canvasElement }) => {
    const r = await root(canvasElement);
    await fillIn(r, "s1700");
    submit(r);
    await waitFor(() => expect(text(part(r, "error-summary"))).toContain("已约满"));
  },
};

/** Everything on the menu has been ordered. */
export const AllSoldOut: Story = {
  args: { scenario: "soldOut" },
  play: async ({ canvasElement }) => {
    const r = await root(canvasElement);
    await expect(text(part(r, "notice"))).toBe("这份菜单已全部订完。");
  },
};

/** Today's menu at noon: ordering closed at 10:00; tomorrow's opens at 18:00. */
export const ClosedAfterCutoff: Story = {
  args: { scenario: "noon", date: "2026-12-01" },
  play: async ({ canvasElement }) => {
    const r = await root(canvasElement);
    await waitFor(() => expect(text(part(r, "next"))).toContain("18:00 开放预订"));
  },
};

/** At noon with no date: tomorrow's menu, shown before it opens. */
export const NotYetOpen: Story = {
  args: { scenario: "noon" },
  play: async ({ canvasElement }) => {
    const r = await root(canvasElement);
    await expect(text(part(r, "notice"))).toContain("开放预订");
  },
};

/** The order could not be sent: everything entered stays, and "Try again" is safe. */
export const NetworkError: Story = {
  args: { scenario: "orderOffline" },
  play: async ({ canvasElement }) => {
    const r = await root(canvasElement);
    await fillIn(r);
    submit(r);
    await waitFor(() => expect(part(r, "failure")).not.toBeNull());
    await waitFor(() => expect(r.activeElement).toBe(part(r, "failure")));
    await expect(r.querySelector<HTMLInputElement>("#name")!.value).toBe("林晓雨");
  },
};

/** On a static page whose browser storage is full: what to do, and "Try again" once there is room. */
/** A failed order: `says` is in the failure box, with a retry button only if `retry`. */
const failing = (scenario: string, says: string, retry: boolean): Story => ({
  args: { scenario },
  play: async ({ canvasElement }) => {
    const r = await root(canvasElement);
    await fillIn(r);
    submit(r);
    await waitFor(() => expect(text(part(r, "failure"))).toContain(says));
    await expect(part(r, "retry") !== null).toBe(retry);
    await expect(r.querySelector<HTMLInputElement>("#name")!.value).toBe("林晓雨");
  },
});

export const StorageFull: Story = failing("storageFull", "浏览器存储空间已满", true);
export const StorageFullEnglish: Story = {
  ...failing("storageFull", "This browser's storage is full", true),
  globals: { locale: "en" },
};

/** Refused for good (here a 404 from a gateway): said so, with no "Try again" that cannot help. */
export const Refused: Story = failing("orderRefused", "预订没有被接受", false);
export const RefusedEnglish: Story = {
  ...failing("orderRefused", "Your order was not accepted", false),
  globals: { locale: "en" },
};

export const HeadingLevel3: Story = { args: { headingLevel: 3 } };
export const Dark: Story = { globals: { theme: "dark" } };
export const DarkEnglish: Story = { globals: { theme: "dark", locale: "en" } };
export const HighContrast: Story = { globals: { theme: "high-contrast" } };
/** The confirmation's green accent, checked by axe for contrast on each theme. */
export const ConfirmedDark: Story = { ...Confirmed, globals: { theme: "dark" } };
export const ConfirmedHighContrast: Story = { ...Confirmed, globals: { theme: "high-contrast" } };
