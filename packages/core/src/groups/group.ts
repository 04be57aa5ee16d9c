import * as z from "zod/mini";
import { IdSchema, SlugSchema } from "../common/ids.js";
import { ImageSchema } from "../common/image.js";
import { LocalizedTextSchema } from "../i18n/locale.js";
import { defineLifecycle } from "../lifecycle/lifecycle.js";
import { endAfterStart, IsoDateSchema, LocalTimeSchema, WeekdaySchema } from "../time/index.js";

/** Themes of resident groups, as the seed's hub organises them. */
export const GROUP_CATEGORIES = [
  "baking",
  "early-education",
  "dance",
  "piecework",
  "elder-care",
  "volunteering",
  "culture",
  "sports",
  "health",
  "crafts",
  "learning",
  "parenting",
  "employment",
  "neighbourhood",
] as const;
export const GroupCategorySchema = /* @__PURE__ */ (() => z.enum(GROUP_CATEGORIES))();
export type GroupCategory = z.infer<typeof GroupCategorySchema>;

export const GROUP_CATEGORY_LABELS = {
  baking: { "zh-CN": "烘焙美食", en: "Baking and food" },
  "early-education": { "zh-CN": "幼儿早教", en: "Early education" },
  dance: { "zh-CN": "舞蹈", en: "Dance" },
  piecework: { "zh-CN": "来料加工", en: "Piecework" },
  "elder-care": { "zh-CN": "为老服务", en: "Elder care" },
  volunteering: { "zh-CN": "志愿服务", en: "Volunteering" },
  culture: { "zh-CN": "文化艺术", en: "Arts and culture" },
  sports: { "zh-CN": "运动健身", en: "Sport and fitness" },
  health: { "zh-CN": "健康养生", en: "Health" },
  crafts: { "zh-CN": "手工创作", en: "Crafts" },
  learning: { "zh-CN": "学习成长", en: "Learning" },
  parenting: { "zh-CN": "亲子家庭", en: "Parents and families" },
  employment: { "zh-CN": "就业创业", en: "Jobs and enterprise" },
  neighbourhood: { "zh-CN": "邻里互助", en: "Neighbours helping neighbours" },
} as const satisfies Record<GroupCategory, { "zh-CN": string; en: string }>;

/** A group's lifecycle: staff incubate it until it runs itself (自主运营). */
export const GROUP_STATUSES = [
  "proposed",
  "incubating",
  "active",
  "self-operating",
  "archived",
] as const;
export const GroupStatusSchema = /* @__PURE__ */ (() => z.enum(GROUP_STATUSES))();
export type GroupStatus = z.infer<typeof GroupStatusSchema>;

/** What each status is called, for badges and filters; the lifecycle's labels too. */
export const GROUP_STATUS_LABELS = {
  proposed: { "zh-CN": "筹备中", en: "Proposed" },
  incubating: { "zh-CN": "孵化中", en: "Incubating" },
  active: { "zh-CN": "活跃", en: "Active" },
  "self-operating": { "zh-CN": "自主运营", en: "Self-operating" },
  archived: { "zh-CN": "已归档", en: "Archived" },
} as const satisfies Record<GroupStatus, { "zh-CN": string; en: string }>;

/**
 * The group lifecycle: proposed → incubating → active → self-operating → archived.
 * Any live group can be archived; a self-operating group can fall back to active
 * (staff take over again); nothing comes back from archived.
 *
 * @example
 * groupLifecycle.transition("incubating", "self-operating"); // refused: it must be active first
 */
export const groupLifecycle = /* @__PURE__ */ (() =>
  defineLifecycle<GroupStatus>({
    name: "group",
    transitions: {
      proposed: ["incubating", "archived"],
      incubating: ["active", "archived"],
      active: ["self-operating", "archived"],
      "self-operating": ["active", "archived"],
      archived: [],
    },
    labels: GROUP_STATUS_LABELS,
  }))();

/** Moves a group's status, or refuses with a typed `TRANSITION_REFUSED` issue. */
export const transitionGroup = /* @__PURE__ */ (() => groupLifecycle.transition)();

/** Where the group talks between sessions: a chat group (QR or invite) or a web page. */
export const ChannelSchema = /* @__PURE__ */ (() =>
  z.object({
    kind: z.enum(["wechat-group", "dingtalk-group", "web"]),
    label: LocalizedTextSchema,
    url: z.optional(z.url({ error: "INVALID_URL" })),
  }))();
export type Channel = z.infer<typeof ChannelSchema>;

/** A recurring session: on these weekdays, from start to end, in a room of the hub. */
export const SessionScheduleSchema = /* @__PURE__ */ (() =>
  z
    .object({
      weekdays: z.array(WeekdaySchema).check(z.minLength(1)),
      start: LocalTimeSchema,
      end: LocalTimeSchema,
      roomId: z.optional(IdSchema),
      title: z.optional(LocalizedTextSchema),
    })
    .check(endAfterStart()))();
export type SessionSchedule = z.infer<typeof SessionScheduleSchema>;

/** A resident group (社群): a theme, its people, its channel and its timetable. */
export const GroupSchema = /* @__PURE__ */ (() =>
  z.object({
    id: IdSchema,
    slug: SlugSchema,
    hubId: IdSchema,
    name: LocalizedTextSchema,
    /** One or two lines for a card. */
    summary: z.optional(LocalizedTextSchema),
    description: LocalizedTextSchema,
    category: GroupCategorySchema,
    status: GroupStatusSchema,
    /** Partner ids of the organisers (主理人). */
    organiserIds: z.array(IdSchema),
    memberCount: z.int().check(z.nonnegative()),
    channel: z.optional(ChannelSchema),
    schedule: z.array(SessionScheduleSchema),
    cover: z.optional(ImageSchema),
    foundedOn: z.optional(IsoDateSchema),
    /** Past statuses with the date each began, oldest first, for metrics over time. */
    statusHistory: z.optional(
      z.array(z.object({ status: GroupStatusSchema, since: IsoDateSchema })),
    ),
    /** Whether residents may sign up themselves; otherwise by invitation. */
    openToJoin: z.optional(z.boolean()),
  }))();
export type Group = z.infer<typeof GroupSchema>;

/** Filters of a group list: by category, by status, and by words in the Chinese or English name. */
export const GroupQuerySchema = /* @__PURE__ */ (() =>
  z.object({
    category: z.optional(GroupCategorySchema),
    status: z.optional(GroupStatusSchema),
    /** Matched, ignoring case, within the Chinese and the English name. */
    q: z.optional(z.string().check(z.maxLength(80))),
  }))();
export type GroupQuery = z.infer<typeof GroupQuerySchema>;

/**
 * Whether a group passes a list's filters. The directory widget, the embedded store and the
 * server all filter with it, so a search finds the same groups everywhere.
 *
 * @example
 * groups.filter((g) => matchesGroupQuery(g, { q: "baking studio" })); // the Three Moms Baking Studio
 */
export function matchesGroupQuery(
  group: Pick<Group, "category" | "status" | "name">,
  query: GroupQuery,
): boolean {
  if (query.category !== undefined && group.category !== query.category) return false;
  if (query.status !== undefined && group.status !== query.status) return false;
  const needle = query.q?.trim().toLowerCase() ?? "";
  return (
    needle === "" ||
    [group.name["zh-CN"], group.name.en ?? ""].some((n) => n.toLowerCase().includes(needle))
  );
}
