import type { Meta, StoryObj } from "@storybook/web-components-vite";
import { html } from "lit";
import { expect, userEvent, waitFor } from "storybook/test";
import { LinliClientError, type LinliStore } from "@linli/client";
import { createEmbeddedStore } from "@linli/client/embedded";
import type { PublicGroup } from "@linli/core/contract";
import { illustrated, manyGroups, redHouseGroups, TUESDAY_8AM } from "../test-support/groups.js";
import type { LinliGroupDirectory } from "./group-directory.js";
import "./linli-group-directory.js";

type Args = {
  groups?: readonly PublicGroup[] | undefined;
  store?: LinliStore | undefined;
  q: string;
  category: string;
  status: string;
  headingLevel: number;
  joinHref?: string;
  now: number;
};

const redHouse = illustrated(redHouseGroups);

const directory = (canvas: HTMLElement) =>
  canvas.querySelector<LinliGroupDirectory>("linli-group-directory")!;
const shadow = async (canvas: HTMLElement) => {
  const el = directory(canvas);
  await el.updateComplete;
  return el.shadowRoot!;
};
const announced = (root: ShadowRoot) => root.querySelector('[role="status"]')?.textContent;

/** A store whose answer never comes, to show the loading state. */
const pending: LinliStore = { listGroups: () => new Promise(() => {}) } as unknown as LinliStore;
/** A store that cannot reach the server. */
const offline: LinliStore = {
  listGroups: async () => {
    throw LinliClientError.local("network");
  },
} as unknown as LinliStore;

/**
 * The red house's resident groups as a searchable grid. Search works on Chinese and English
 * names; the count is announced to screen readers when typing pauses.
 */
const meta: Meta<Args> = {
  title: "Elements/Group directory",
  component: "linli-group-directory",
  args: { groups: redHouse, q: "", category: "", status: "", headingLevel: 3, now: TUESDAY_8AM },
  argTypes: { now: { control: "date" } },
  render: (args) =>
    html`<h1>桃源金星党群服务中心 · 红房子</h1>
      <h2>社群</h2>
      <linli-group-directory
        .groups=${args.groups}
        .store=${args.store}
        .q=${args.q}
        .category=${args.category}
        .status=${args.status}
        .headingLevel=${args.headingLevel}
        .joinHref=${args.joinHref}
        .now=${args.now}
      ></linli-group-directory>`,
};
export default meta;
type Story = StoryObj<Args>;

/** The red house's 62 groups, from the fixtures. */
export const RedHouse: Story = {
  play: async ({ canvasElement }) => {
    const root = await shadow(canvasElement);
    await expect(root.querySelectorAll("linli-group-card")).toHaveLength(62);
    await expect(announced(root)).toBe("共 62 个社群");
  },
};

export const English: Story = {
  globals: { locale: "en" },
  play: async ({ canvasElement }) => {
    const root = await shadow(canvasElement);
    await expect(announced(root)).toBe("62 groups");
  },
};

/** A resident types 妈妈 ("mum"): two groups, and the new count is announced. */
export const Searching: Story = {
  play: async ({ canvasElement }) => {
    const root = await shadow(canvasElement);
    await userEvent.type(root.querySelector("input")!, "妈妈");
    await waitFor(() => expect(announced(root)).toBe("找到 2 个社群（共 62 个）"));
    await expect(root.querySelectorAll("linli-group-card")).toHaveLength(2);
  },
};

export const FilteredByCategory: Story = { args: { category: "baking" } };
export const SelfOperatingOnly: Story = { args: { status: "self-operating" } };

export const NoMatches: Story = {
  args: { q: "潜水" },
  play: async ({ canvasElement }) => {
    const root = await shadow(canvasElement);
    await expect(root.querySelector('[part="empty"]')?.textContent).toContain(
      "没有找到符合条件的社群",
    );
  },
};

/** A hub with no groups yet. */
export const Empty: Story = { args: { groups: [] } };

export const Loading: Story = {
  args: { groups: undefined, store: pending },
  play: async ({ canvasElement }) => {
    const root = await shadow(canvasElement);
    await expect(announced(root)).toBe("正在加载社群…");
  },
};

/** The server cannot be reached: the client's message and a retry button. */
export const LoadError: Story = {
  args: { groups: undefined, store: offline },
  play: async ({ canvasElement }) => {
    const root = await shadow(canvasElement);
    await waitFor(() =>
      expect(root.querySelector('[role="alert"]')?.textContent).toContain("网络连接失败"),
    );
  },
};

/** Loaded through the embedded store from @linli/client, as a static page with no server would. */
export const FromEmbeddedStore: Story = {
  args: { groups: undefined, store: createEmbeddedStore() },
  play: async ({ canvasElement }) => {
    const root = await shadow(canvasElement);
    await waitFor(() => expect(root.querySelectorAll("linli-group-card")).toHaveLength(62));
  },
};

export const Dark: Story = { globals: { theme: "dark" } };
export const HighContrast: Story = { globals: { theme: "high-contrast" } };

/** 1,000 groups, to feel the scale (not run as a test: the bench measures it). */
export const AThousandGroups: Story = {
  tags: ["!test"],
  args: { groups: illustrated(manyGroups(1000)) },
};
