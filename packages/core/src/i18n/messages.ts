import { fieldValidationMessages, fillMessage, type MessageParams } from "./field-messages.js";
import type { BilingualText, Locale } from "./locale.js";

export type { MessageParams };

/** Money: amounts, currencies and ratios. */
export const moneyMessages = {
  CURRENCY_MISMATCH: {
    "zh-CN": "币种不一致：{expected} 与 {actual} 不能相加或比较",
    en: "Currencies differ: {expected} and {actual} cannot be combined",
  },
  UNKNOWN_CURRENCY: { "zh-CN": "不支持的币种：{value}", en: "Unsupported currency: {value}" },
  AMOUNT_NOT_INTEGER: {
    "zh-CN": "金额必须是最小货币单位的整数（收到 {value}）",
    en: "An amount must be a whole number of minor units (got {value})",
  },
  AMOUNT_OVERFLOW: {
    "zh-CN": "金额超出可精确表示的范围",
    en: "The amount is too large to represent exactly",
  },
  INVALID_RATIO: {
    "zh-CN": "比例必须是整数分子和正整数分母",
    en: "A ratio needs a whole-number numerator and a positive whole-number denominator",
  },
  INVALID_WEIGHTS: {
    "zh-CN": "分配权重必须是非负整数，且至少有一个大于零",
    en: "Allocation weights must be whole numbers of zero or more, at least one above zero",
  },
  INVALID_DECIMAL: {
    "zh-CN": "“{input}”不是有效金额",
    en: "“{input}” is not a valid amount",
  },
  TOO_MANY_DECIMALS: {
    "zh-CN": "{currency} 最多 {exponent} 位小数",
    en: "{currency} has at most {exponent} decimal places",
  },
} as const satisfies Record<string, BilingualText>;

/** Lifecycles: a status change that is not allowed. */
export const lifecycleMessages = {
  TRANSITION_REFUSED: {
    "zh-CN": "不能从“{fromLabel}”变为“{toLabel}”",
    en: "Cannot change from “{fromLabel}” to “{toLabel}”",
  },
} as const satisfies Record<string, BilingualText>;

/** Revenue-split rules, settlement, refunds and the ledger. */
export const splitMessages = {
  SHARES_NOT_100: {
    "zh-CN": "分成比例合计必须为 100%（现为 {percent}%）",
    en: "Shares must add up to 100% (they add up to {percent}%)",
  },
  TIER_START: { "zh-CN": "第一档必须从 0 开始", en: "The first tier must start at 0" },
  TIER_GAP: {
    "zh-CN": "分档之间有空档：上一档止于 {previous}，这一档从 {from} 开始",
    en: "There is a gap between tiers: the previous one ends at {previous}, this one starts at {from}",
  },
  TIER_OVERLAP: {
    "zh-CN": "分档重叠：上一档止于 {previous}，这一档从 {from} 开始",
    en: "Tiers overlap: the previous one ends at {previous}, this one starts at {from}",
  },
  TIER_EMPTY: { "zh-CN": "分档的上限必须大于起点", en: "A tier must end above where it starts" },
  TIER_OPEN_END: {
    "zh-CN": "只有最后一档可以不设上限，且最后一档必须不设上限",
    en: "Only the last tier may be open-ended, and it must be",
  },
  NEGATIVE_FEE: { "zh-CN": "费用不能为负数", en: "A fee cannot be negative" },
  CAP_BELOW_FLOOR: {
    "zh-CN": "封顶金额不能低于保底金额",
    en: "A cap cannot be below the floor",
  },
  UNKNOWN_PARTY: {
    "zh-CN": "规则里没有参与方 {value}",
    en: "There is no party {value} in this rule set",
  },
  SAME_PARTY: { "zh-CN": "付款方和收款方不能相同", en: "The payer and the payee must differ" },
  VERSION_OVERLAP: {
    "zh-CN": "第 {version} 版与上一版的生效时间重叠",
    en: "Version {version} overlaps the previous version's dates",
  },
  VERSION_ORDER: { "zh-CN": "版本号必须递增", en: "Version numbers must increase" },
  RANGE_EMPTY: {
    "zh-CN": "失效时间必须晚于生效时间",
    en: "The end date must be after the start date",
  },
  NO_RULE_IN_FORCE: {
    "zh-CN": "{at} 没有生效的分成规则",
    en: "No split rule is in force at {at}",
  },
  SALE_NOT_POSITIVE: { "zh-CN": "销售金额必须大于零", en: "A sale must be for more than zero" },
  REFUND_TOO_LARGE: {
    "zh-CN": "退款超出可退金额（最多还能退 {remaining}）",
    en: "The refund is more than what is left to refund ({remaining})",
  },
  LEDGER_UNBALANCED: {
    "zh-CN": "账目不平：交易 {value} 借贷不相等",
    en: "The ledger does not balance: transaction {value}",
  },
  REFUND_NOT_POSITIVE: {
    "zh-CN": "退款金额必须大于零",
    en: "A refund must be for more than zero",
  },
  // For staff: on collection, and when a partner is given a rule set.
  NO_RULE_SET: {
    "zh-CN": "这个社群还没有分账规则：请先为它的主理人设置分账规则，再标记为已取货",
    en: "This group has no revenue-split rule set: give its organisers one before marking orders collected",
  },
  RULE_SET_NOT_THEIRS: {
    "zh-CN": "这套分账规则不给这位合伙人或其社群的主理人分账",
    en: "This rule set pays neither this partner nor their groups' organisers",
  },
} as const satisfies Record<string, BilingualText>;

