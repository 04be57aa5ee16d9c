import type { Meta, StoryObj } from "@storybook/web-components-vite";
import { html } from "lit";
import { expect, userEvent, waitFor } from "storybook/test";
import { LinliClientError, type LinliStore } from "@linli/client";
import { createEmbeddedStore } from "@linli/client/embedded";
import type { PublicGroup } from "@linli/core/contract";
import { redHouse } from "@linli/core/fixtures";
import { redHouseGroup, TUESDAY_8AM } from "../test-support/groups.js";
import type { LinliSchedule, ScheduleHub } from "./schedule.js";
import "./linli-schedule.js";

type Args = {
  groups?: readonly PublicGroup[] | undefined;
  hub?: ScheduleHub | undefined;
  store?: LinliStore | undefined;
  groupId?: string;
  category?: string;
  week?: string;
  now: number;
};

/** The red house's morning bakery, early-education classes, workshop and evening street dance. */
const groups = [
  "three-moms-baking",
  "little-cloud-studio",
  "taoyuan-womens-workshop",
  "street-dance",
].map(redHouseGroup);

const schedule = (canvas: HTMLElement) => canvas.querySelector<LinliSchedule>("linli-schedule")!;
const shadow = async (canvas: HTMLElement) => {
  const el = schedule(canvas);
  await el.updateComplete;
  return el.shadowRoot!;
};
const count = (root: ShadowRoot) => root.querySelector('[part="count"]')?.textContent;

/** A store whose answer never comes, to show the loading state. */
const pending = {
  getHub: () => new Promise(() => {}),
  listGroups: () => new Promise(() => {}),
} as unknown as LinliStore;
/** A store that cannot reach the server. */
const offline = {
  getHub: async () => {
    throw LinliClientError.local("network");
  },
  listGroups: async () => {
    throw LinliClientError.local("network");
  },
} as unknown as LinliStore;

/**
 * The red house's week: sessions by day and time, with room, group and category; filters;
 * today highlighted; each session or the week as an .ics file. Narrow: a list of days.
 */
const meta: Meta<Args> = {
  title: "Elements/Schedule",
  component: "linli-schedule",
  args: { groups, hub: redHouse, now: TUESDAY_8AM },
  argTypes: { now: { control: "date" } },
  render: (args) =>
    html`<h1>桃源金星党群服务中心 · 红房子</h1>
      <linli-schedule
        .groups=${args.groups}
        .hub=${args.hub}
        .store=${args.store}
        .groupId=${args.groupId}
        .category=${args.category}
        .week=${args.week}
        .now=${args.now}
      ></linli-schedule>`,
};
export default meta;
type Story = StoryObj<Args>;

/** Tuesday 1 December 2026: 22 sessions, today highlighted. */
export const Week: Story = {
  play: async ({ canvasElement }) => {
    const root = await shadow(canvasElement);
    await expect(count(root)).toBe("本周共 22 场活动");
    await expect(root.querySelector('[aria-current="date"]')?.getAttribute("data-date")).toBe(
      "2026-12-01",
    );
  },
};

export const English: Story = {
  globals: { locale: "en" },
  play: async ({ canvasElement }) => {
    const root = await shadow(canvasElement);
    await expect(count(root)).toBe("22 sessions this week");
  },
};

/** A resident picks "Dance": the evening street-dance classes, and the new count is announced. */
export const FilteringByCategory: Story = {
  play: async ({ canvasElement }) => {
    const root = await shadow(canvasElement);
    await userEvent.selectOptions(root.querySelector('[part="category-filter"]')!, "dance");
    await waitFor(() => expect(count(root)).toBe("本周共 3 场活动"));
  },
};

/** One group's page: the Little Cloud classes Monday to Friday and the weekend outings. */
export const OneGroup: Story = { args: { groupId: "little-cloud-studio" } };

/** Another week: no day is today. */
export const NextWeek: Story = { args: { week: "2026-12-08" } };

/** In a sidebar or on a phone: a list of the days that have sessions. */
export const Narrow: Story = {
  render: (args) =>
    html`<div class="story-narrow">
      <linli-schedule .groups=${args.groups} .hub=${args.hub} .now=${args.now}></linli-schedule>
    </div>`,
  decorators: [
    (story) =>
      html`<style>
          .story-narrow {
            inline-size: 360px;
          }
        </style>
        ${story()}`,
  ],
  play: async ({ canvasElement }) => {
    const el = schedule(canvasElement);
    await waitFor(() => expect(el.getAttribute("layout")).toBe("list"));
  },
};

/** Filters that match nothing: a message and a button to clear them. */
export const NoMatches: Story = {
  args: { groupId: "street-dance", category: "baking" },
  play: async ({ canvasElement }) => {
    const root = await shadow(canvasElement);
    await expect(root.querySelector('[part="empty"]')?.textContent).toContain(
      "没有符合筛选条件的活动",
    );
  },
};

/** A hub whose groups have no timetable yet. */
export const Empty: Story = { args: { groups: [] } };

export const Loading: Story = {
  args: { groups: undefined, hub: undefined, store: pending },
  play: async ({ canvasElement }) => {
    const root = await shadow(canvasElement);
    await expect(root.querySelector('[part="loading"]')?.textContent?.trim()).toBe("正在加载日程…");
  },
};

/** The server cannot be reached: the client's message and a retry button. */
export const LoadError: Story = {
  args: { groups: undefined, hub: undefined, store: offline },
  play: async ({ canvasElement }) => {
    const root = await shadow(canvasElement);
    await waitFor(() =>
      expect(root.querySelector('[role="alert"]')?.textContent).toContain("日程加载失败"),
    );
  },
};

/** Loaded through the embedded store from @linli/client: the hub's rooms and all its groups. */
export const FromEmbeddedStore: Story = {
  args: { groups: undefined, hub: undefined, store: createEmbeddedStore() },
  play: async ({ canvasElement }) => {
    const root = await shadow(canvasElement);
    await waitFor(() => expect(count(root)).toMatch(/^本周共 \d+ 场活动$/));
  },
};

export const Dark: Story = { globals: { theme: "dark" } };
export const HighContrast: Story = { globals: { theme: "high-contrast" } };
