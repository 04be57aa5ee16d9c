#!/usr/bin/env node
// A terminal tour of @linli/core on the red-house fixtures: what `pnpm start` shows until
// the demo site exists. Run with `--lang en` for English.
import {
  GROUP_CATEGORY_LABELS,
  checkOrder,
  fieldMessages,
  formatMoney,
  groupLifecycle,
  localize,
  maskPhone,
  menuAvailability,
  nextSession,
  OrderDraftSchema,
  resolveLocale,
  toOffsetIso,
  toPublicPartner,
  toZoned,
  addDays,
  validate,
} from "@linli/core";
import { bakeryMenu, groups, partners, redHouse } from "@linli/core/fixtures";

const langArg = process.argv.indexOf("--lang");
const locale = resolveLocale(
  langArg > 0 ? process.argv[langArg + 1] : (process.env.LANG ?? "zh-CN"),
);
const t = (zh, en) => (locale === "en" ? en : zh);
const now = Date.now();
const tz = redHouse.timeZone;
const today = toZoned(now, tz);

console.log(`\n${localize(redHouse.nickname, locale)} · ${localize(redHouse.name, locale)}`);
console.log(localize(redHouse.address, locale));
console.log(localize(redHouse.description, locale));
console.log(
  t("提供：", "Offers: ") +
    redHouse.supportOffers.map((o) => localize(o.description, locale)).join(t("；", "; ")),
);

// Groups by theme and status.
const byCategory = new Map();
for (const g of groups) byCategory.set(g.category, (byCategory.get(g.category) ?? 0) + 1);
console.log(`\n${t(`${groups.length} 个社群`, `${groups.length} resident groups`)}:`);
for (const [cat, n] of [...byCategory].sort((a, b) => b[1] - a[1])) {
  console.log(`  ${localize(GROUP_CATEGORY_LABELS[cat], locale).padEnd(18)} ${n}`);
}
const selfRun = groups.filter((g) => g.status === "self-operating");
console.log(
  t("自主运营：", "Self-operating: ") +
    selfRun.map((g) => localize(g.name, locale)).join(t("、", ", ")),
);

console.log(`\n${t("接下来的活动", "Coming up")} (${today.date} ${today.time}):`);
const upcoming = groups
  .map((g) => ({ g, s: nextSession(g, now, tz) }))
  .filter((x) => x.s)
  .sort((a, b) => a.s.startsAt - b.s.startsAt)
  .slice(0, 6);
for (const { g, s } of upcoming)
  console.log(`  ${s.date} ${s.start}–${s.end}  ${localize(g.name, locale)}`);

// Tomorrow's bakery menu, with a few orders already in.
const menu = bakeryMenu(addDays(today.date, 1));
const orders = [
  { status: "placed", slotId: "s1500", lines: [{ itemId: "tiger-roll", quantity: 4 }] },
  {
    status: "confirmed",
    slotId: "s1500",
    lines: [
      { itemId: "tiger-roll", quantity: 4 },
      { itemId: "fruit-cup", quantity: 2 },
    ],
  },
  { status: "placed", slotId: "s1700", lines: [{ itemId: "chiffon", quantity: 2 }] },
];
const opening = Date.parse(menu.opensAt);
const when = Math.max(now, opening);
const avail = menuAvailability(menu, orders, when);
console.log(
  `\n${t("三个妈妈烘焙工作室", "Three Moms Baking Studio")} · ${menu.date} (${t("截单", "orders close")} ${avail.cutoffAt})`,
);
for (const item of menu.items) {
  const a = avail.items.find((x) => x.itemId === item.id);
  const left = a.soldOut
    ? t("已售罄", "sold out")
    : t(`剩 ${a.remaining} 份`, `${a.remaining} left`);
  console.log(
    `  ${localize(item.name, locale).padEnd(24)} ${formatMoney(item.price, locale).padStart(8)}  ${left}`,
  );
}

const draft = {
  menuId: menu.id,
  slotId: "s1500",
  lines: [
    { itemId: "tiger-roll", quantity: 2 },
    { itemId: "egg-tart", quantity: 6 },
  ],
  contact: { name: "林晓雨", phone: "138 0000 9901" },
  consent: { given: true, policyVersion: "2026-11", at: toOffsetIso(when, tz) },
  idempotencyKey: "tour-0000-0001",
};
const parsed = validate(OrderDraftSchema, draft);
const quote = parsed.ok ? checkOrder(menu, orders, parsed.value, when) : parsed;
if (quote.ok) {
  console.log(
    `\n${t("一笔订单", "An order")}: 2 × ${localize(menu.items[0].name, locale)}, 6 × ${localize(menu.items[4].name, locale)} = ${formatMoney(quote.value.total, locale)}  (${t("联系电话", "phone")} ${maskPhone(parsed.value.contact.phone)})`,
  );
} else {
  console.log(quote.error.map((i) => i.message[locale]).join("\n"));
}
const tooMany = checkOrder(
  menu,
  orders,
  { ...draft, lines: [{ itemId: "tiger-roll", quantity: 5 }] },
  when,
);
if (!tooMany.ok)
  console.log(`${t("再多一份", "One too many")}: ${tooMany.error[0].message[locale]}`);

const bad = validate(OrderDraftSchema, { ...draft, contact: { name: "", phone: "12345" } });
if (!bad.ok) {
  console.log(`\n${t("表单校验", "Form validation")}:`);
  for (const [path, msg] of Object.entries(fieldMessages(bad.error, locale)))
    console.log(`  ${path}: ${msg}`);
}

const refused = groupLifecycle.transition("incubating", "self-operating");
console.log(
  `\n${t("社群状态", "Group status")}: ${refused.ok ? "" : refused.error.message[locale]}`,
);

console.log(`\n${t("合伙人（公开信息）", "Partners (public view)")}:`);
for (const p of partners.slice(2, 7)) console.log(`  ${toPublicPartner(p).name}`);
console.log("");
