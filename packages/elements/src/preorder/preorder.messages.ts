import type { Catalogue } from "../internal/localize.js";

/**
 * Every string `<linli-preorder>` shows, in zh-CN and en. Override any of them through the
 * element's `strings` property or `setStrings()`. Messages about the order itself (sold out,
 * slot full, phone format, consent, cut-off) come from @linli/core's catalogue, so they read
 * the same as the server's.
 */
export const preorderMessages = {
  "preorder.heading": { "zh-CN": "{date} 预订菜单", en: "Menu for {date}" },
  "preorder.loading": { "zh-CN": "正在加载菜单…", en: "Loading the menu…" },
  "preorder.loadError": {
    "zh-CN": "菜单没能加载出来。",
    en: "The menu could not be loaded.",
  },
  "preorder.noMenu": {
    "zh-CN": "现在还没有可以预订的菜单，请晚些再来看看。",
    en: "There is no menu to order from yet. Please check again later.",
  },
  "preorder.retry": { "zh-CN": "重新加载", en: "Try again" },
  "preorder.cutoff": { "zh-CN": "截单时间：{time}", en: "Order by {time}" },
  "preorder.pickupAt": { "zh-CN": "取货地点：{place}", en: "Collect from: {place}" },
  "preorder.items": { "zh-CN": "今日菜单", en: "On the menu" },
  "preorder.price": { "zh-CN": "价格", en: "Price" },
  "preorder.left.one": { "zh-CN": "还剩 {count} 份", en: "{count} left" },
  "preorder.left.other": { "zh-CN": "还剩 {count} 份", en: "{count} left" },
  "preorder.soldOut": { "zh-CN": "已售罄", en: "Sold out" },
  "preorder.limit": { "zh-CN": "每单限 {limit} 份", en: "Up to {limit} per order" },
  "preorder.quantity": { "zh-CN": "“{item}”数量", en: "Number of {item}" },
  "preorder.fewer": { "zh-CN": "减少 {item}", en: "One fewer {item}" },
  "preorder.more": { "zh-CN": "增加 {item}", en: "One more {item}" },
  "preorder.chosen": { "zh-CN": "{item}：{count} 份", en: "{item}: {count}" },
  "preorder.soldOutWhileChoosing": {
    "zh-CN": "您挑选期间“{item}”已售罄",
    en: "{item} sold out while you were choosing",
  },
  "preorder.fewerLeftNow": {
    "zh-CN": "“{item}”现在只剩 {count} 份",
    en: "Only {count} of {item} are left now",
  },
  "preorder.total": { "zh-CN": "合计", en: "Total" },
  "preorder.totalIs": { "zh-CN": "合计 {total}", en: "Total {total}" },
  "preorder.slots": { "zh-CN": "取货时段", en: "Pickup time" },
  "preorder.slotsHint": { "zh-CN": "{date}，在{place}取货", en: "{date}, at {place}" },
  "preorder.slotLeft.other": { "zh-CN": "还可预约 {count} 单", en: "{count} places left" },
  "preorder.slotLeft.one": { "zh-CN": "还可预约 {count} 单", en: "{count} place left" },
  "preorder.slotFull": { "zh-CN": "已约满", en: "Full" },
  "preorder.contact": { "zh-CN": "联系方式", en: "Your details" },
  "preorder.name": { "zh-CN": "姓名", en: "Name" },
  "preorder.nameHint": {
    "zh-CN": "取货时报这个名字",
    en: "The name to give when you collect",
  },
  "preorder.phone": { "zh-CN": "手机号码", en: "Mobile phone number" },
  "preorder.phoneHint": {
    "zh-CN": "只用于取货联系，不会公开",
    en: "Only used about your order, never shown to others",
  },
  "preorder.note": { "zh-CN": "备注（选填）", en: "Note (optional)" },
  "preorder.noteHint": { "zh-CN": "最多 200 字", en: "Up to 200 characters" },
  "preorder.consent": {
    "zh-CN": "我已阅读并同意隐私说明",
    en: "I have read and agree to the privacy notice",
  },
  "preorder.privacyLink": { "zh-CN": "阅读隐私说明", en: "Read the privacy notice" },
  "preorder.newWindow": { "zh-CN": "（在新窗口打开）", en: " (opens in a new window)" },
  "preorder.submit": { "zh-CN": "提交预订", en: "Place order" },
  "preorder.submitting": { "zh-CN": "正在提交预订…", en: "Placing your order…" },
  "preorder.errorTitle": { "zh-CN": "请先处理以下问题", en: "There is a problem" },
  "preorder.networkTitle": { "zh-CN": "预订没有提交成功", en: "Your order was not placed" },
  "preorder.networkHint": {
    "zh-CN": "您填写的内容都还在。重试不会重复下单。",
    en: "Everything you entered is still here. Trying again will not order twice.",
  },
  "preorder.tryAgain": { "zh-CN": "重试", en: "Try again" },
  "preorder.refusedTitle": { "zh-CN": "预订没有被接受", en: "Your order was not accepted" },
  "preorder.conflictTitle": {
    "zh-CN": "有些东西刚刚被订完了",
    en: "Some things have just run out",
  },
  "preorder.conflictHint": {
    "zh-CN": "菜单已更新为现在还能订的数量，请调整后再提交。",
    en: "The menu now shows what is still available. Change your order and submit again.",
  },
  "preorder.notOpen": {
    "zh-CN": "这份菜单将于 {time} 开放预订。",
    en: "Ordering for this menu opens at {time}.",
  },
  "preorder.closed": {
    "zh-CN": "本期预订已于 {time} 截止。",
    en: "Ordering closed at {time}.",
  },
  "preorder.allSoldOut": {
    "zh-CN": "这份菜单已全部订完。",
    en: "Everything on this menu has been ordered.",
  },
  "preorder.nextOpens": {
    "zh-CN": "下一期菜单（{date}）将于 {time} 开放预订。",
    en: "The next menu, for {date}, opens at {time}.",
  },
  "preorder.nextOpen": {
    "zh-CN": "下一期菜单（{date}）已经可以预订。",
    en: "The next menu, for {date}, is open now.",
  },
  "preorder.showNext": { "zh-CN": "查看 {date} 的菜单", en: "See the menu for {date}" },
  "preorder.noNext": {
    "zh-CN": "下一期菜单还没有发布。",
    en: "The next menu has not been posted yet.",
  },
  "preorder.confirmed": { "zh-CN": "预订成功", en: "Order placed" },
  "preorder.confirmedAnnounce": {
    "zh-CN": "预订成功。取货码 {code}，{slot} 取货。",
    en: "Order placed. Pickup code {code}, collect {slot}.",
  },
  "preorder.orderNumber": { "zh-CN": "订单号", en: "Order number" },
  "preorder.pickupCode": { "zh-CN": "取货码", en: "Pickup code" },
  "preorder.pickupCodeHint": {
    "zh-CN": "取货时出示此码",
    en: "Show this code when you collect",
  },
  "preorder.when": { "zh-CN": "取货时间", en: "When" },
  "preorder.where": { "zh-CN": "取货地点", en: "Where" },
  "preorder.ordered": { "zh-CN": "订购", en: "Ordered" },
  "preorder.line": { "zh-CN": "{item} × {count}", en: "{item} × {count}" },
  "preorder.addToCalendar": { "zh-CN": "添加到日历", en: "Add to calendar" },
  "preorder.calendarTitle": {
    "zh-CN": "取货：{item}（取货码 {code}）",
    en: "Collect {item} (code {code})",
  },
  "preorder.another": { "zh-CN": "再订一单", en: "Place another order" },
  "preorder.listSeparator": { "zh-CN": "、", en: ", " },
} satisfies Catalogue<string>;

export type PreorderStringKey = keyof typeof preorderMessages;
