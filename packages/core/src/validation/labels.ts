import type { BilingualText } from "../i18n/locale.js";

/**
 * Field labels by the last segment of a field path, so a message can say "Enter your
 * name" rather than "This field is required". English labels carry their article.
 * Hosts may pass their own to {@link validate}.
 */
export const fieldLabels: Readonly<Record<string, BilingualText>> = {
  name: { "zh-CN": "姓名", en: "your name" },
  phone: { "zh-CN": "手机号码", en: "a mobile phone number" },
  community: { "zh-CN": "所在社区", en: "your community" },
  cohort: { "zh-CN": "身份类别", en: "who you are" },
  title: { "zh-CN": "标题", en: "a title" },
  description: { "zh-CN": "详细描述", en: "a description" },
  category: { "zh-CN": "类别", en: "a category" },
  skills: { "zh-CN": "技能", en: "your skills" },
  availability: { "zh-CN": "可参与时间", en: "when you are available" },
  supportNeeded: { "zh-CN": "需要的支持", en: "the support you need" },
  note: { "zh-CN": "备注", en: "the note" },
  quantity: { "zh-CN": "数量", en: "the quantity" },
  lines: { "zh-CN": "商品", en: "the items" },
  slotId: { "zh-CN": "取货时段", en: "a pickup time" },
  itemId: { "zh-CN": "商品", en: "an item" },
  date: { "zh-CN": "日期", en: "the date" },
  start: { "zh-CN": "开始时间", en: "the start time" },
  end: { "zh-CN": "结束时间", en: "the end time" },
  amount: { "zh-CN": "金额", en: "the amount" },
  currency: { "zh-CN": "币种", en: "the currency" },
  price: { "zh-CN": "价格", en: "the price" },
  stock: { "zh-CN": "库存", en: "the stock" },
  perOrderLimit: { "zh-CN": "每单限购", en: "the limit per order" },
  capacity: { "zh-CN": "容量", en: "the capacity" },
  memberCount: { "zh-CN": "成员人数", en: "the number of members" },
  slug: { "zh-CN": "短名称", en: "the short name" },
  id: { "zh-CN": "编号", en: "the id" },
  url: { "zh-CN": "网址", en: "the web address" },
  alt: { "zh-CN": "图片说明", en: "the image description" },
  timeZone: { "zh-CN": "时区", en: "the time zone" },
  idempotencyKey: { "zh-CN": "请求编号", en: "the request key" },
  policyVersion: { "zh-CN": "隐私说明版本", en: "the privacy notice version" },
  at: { "zh-CN": "同意时间", en: "the time of consent" },
  address: { "zh-CN": "地址", en: "the address" },
  deadline: { "zh-CN": "截止时间", en: "the deadline" },
  "zh-CN": { "zh-CN": "中文内容", en: "the Chinese text" },
  en: { "zh-CN": "英文内容", en: "the English text" },
};

/** What to call a field nobody labelled. */
export const GENERIC_LABEL: BilingualText = { "zh-CN": "此项", en: "this field" };
