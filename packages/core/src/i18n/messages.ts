import type { BilingualText, Locale } from "./locale.js";

/**
 * Every message Linli produces, keyed by a stable machine code. Templates use `{name}`
 * placeholders filled by {@link formatMessage}. Codes are part of the public API: hosts
 * switch on them, and may override the text with {@link MessageOverrides}.
 */
export const messages = {
  // Field validation (shown beside a form field).
  REQUIRED: { "zh-CN": "请填写{label}", en: "Enter {label}" },
  REQUIRED_CHOICE: { "zh-CN": "请选择{label}", en: "Select {label}" },
  TOO_SHORT: {
    "zh-CN": "{label}至少需要 {minimum} 个字",
    en: "{Label} must be {minimum} characters or more",
  },
  TOO_LONG: {
    "zh-CN": "{label}不能超过 {maximum} 个字",
    en: "{Label} must be {maximum} characters or fewer",
  },
  TOO_FEW: { "zh-CN": "{label}至少选择 {minimum} 项", en: "Select at least {minimum} for {label}" },
  TOO_MANY: { "zh-CN": "{label}最多 {maximum} 项", en: "{Label} can have at most {maximum}" },
  TOO_SMALL: { "zh-CN": "{label}不能小于 {minimum}", en: "{Label} must be {minimum} or more" },
  TOO_SMALL_EXCLUSIVE: {
    "zh-CN": "{label}必须大于 {minimum}",
    en: "{Label} must be more than {minimum}",
  },
  TOO_BIG_EXCLUSIVE: {
    "zh-CN": "{label}必须小于 {maximum}",
    en: "{Label} must be less than {maximum}",
  },
  TOO_BIG: { "zh-CN": "{label}不能大于 {maximum}", en: "{Label} must be {maximum} or less" },
  NOT_INTEGER: { "zh-CN": "{label}必须是整数", en: "{Label} must be a whole number" },
  INVALID_TYPE: { "zh-CN": "{label}的格式不正确", en: "{Label} is not in the right format" },
  INVALID_OPTION: { "zh-CN": "{label}不是可选的选项", en: "{Label} is not one of the options" },
  INVALID_FORMAT: { "zh-CN": "{label}的格式不正确", en: "{Label} is not in the right format" },
  INVALID_PHONE: {
    "zh-CN": "请输入正确的 11 位手机号码，例如 138 0013 8000",
    en: "Enter a mobile phone number in the correct format, like 138 0013 8000",
  },
  INVALID_DATE: {
    "zh-CN": "{label}必须是有效日期，例如 2026-12-01",
    en: "{Label} must be a real date, like 2026-12-01",
  },
  INVALID_TIME: {
    "zh-CN": "{label}必须是有效时间，例如 18:00",
    en: "{Label} must be a real time, like 18:00",
  },
  INVALID_DATETIME: {
    "zh-CN": "{label}必须是带时区的日期时间",
    en: "{Label} must be a date and time with a time zone",
  },
  INVALID_TIME_ZONE: { "zh-CN": "{label}不是有效的时区", en: "{Label} is not a known time zone" },
  INVALID_URL: {
    "zh-CN": "{label}必须是有效网址",
    en: "{Label} must be a web address, like https://example.org",
  },
  INVALID_ID: {
    "zh-CN": "{label}只能包含字母、数字、下划线和连字符",
    en: "{Label} can only contain letters, numbers, underscores and hyphens",
  },
  INVALID_SLUG: {
    "zh-CN": "{label}只能包含小写字母、数字和连字符",
    en: "{Label} can only contain lower-case letters, numbers and hyphens",
  },
  CONSENT_REQUIRED: {
    "zh-CN": "请阅读并同意隐私说明后再提交",
    en: "Read and agree to the privacy notice before you submit",
  },
  END_BEFORE_START: {
    "zh-CN": "结束时间必须晚于开始时间",
    en: "The end time must be after the start time",
  },
  RESOLVED_BEFORE_RECEIVED: {
    "zh-CN": "办结日期不能早于受理日期",
    en: "The date resolved cannot be before the date received",
  },
  DUPLICATE_ID: { "zh-CN": "编号 {value} 重复", en: "The id {value} is used twice" },
  UNKNOWN_REFERENCE: {
    "zh-CN": "找不到编号为 {value} 的{target}",
    en: "There is no {target} with the id {value}",
  },
  UNKNOWN_FIELD: { "zh-CN": "不认识的字段：{keys}", en: "Unknown field: {keys}" },
  INVALID_INPUT: { "zh-CN": "{label}无效", en: "{Label} is not valid" },

  // Money.
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

  // Lifecycles.
  TRANSITION_REFUSED: {
    "zh-CN": "不能从“{fromLabel}”变为“{toLabel}”",
    en: "Cannot change from “{fromLabel}” to “{toLabel}”",
  },

  // Revenue-split rules.
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
  REFUND_NOT_POSITIVE: { "zh-CN": "退款金额必须大于零", en: "A refund must be for more than zero" },

  // Metrics: why a figure is not available.
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
  NO_OBSERVATION: {
    "zh-CN": "本期之前没有覆盖率的统计",
    en: "There is no coverage count up to this period",
  },
  INVALID_PERIOD: {
    "zh-CN": "时期无效：{from} 至 {to}",
    en: "The period is not valid: {from} to {to}",
  },
  DUPLICATE_METRIC: {
    "zh-CN": "指标 {value} 已经登记",
    en: "The metric {value} is already registered",
  },
  UNKNOWN_METRIC: { "zh-CN": "没有指标 {value}", en: "There is no metric {value}" },

  // Preorder rules.
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

/** A machine code for every message Linli can produce. */
export type MessageCode = keyof typeof messages;

/** Host-provided replacements for any message, per locale. */
export type MessageOverrides = Partial<Record<MessageCode, Partial<BilingualText>>>;

/** Values that fill a template's `{placeholders}`; a bilingual value is picked per locale. */
export type MessageParams = Readonly<Record<string, string | number | BilingualText>>;

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
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const lower = key.charAt(0).toLowerCase() + key.slice(1);
    const value = params[key] ?? params[lower];
    if (value === undefined) return whole;
    const text = typeof value === "object" ? value[locale] : String(value);
    return key !== lower ? text.charAt(0).toUpperCase() + text.slice(1) : text;
  });
}

/** Both locales of one message. */
export function bilingual(code: MessageCode, params: MessageParams = {}): BilingualText {
  return { "zh-CN": formatMessage(code, params, "zh-CN"), en: formatMessage(code, params, "en") };
}
