import type { Meta, StoryObj } from "@storybook/web-components-vite";
import { html } from "lit";
import { expect, waitFor } from "storybook/test";
import type { PublicGroup } from "@linli/core/contract";
import {
  illustrated,
  redHouseGroup,
  redHouseGroups,
  riceWineStall,
  TUESDAY_8AM,
} from "../test-support/groups.js";
import type { LinliGroupCard } from "./group-card.js";
import "./linli-group-card.js";

type Args = {
  group: Partial<PublicGroup> | undefined;
  headingLevel: number;
  joinHref?: string;
  now: number;
};

const [bakery] = illustrated([redHouseGroup("three-moms-baking")]);
const firstWith = (status: PublicGroup["status"]) =>
  illustrated(redHouseGroups.filter((g) => g.status === status))[0]!;

const card = (canvas: HTMLElement) => canvas.querySelector<LinliGroupCard>("linli-group-card")!;
const shadow = async (canvas: HTMLElement) => {
  const el = card(canvas);
  await el.updateComplete;
  return el.shadowRoot!;
};

/**
 * One resident group as a card: what it is, who runs it, when it next meets, and how to join.
 * Pick the language and the theme in the toolbar; every story is also a test (its play
 * function, and axe).
 */
const meta: Meta<Args> = {
  title: "Elements/Group card",
  component: "linli-group-card",
  args: { group: bakery, headingLevel: 3, now: TUESDAY_8AM },
  argTypes: {
    headingLevel: { control: { type: "select" }, options: [2, 3, 4, 5, 6] },
    now: { control: "date" },
  },
  render: (args) =>
    html`<div class="story-card">
      <linli-group-card
        .group=${args.group}
        .headingLevel=${args.headingLevel}
        .joinHref=${args.joinHref}
        .now=${args.now}
      ></linli-group-card>
    </div>`,
};
export default meta;
type Story = StoryObj<Args>;

/** The Three Moms Baking Studio, self-operating, in Chinese (the default language). */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    const root = await shadow(canvasElement);
    await expect(root.querySelector("h3")?.textContent).toBe("三个妈妈烘焙工作室");
    await expect(root.querySelector('[part~="status"]')?.textContent).toBe("自主运营");
    await expect(root.querySelector('[part="next-session"]')?.textContent?.trim()).toBe(
      "12月1日周二 08:00–11:30",
    );
  },
};

export const English: Story = {
  globals: { locale: "en" },
  play: async ({ canvasElement }) => {
    const root = await shadow(canvasElement);
    await expect(root.querySelector("h3")?.textContent).toBe("Three Moms Baking Studio");
    await expect(root.querySelector('[part="category"]')?.textContent).toBe("Baking and food");
  },
};

export const Proposed: Story = { args: { group: firstWith("proposed") } };
export const Incubating: Story = { args: { group: firstWith("incubating") } };
export const Active: Story = { args: { group: firstWith("active") } };
export const SelfOperating: Story = { args: { group: firstWith("self-operating") } };
export const Archived: Story = {
  args: { group: { ...bakery, status: "archived" } },
  play: async ({ canvasElement }) => {
    const root = await shadow(canvasElement);
    await expect(root.querySelector('[part="closed"]')?.textContent?.trim()).toBe("已停止活动");
  },
};

/** A night-market stall that takes no members: a note instead of a join button. */
export const NotTakingMembers: Story = { args: { group: riceWineStall } };

export const LongText: Story = {
  args: {
    group: {
      ...bakery,
      name: {
        "zh-CN": "桃源金星社区三个妈妈烘焙工作室暨半山街道共富工坊亲子烘焙体验与社区食堂志愿服务队",
        en: "Taoyuan Jinxing Three Moms Baking Studio, Banshan Co-prosperity Workshop, Parent-and-Child Baking Club and Community Canteen Volunteers",
      },
      summary: {
        "zh-CN":
          "二孩妈妈胡老师和两位全职妈妈每天商量当天的菜单，拍照放在群里售卖，下午在红房子取货。“今天烤了什么？”“虎皮奶油卷可以预订吗？”“我想要一杯水果杯。”几乎每天都能卖完。周末还开设亲子烘焙课，欢迎邻居们带孩子一起来。",
        en: "Three mothers agree a menu each morning, photograph it and sell it in the group chat; residents collect in the afternoon at the Red House. Almost everything sells out every day, and at weekends there are parent-and-child baking classes.",
      },
      organisers: [
        { id: "a", name: "胡老师（烘焙主理人、二孩妈妈）", roles: ["organiser"], groupIds: [] },
        { id: "b", name: "周**", roles: ["organiser"], groupIds: [] },
        { id: "c", name: "王*", roles: ["organiser"], groupIds: [] },
      ],
      memberCount: 12_486,
    },
  },
  play: async ({ canvasElement }) => {
    const root = await shadow(canvasElement);
    const h = root.querySelector("h3")!;
    await expect(h.scrollWidth).toBeLessThanOrEqual(h.clientWidth);
  },
};

export const NoImage: Story = { args: { group: { ...bakery, cover: undefined } } };

/** The cover fails to load: the placeholder takes its place. */
export const BrokenImage: Story = {
  args: {
    group: { ...bakery, cover: { url: "images/missing.webp", alt: { "zh-CN": "活动照片" } } },
  },
  play: async ({ canvasElement }) => {
    const root = await shadow(canvasElement);
    await waitFor(() => expect(root.querySelector('[part="image-placeholder"]')).not.toBeNull());
  },
};

/** Only a name: everything else is left out, nothing breaks. */
export const MissingFields: Story = {
  args: { group: { id: "new-group", name: { "zh-CN": "新成立的社群" } } },
};

/** A name with markup and a script is shown as text, never run. */
export const NameWithHtml: Story = {
  args: {
    group: {
      ...bakery,
      name: { "zh-CN": `<img src=x onerror="alert(1)"><script>alert(2)</script>烘焙` },
    },
  },
  play: async ({ canvasElement }) => {
    const root = await shadow(canvasElement);
    await expect(root.querySelector("h3")?.textContent).toBe(
      `<img src=x onerror="alert(1)"><script>alert(2)</script>烘焙`,
    );
    await expect(root.querySelector("script")).toBeNull();
  },
};

/** With `join-href`, the call to action is a link (`{slug}` filled in). */
export const JoinLink: Story = {
  args: { joinHref: "/groups/{slug}/join" },
  play: async ({ canvasElement }) => {
    const root = await shadow(canvasElement);
    await expect(root.querySelector("a")?.getAttribute("href")).toBe(
      "/groups/three-moms-baking/join",
    );
  },
};

/** Without `join-href`, the button fires `linli-group-join` for the host to handle. */
export const JoinEvent: Story = {
  play: async ({ canvasElement }) => {
    const root = await shadow(canvasElement);
    let detail: unknown;
    canvasElement.addEventListener("linli-group-join", (e) => (detail = e.detail), { once: true });
    root.querySelector("button")!.click();
    await expect(detail).toEqual({
      groupId: "three-moms-baking",
      slug: "three-moms-baking",
      name: "三个妈妈烘焙工作室",
    });
  },
};

/** The host page's outline has an h1 and no h2 yet: the card's name becomes an h2. */
export const HeadingLevel2: Story = { args: { headingLevel: 2 } };

export const Dark: Story = { globals: { theme: "dark" } };
export const DarkEnglish: Story = { globals: { theme: "dark", locale: "en" } };
export const HighContrast: Story = { globals: { theme: "high-contrast" } };
