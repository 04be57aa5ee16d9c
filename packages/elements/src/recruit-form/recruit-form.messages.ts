import { GROUP_CATEGORY_LABELS, type GroupCategory } from "@linli/core/groups";
import { SUPPORT_KIND_LABELS, type SupportKind } from "@linli/core/hub";
import { fieldValidationMessages, type FieldValidationCode } from "@linli/core/i18n";
import { COHORT_LABELS, type Cohort } from "@linli/core/partners";
import { AVAILABILITY_LABELS, type Availability } from "@linli/core/recruitment";
import type { Catalogue } from "../internal/localize.js";

type Prefixed<P extends string, K extends string> = `${P}.${K}`;

const prefixed = <P extends string, K extends string>(
  prefix: P,
  labels: Catalogue<K>,
): Catalogue<Prefixed<P, K>> =>
  Object.fromEntries(Object.entries(labels).map(([k, v]) => [`${prefix}.${k}`, v])) as Catalogue<
    Prefixed<P, K>
  >;

/**
 * Every string `<linli-recruit-form>` shows, in zh-CN and en. Override any of them through
 * the element's `strings` property or `setStrings()`. Validation messages are core's own
 * field messages (`error.REQUIRED`, `error.INVALID_PHONE`, …), filled with the `about.*`
 * names of the fields, so they read as the server's do; choices' names come from core too
 * (`category.*`, `cohort.*`, `availability.*`, `support.*`).
 */
