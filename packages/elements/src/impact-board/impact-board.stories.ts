import type { Meta, StoryObj } from "@storybook/web-components-vite";
import { html } from "lit";
import { expect, userEvent, waitFor } from "storybook/test";
import { LinliClientError, type LinliStore } from "@linli/client";
import { createEmbeddedStore } from "@linli/client/embedded";
import { gongshuActivity } from "@linli/core/fixtures";
import { createMetricRegistry, type MetricsSnapshot } from "@linli/core/metrics";
import { redHouseSnapshot, reEmployment } from "../test-support/metrics.js";
import type { LinliImpactBoard } from "./impact-board.js";
import "./linli-impact-board.js";

type Args = {
  snapshot?: MetricsSnapshot | undefined;
  store?: LinliStore | undefined;
  variant: "full" | "compact";
  metrics?: string;
};

const shadow = async (canvas: HTMLElement) => {
  const el = canvas.querySelector<LinliImpactBoard>("linli-impact-board")!;
  await el.updateComplete;
  return el.shadowRoot!;
};

/** A store whose answer never comes, to show the loading state. */
const pending = { getMetrics: () => new Promise(() => {}) } as unknown as LinliStore;
/** A store that cannot reach the server. */
const offline = {
  getMetrics: async () => {
    throw LinliClientError.local("network");
  },
} as unknown as LinliStore;

/**
 * The programme's impact: headline figures with units and period, a trend chart per monthly
 * series with a sentence and a data table, definitions one click away, and figures that could
 * not be computed explained.
 */
const meta: Meta<Args> = {
  title: "Elements/Impact board",
  component: "linli-impact-board",
  args: { snapshot: redHouseSnapshot, variant: "full" },
  argTypes: { variant: { control: "inline-radio", options: ["full", "compact"] } },
  render: (args) =>
    html`<h1>红房子 · 共富成效</h1>
      <linli-impact-board
        .snapshot=${args.snapshot}
        .store=${args.store}
        .metrics=${args.metrics}
        variant=${args.variant}
      ></linli-impact-board>`,
};
export default meta;
type Story = StoryObj<Args>;

/** January to June 2026: income uplift, coverage 81.4%, 111 requests resolved, one figure not available. */
export const Board: Story = {
  play: async ({ canvasElement }) => {
    const root = await shadow(canvasElement);
    await expect(root.querySelector('[part="chart-alt"]')?.textContent).toBe(
      "参与人月均增收从2026年1月的¥1,200上升到2026年6月的¥2,600。",
    );
  },
};

export const English: Story = {
  globals: { locale: "en" },
  play: async ({ canvasElement }) => {
    const root = await shadow(canvasElement);
    await expect(root.querySelector('[part="value"]')?.textContent).toBe("¥2,600");
  },
};

/** A resident opens the income chart's data table. */
export const DataTableOpen: Story = {
  play: async ({ canvasElement }) => {
    const root = await shadow(canvasElement);
    const toggle = root.querySelector<HTMLElement>('[part="table-toggle"]')!;
    await userEvent.click(toggle);
    await waitFor(() => expect(toggle.getAttribute("aria-expanded")).toBe("true"));
  },
};

/** A resident opens a figure's definition. */
export const DefinitionOpen: Story = {
  play: async ({ canvasElement }) => {
    const root = await shadow(canvasElement);
    await userEvent.click(root.querySelector("summary")!);
    await waitFor(() => expect(root.querySelector("details")!.open).toBe(true));
  },
};

/** A figure that could not be computed: the snapshot's reason, never 0. */
export const NotAvailable: Story = {
  args: { snapshot: { ...redHouseSnapshot, metrics: [reEmployment] } },
  play: async ({ canvasElement }) => {
    const root = await shadow(canvasElement);
    await expect(root.querySelector('[part="unavailable"]')?.textContent).toContain("无法计算");
  },
};

// Gongshu's records read on 10 December for December alone, computed by core: no month of the
// period is over, so the income figures say so instead of comparing ten days with a month.
const earlyDecember = createMetricRegistry().snapshot(
  { ...gongshuActivity, asOf: "2026-12-10" },
  { from: "2026-12", to: "2026-12" },
  "2026-12-10T09:00:00+08:00",
);
if (!earlyDecember.ok) throw new Error(earlyDecember.error.message.en);

/** Read early in a month, for that month: income figures wait for the month to end. */
export const MonthNotOver: Story = {
  args: { snapshot: earlyDecember.value },
  play: async ({ canvasElement }) => {
    const root = await shadow(canvasElement);
    await waitFor(() =>
      expect(
        [...root.querySelectorAll('[part="unavailable"]')].some((n) =>
          n.textContent?.includes("本期还没有结束的月份（数据截至 2026-12-10）"),
        ),
      ).toBe(true),
    );
  },
};

/** In a sidebar: figures and definitions, no charts. */
export const Compact: Story = {
  args: {
    variant: "compact",
    metrics: "income-uplift.mean coverage.private-firms requests.resolved",
  },
  decorators: [(story) => html`<aside class="story-sidebar">${story()}</aside>`],
};

export const Empty: Story = { args: { snapshot: { ...redHouseSnapshot, metrics: [] } } };

export const Loading: Story = {
  args: { snapshot: undefined, store: pending },
  play: async ({ canvasElement }) => {
    const root = await shadow(canvasElement);
    await expect(root.querySelector('[part="loading"]')?.textContent?.trim()).toBe("正在加载指标…");
  },
};

export const LoadError: Story = {
  args: { snapshot: undefined, store: offline },
  play: async ({ canvasElement }) => {
    const root = await shadow(canvasElement);
    await waitFor(() =>
      expect(root.querySelector('[role="alert"]')?.textContent).toContain("指标加载失败"),
    );
  },
};

/** The embedded store's demo snapshot from @linli/client. */
export const FromEmbeddedStore: Story = {
  args: { snapshot: undefined, store: createEmbeddedStore() },
  play: async ({ canvasElement }) => {
    const root = await shadow(canvasElement);
    await waitFor(() => expect(root.querySelector('[part="title"]')).not.toBeNull());
  },
};

export const Dark: Story = { globals: { theme: "dark" } };
export const HighContrast: Story = { globals: { theme: "high-contrast" } };
