import type { BilingualText, Locale } from "./locale.js";

/**
 * The messages a form shows beside a field, by code: the part of Linli's catalogue that
 * validation produces. Kept apart from the rest of the catalogue so a browser form can show
 * them (with {@link fillMessage}) without shipping every rule's messages.
 */
export const fieldValidationMessages = {
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
  DEADLINE_BEFORE_OPENING: {
    "zh-CN": "截止时间必须晚于开始接受申请的时间",
    en: "The deadline must be after the call opens",
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
} as const satisfies Record<string, BilingualText>;

/** A code of {@link fieldValidationMessages}. */
export type FieldValidationCode = keyof typeof fieldValidationMessages;

/** Values that fill a template's `{placeholders}`; a bilingual value is picked per locale. */
export type MessageParams = Readonly<Record<string, string | number | BilingualText>>;

/**
 * Fills a message template in one locale. `{Label}` inserts `label` with its first letter
 * capitalised, so English sentences can start with a field's label; unknown placeholders stay.
 *
 * @example
 * fillMessage("Enter {label}", { label: { "zh-CN": "姓名", en: "your name" } }, "en"); // "Enter your name"
 */
export function fillMessage(template: string, params: MessageParams, locale: Locale): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const lower = key.charAt(0).toLowerCase() + key.slice(1);
    const value = params[key] ?? params[lower];
    if (value === undefined) return whole;
    const text = typeof value === "object" ? value[locale] : String(value);
    return key !== lower ? text.charAt(0).toUpperCase() + text.slice(1) : text;
  });
}