export const recruitFormMessages = {
  loading: { "zh-CN": "正在加载招募信息…", en: "Loading the call for partners…" },
  loadError: {
    "zh-CN": "招募信息没能加载出来。",
    en: "The call for partners could not be loaded.",
  },
  noCall: { "zh-CN": "目前没有正在进行的招募。", en: "There is no open call for partners." },
  retry: { "zh-CN": "重试", en: "Try again" },
  offers: { "zh-CN": "我们提供", en: "What we offer" },
  /** Between what is offered and how it is described: `场地：…`, `Venue: …`. */
  offerSeparator: { "zh-CN": "：", en: ": " },
  asks: { "zh-CN": "我们希望你带来", en: "What we ask of you" },
  deadline: { "zh-CN": "截止时间：{date}", en: "Closes {date}" },
  notOpen: {
    "zh-CN": "招募将于 {date} 开始接受申请，届时欢迎再来。",
    en: "Applications open on {date}: come back then.",
  },
  closed: {
    "zh-CN": "本次招募已于 {date} 截止，感谢关注。",
    en: "This call closed on {date}. Thank you for your interest.",
  },
  formTitle: { "zh-CN": "提交你的金点子", en: "Send us your golden idea" },
  required: {
    "zh-CN": "除标明“选填”的以外，每一项都需要填写。",
    en: "Every question must be answered unless it says “optional”.",
  },
  optional: { "zh-CN": "（选填）", en: " (optional)" },
  aboutYou: { "zh-CN": "关于你", en: "About you" },
  aboutIdea: { "zh-CN": "你的金点子", en: "Your idea" },
  name: { "zh-CN": "姓名", en: "Full name" },
  phone: { "zh-CN": "手机号码", en: "Mobile phone number" },
  "phone.hint": {
    "zh-CN": "工作人员会打这个号码和你约时间，例如 138 0013 8000",
    en: "Staff will call this number to arrange a talk, like 138 0013 8000",
  },
  community: { "zh-CN": "所在社区", en: "Your community" },
  "community.hint": { "zh-CN": "例如：桃源社区", en: "For example, Taoyuan Community" },
  cohort: { "zh-CN": "你的身份", en: "Which best describes you" },
  "cohort.hint": {
    "zh-CN": "我们用它统计计划帮到了哪些人群，不影响审核结果。",
    en: "We ask so the programme can report who it reaches. It does not affect the review.",
  },
  "cohort.none": { "zh-CN": "不愿透露", en: "Prefer not to say" },
  title: { "zh-CN": "金点子名称", en: "Name of your idea" },
  "title.hint": {
    "zh-CN": "例如：周末亲子手工课",
    en: "For example, weekend craft class for families",
  },
  description: { "zh-CN": "详细描述", en: "Describe your idea" },
  "description.hint": {
    "zh-CN": "你想做什么、为谁做、需要多少人和多长时间。至少 10 个字。",
    en: "What you want to do, for whom, and how many people and how much time it needs. At least 10 characters.",
  },
  "count.left.one": { "zh-CN": "还可以输入 {count} 个字", en: "You have {count} character left" },
  "count.left.other": {
    "zh-CN": "还可以输入 {count} 个字",
    en: "You have {count} characters left",
  },
  "count.over.one": { "zh-CN": "超出 {count} 个字", en: "You have {count} character too many" },
  "count.over.other": {
    "zh-CN": "超出 {count} 个字",
    en: "You have {count} characters too many",
  },
  category: { "zh-CN": "类别", en: "Category" },
  "category.choose": { "zh-CN": "请选择", en: "Choose a category" },
  skills: { "zh-CN": "你的技能", en: "Your skills" },
  "skills.hint": {
    "zh-CN": "用逗号或顿号分开，例如：烘焙、摄影",
    en: "Separate them with commas, for example: baking, photography",
  },
  availability: { "zh-CN": "你什么时候有空", en: "When are you available" },
  "availability.hint": { "zh-CN": "可多选", en: "Select all that apply" },
  supportNeeded: { "zh-CN": "你需要哪些支持", en: "What support do you need" },
  consent: { "zh-CN": "个人信息", en: "Your personal data" },
  "consent.text": {
    "zh-CN":
      "我已阅读并同意隐私说明（{version} 版）：我的姓名、电话和金点子只用于这次招募的审核和联系。",
    en: "I have read and agree to the privacy notice (version {version}): my name, phone number and idea are used only to review this application and contact me.",
  },
  "consent.link": { "zh-CN": "阅读隐私说明", en: "Read the privacy notice" },
  submit: { "zh-CN": "提交申请", en: "Submit application" },
  submitting: { "zh-CN": "正在提交…", en: "Submitting…" },
  errorTitle: { "zh-CN": "有些内容需要修改", en: "There is a problem" },
  errorPrefix: { "zh-CN": "错误：", en: "Error: " },
  network: {
    "zh-CN": "申请没有发送出去，你填写的内容都还在。",
    en: "Your application was not sent. Everything you entered is still here.",
  },
  refused: { "zh-CN": "申请没有被接受。", en: "The application was not accepted." },
  spam: {
    "zh-CN": "申请没能提交。请直接联系服务中心工作人员。",
    en: "The application could not be submitted. Please contact the hub's staff directly.",
  },
  tooFast: {
    "zh-CN": "提交得太快了。请检查一遍填写的内容，再点一次“提交申请”。",
    en: "That was very quick. Check your answers, then select “Submit application” again.",
  },
  noStore: {
    "zh-CN": "这个页面还不能提交申请。请联系服务中心。",
    en: "This page cannot send applications yet. Please contact the hub.",
  },
  successTitle: { "zh-CN": "申请已提交", en: "Application submitted" },
  reference: { "zh-CN": "你的申请编号", en: "Your reference number" },
  nextSteps: { "zh-CN": "接下来", en: "What happens next" },
  lateReceived: {
    "zh-CN": "你对“{call}”的申请已经提交，申请编号 {reference}。",
    en: "Your application to “{call}” was received: reference {reference}.",
  },
  draftRestored: {
    "zh-CN": "已恢复你之前填写的内容（同意隐私说明需要重新勾选）。",
    en: "We restored what you entered before (tick the privacy consent again).",
  },
  honeypot: {
    "zh-CN": "如果你是真人，请不要填写这一项",
    en: "If you are a person, leave this empty",
  },
  "about.name": { "zh-CN": "姓名", en: "your full name" },
  "about.phone": { "zh-CN": "手机号码", en: "a mobile phone number" },
  "about.community": { "zh-CN": "所在社区", en: "your community" },
  "about.cohort": { "zh-CN": "身份", en: "which best describes you" },
  "about.title": { "zh-CN": "金点子名称", en: "the name of your idea" },
  "about.description": { "zh-CN": "详细描述", en: "a description of your idea" },
  "about.category": { "zh-CN": "类别", en: "a category" },
  "about.skills": { "zh-CN": "每项技能", en: "each skill" },
  "about.skillsList": { "zh-CN": "技能", en: "your skills" },
  "about.availability": { "zh-CN": "有空的时间", en: "when you are available" },
  "about.supportNeeded": { "zh-CN": "需要的支持", en: "the support you need" },
  "about.consent": { "zh-CN": "隐私说明", en: "the privacy notice" },
  ...prefixed("error", fieldValidationMessages as Catalogue<FieldValidationCode>),
  ...prefixed("category", GROUP_CATEGORY_LABELS as Catalogue<GroupCategory>),
  ...prefixed("cohort", COHORT_LABELS as Catalogue<Cohort>),
  ...prefixed("availability", AVAILABILITY_LABELS as Catalogue<Availability>),
  ...prefixed("support", SUPPORT_KIND_LABELS as Catalogue<SupportKind>),
} satisfies Catalogue<string>;

export type RecruitFormStringKey = keyof typeof recruitFormMessages;