/** Co-prosperity metrics: why a figure is not available, and bad periods. */
export const metricsMessages = {
  NO_BASELINE: {
    "zh-CN": "没有参与人登记了收入基线，无法计算增收",
    en: "No participant has a recorded income baseline, so uplift cannot be computed",
  },
  NO_INCOME_DATA: {
    "zh-CN": "本期没有通过平台结算收入的参与人",
    en: "No participant had income settled through the platform in this period",
  },
  NO_PARTICIPANTS: { "zh-CN": "本期没有参与人", en: "No one took part in this period" },
  ZERO_DENOMINATOR: {
    "zh-CN": "分母为零（{denominator}），比例无法计算",
    en: "The denominator ({denominator}) is zero, so the ratio cannot be computed",
  },
  NOT_RECORDED: {
    "zh-CN": "平台自 {since} 起才有记录，本期没有数据",
    en: "The platform has records only from {since}; there is no data for this period",
  },
  FUTURE_PERIOD: {
    "zh-CN": "这一时期还没有到来（数据截至 {asOf}）",
    en: "This period has not happened yet (data as of {asOf})",
  },
  MONTH_NOT_OVER: {
    "zh-CN": "本期还没有结束的月份（数据截至 {asOf}）：不足一个月的收入不与月收入基线比较",
    en: "No month of this period is over yet (data as of {asOf}); part of a month's income is not compared with a monthly baseline",
  },
  NO_OBSERVATION: {
    "zh-CN": "本期之前没有覆盖率的统计",
    en: "There is no coverage count up to this period",
  },
  INVALID_PERIOD: {
    "zh-CN": "时期无效：{from} 至 {to}",
    en: "The period is not valid: {from} to {to}",
  },
  PERIOD_TOO_LONG: {
    "zh-CN": "一次最多查询 {maximum} 个月（{from} 至 {to} 共 {months} 个月）",
    en: "A period can be at most {maximum} months long ({from} to {to} is {months})",
  },
  DUPLICATE_METRIC: {
    "zh-CN": "指标 {value} 已经登记",
    en: "The metric {value} is already registered",
  },
  UNKNOWN_METRIC: { "zh-CN": "没有指标 {value}", en: "There is no metric {value}" },
} as const satisfies Record<string, BilingualText>;

/** Partner recruitment: calls and applications. */
export const recruitmentMessages = {
  APPLICATIONS_NOT_OPEN: {
    "zh-CN": "招募将于 {opensAt} 开始接受申请",
    en: "Applications open at {opensAt}",
  },
  APPLICATIONS_CLOSED: {
    "zh-CN": "招募已于 {deadline} 截止",
    en: "Applications closed at {deadline}",
  },
  POLICY_VERSION_MISMATCH: {
    "zh-CN": "隐私说明已更新（现为 {expected} 版），请重新阅读并同意后再提交",
    en: "The privacy notice has changed (it is now version {expected}): read and agree to it again before you submit",
  },
} as const satisfies Record<string, BilingualText>;

/** Requests as the stores take them. */
export const requestMessages = {
  KEY_REUSED: {
    "zh-CN": "这个请求编号已用于另一份不同的请求",
    en: "This idempotency key was already used for a different request",
  },
  NO_MENU_ON_DATE: { "zh-CN": "{date} 没有菜单", en: "There is no menu for {date}" },
} as const satisfies Record<string, BilingualText>;

