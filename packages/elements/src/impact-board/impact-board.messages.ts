import type { Catalogue } from "../internal/localize.js";

/**
 * Every string `<linli-impact-board>` shows, in zh-CN and en. Override any of them through
 * the element's `strings` property or `setStrings()`. Metric names, definitions and the
 * reasons a figure is not available come with the snapshot, in both languages.
 */
export const impactBoardMessages = {
  "impact.period": {
    "zh-CN": "统计期：{from}至{to}，数据截至{asOf}",
    en: "{from} to {to}, data as of {asOf}",
  },
  "impact.unavailable": { "zh-CN": "暂无数据", en: "Not available" },
  "impact.rose": {
    "zh-CN": "{name}从{from}的{first}上升到{to}的{last}",
    en: "{name} rose from {first} in {from} to {last} in {to}",
  },
  "impact.fell": {
    "zh-CN": "{name}从{from}的{first}下降到{to}的{last}",
    en: "{name} fell from {first} in {from} to {last} in {to}",
  },
  "impact.flat": {
    "zh-CN": "{name}从{from}到{to}保持在{last}",
    en: "{name} stayed at {last} from {from} to {to}",
  },
  "impact.gaps": { "zh-CN": "（{count} 个月暂无数据）", en: " ({count} months without data)" },
  "impact.noTrend": {
    "zh-CN": "月度数据不足，无法绘制趋势。",
    en: "Not enough monthly data for a trend.",
  },
  "impact.showTable": { "zh-CN": "显示数据表", en: "Show data table" },
  "impact.hideTable": { "zh-CN": "隐藏数据表", en: "Hide data table" },
  "impact.month": { "zh-CN": "月份", en: "Month" },
  "impact.value": { "zh-CN": "数值", en: "Value" },
  "impact.definition": { "zh-CN": "定义与口径", en: "Definition" },
  "impact.calculation": { "zh-CN": "计算方法", en: "Calculation" },
  "impact.assumptions": { "zh-CN": "假设", en: "Assumptions" },
  "impact.footnotes": { "zh-CN": "注释", en: "Footnotes" },
  "impact.version": { "zh-CN": "口径版本", en: "Version" },
  "impact.empty": { "zh-CN": "暂无指标。", en: "No figures yet." },
  "impact.loading": { "zh-CN": "正在加载指标…", en: "Loading the figures…" },
  "impact.error": { "zh-CN": "指标加载失败。", en: "The figures could not be loaded." },
  "impact.retry": { "zh-CN": "重新加载", en: "Try again" },
  "unit.people": { "zh-CN": "{value} 人", en: "{value} people" },
  "unit.groups": { "zh-CN": "{value} 个", en: "{value} groups" },
  "unit.sessions": { "zh-CN": "{value} 场", en: "{value} sessions" },
  "unit.visits": { "zh-CN": "{value} 人次", en: "{value} visits" },
  "unit.requests": { "zh-CN": "{value} 件", en: "{value} requests" },
  "unit.count": { "zh-CN": "{value}", en: "{value}" },
} satisfies Catalogue<string>;

export type ImpactBoardStringKey = keyof typeof impactBoardMessages;
