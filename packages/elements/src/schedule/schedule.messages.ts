import { GROUP_CATEGORY_LABELS, type GroupCategory } from "@linli/core/groups";
import type { Catalogue } from "../internal/localize.js";

const categories = Object.fromEntries(
  Object.entries(GROUP_CATEGORY_LABELS).map(([k, v]) => [`category.${k}`, v]),
) as Catalogue<`category.${GroupCategory}`>;

/**
 * Every string `<linli-schedule>` shows, in zh-CN and en. Override any of them through the
 * element's `strings` property or `setStrings()`. Category names come from @linli/core.
 */
export const scheduleMessages = {
  "schedule.title": { "zh-CN": "活动日程 {range}", en: "Timetable, {range}" },
  "schedule.previous": { "zh-CN": "上一周", en: "Previous week" },
  "schedule.thisWeek": { "zh-CN": "本周", en: "This week" },
  "schedule.next": { "zh-CN": "下一周", en: "Next week" },
  "schedule.group": { "zh-CN": "社群", en: "Group" },
  "schedule.allGroups": { "zh-CN": "全部社群", en: "All groups" },
  "schedule.category": { "zh-CN": "类别", en: "Category" },
  "schedule.allCategories": { "zh-CN": "全部类别", en: "All categories" },
  "schedule.count.one": { "zh-CN": "本周共 {count} 场活动", en: "{count} session this week" },
  "schedule.count.other": { "zh-CN": "本周共 {count} 场活动", en: "{count} sessions this week" },
  "schedule.today": { "zh-CN": "今天", en: "Today" },
  "schedule.noSessions": { "zh-CN": "无活动", en: "No sessions" },
  "schedule.empty": { "zh-CN": "本周没有安排活动。", en: "No sessions are planned this week." },
  "schedule.noMatch": {
    "zh-CN": "没有符合筛选条件的活动。",
    en: "No sessions match these filters.",
  },
  "schedule.clear": { "zh-CN": "清除筛选", en: "Clear filters" },
  "schedule.room": { "zh-CN": "地点", en: "Room" },
  "schedule.exportWeek": { "zh-CN": "下载本周日程（.ics）", en: "Download this week (.ics)" },
  "schedule.exportSession": { "zh-CN": "加入日历", en: "Add to calendar" },
  /** Read after "Add to calendar", so each button names its session. */
  "schedule.exportSession.context": { "zh-CN": "：{group}，{when}", en: ": {group}, {when}" },
  "schedule.calendarName": { "zh-CN": "{hub}活动日程", en: "{hub} timetable" },
  "schedule.hub": { "zh-CN": "服务中心", en: "Service hub" },
  "schedule.loading": { "zh-CN": "正在加载日程…", en: "Loading the timetable…" },
  "schedule.error": { "zh-CN": "日程加载失败。", en: "The timetable could not be loaded." },
  "schedule.retry": { "zh-CN": "重新加载", en: "Try again" },
  ...categories,
} satisfies Catalogue<string>;

export type ScheduleStringKey = keyof typeof scheduleMessages;