/** Preorder rules: what an order may ask of a menu. */
export const orderMessages = {
  EMPTY_ORDER: { "zh-CN": "请至少选择一件商品", en: "Choose at least one item" },
  MENU_MISMATCH: { "zh-CN": "订单不属于这份菜单", en: "This order is for a different menu" },
  CUTOFF_PASSED: {
    "zh-CN": "已过截单时间（{cutoff}），今天的预订已结束",
    en: "Ordering closed at {cutoff}",
  },
  NOT_YET_OPEN: { "zh-CN": "预订将于 {opensAt} 开始", en: "Ordering opens at {opensAt}" },
  UNKNOWN_ITEM: { "zh-CN": "菜单上没有这件商品", en: "This item is not on the menu" },
  DUPLICATE_LINE: { "zh-CN": "同一商品请只填一行", en: "List each item only once" },
  SOLD_OUT: { "zh-CN": "“{item}”已售罄", en: "“{item}” is sold out" },
  INSUFFICIENT_STOCK: {
    "zh-CN": "“{item}”只剩 {remaining} 份",
    en: "Only {remaining} left of “{item}”",
  },
  PER_ORDER_LIMIT: {
    "zh-CN": "“{item}”每单最多 {limit} 份",
    en: "You can order at most {limit} of “{item}”",
  },
  UNKNOWN_SLOT: { "zh-CN": "请选择一个取货时段", en: "Select a pickup time" },
  SLOT_FULL: {
    "zh-CN": "{slot} 的取货时段已约满",
    en: "The {slot} pickup time is full",
  },
} as const satisfies Record<string, BilingualText>;

/**
 * Every message Linli produces, keyed by a stable machine code: {@link fieldValidationMessages}
 * and the sections above, merged. Templates use `{name}` placeholders filled by
 * {@link formatMessage}. Codes are part of the public API: hosts switch on them, and may
 * override the text with {@link MessageOverrides}. Rules word their issues from their own
 * section, so a browser bundle carries only the sections it uses.
 */
// Wrapped so a bundler can drop the catalogue when nothing uses it (a spread is not pure).
export const messages = /* @__PURE__ */ (() => ({
  ...fieldValidationMessages,
  ...moneyMessages,
  ...lifecycleMessages,
  ...splitMessages,
  ...metricsMessages,
  ...recruitmentMessages,
  ...requestMessages,
  ...orderMessages,
}))();

/** A machine code for every message Linli can produce. */
export type MessageCode = keyof typeof messages;

/** Host-provided replacements for any message, per locale. */
export type MessageOverrides = Partial<Record<MessageCode, Partial<BilingualText>>>;

/**
 * Fills a message template. `{Label}` inserts `label` with its first letter capitalised,
 * so English sentences can start with a field's label.
 *
 * @example
 * formatMessage("SOLD_OUT", { item: "虎皮奶油卷" }, "zh-CN"); // "“虎皮奶油卷”已售罄"
 */
export function formatMessage(
  code: MessageCode,
  params: MessageParams,
  locale: Locale,
  overrides?: MessageOverrides,
): string {
  const template = overrides?.[code]?.[locale] ?? messages[code][locale];
  return fillMessage(template, params, locale);
}

/**
 * Message templates by code: the whole {@link messages}, one of its sections
 * ({@link orderMessages}, {@link fieldValidationMessages}, …), or a merge of some.
 */
export type MessageCatalogue = Readonly<Record<string, BilingualText>>;

/**
 * Both locales of one message, from the catalogue given: what core's rules use with their
 * own section, so a bundle that checks orders carries the order messages and no others.
 *
 * @example
 * bilingualIn(orderMessages, "SOLD_OUT", { item: "虎皮奶油卷" }).en; // "“虎皮奶油卷” is sold out"
 */
export function bilingualIn<C extends MessageCatalogue>(
  catalogue: C,
  code: keyof C & string,
  params: MessageParams = {},
): BilingualText {
  const template = catalogue[code]!;
  return {
    "zh-CN": fillMessage(template["zh-CN"], params, "zh-CN"),
    en: fillMessage(template.en, params, "en"),
  };
}

/**
 * Both locales of one message from the whole catalogue.
 *
 * @example
 * bilingual("SOLD_OUT", { item: "虎皮奶油卷" })["zh-CN"]; // "“虎皮奶油卷”已售罄"
 */
export function bilingual(code: MessageCode, params: MessageParams = {}): BilingualText {
  return bilingualIn(messages, code, params);
}
