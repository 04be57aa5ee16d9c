import { groupCardMessages } from "../group-card/group-card.messages.js";
import type { Catalogue } from "../internal/localize.js";

/**
 * Every string `<linli-group-directory>` shows, in zh-CN and en, plus the card's (the
 * directory passes its `strings` on to its cards, so one override object serves both).
 */
export const groupDirectoryMessages = {
  ...groupCardMessages,
  "directory.filters": { "zh-CN": "筛选社群", en: "Filter groups" },
  "directory.search": { "zh-CN": "搜索社群", en: "Search groups" },
  "directory.searchHint": {
    "zh-CN": "输入社群名称中的字词，中文或英文均可",
    en: "Type part of a group's name, in Chinese or English",
  },
  "directory.category": { "zh-CN": "类别", en: "Category" },
  "directory.allCategories": { "zh-CN": "全部类别", en: "All categories" },
  "directory.status": { "zh-CN": "状态", en: "Status" },
  "directory.allStatuses": { "zh-CN": "全部状态", en: "All statuses" },
  "directory.option": { "zh-CN": "{label}（{count}）", en: "{label} ({count})" },
  "directory.list": { "zh-CN": "社群列表", en: "Groups" },
  "directory.count.one": { "zh-CN": "共 {count} 个社群", en: "{count} group" },
  "directory.count.other": { "zh-CN": "共 {count} 个社群", en: "{count} groups" },
  "directory.found.one": {
    "zh-CN": "找到 {count} 个社群（共 {total} 个）",
    en: "{count} group found, of {total}",
  },
  "directory.found.other": {
    "zh-CN": "找到 {count} 个社群（共 {total} 个）",
    en: "{count} groups found, of {total}",
  },
  "directory.noMatch": {
    "zh-CN": "没有找到符合条件的社群",
    en: "No groups match",
  },
  "directory.noMatchHint": {
    "zh-CN": "换个关键词，或清除筛选条件再试。",
    en: "Try other words, or clear the filters.",
  },
  "directory.noGroups": { "zh-CN": "这里还没有社群。", en: "There are no groups here yet." },
  "directory.clear": { "zh-CN": "清除筛选", en: "Clear filters" },
  "directory.loading": { "zh-CN": "正在加载社群…", en: "Loading groups…" },
  "directory.error": {
    "zh-CN": "社群列表没能加载出来。",
    en: "The list of groups could not be loaded.",
  },
  "directory.retry": { "zh-CN": "重新加载", en: "Try again" },
} satisfies Catalogue<string>;

export type GroupDirectoryStringKey = keyof typeof groupDirectoryMessages;
