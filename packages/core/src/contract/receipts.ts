import type { Group } from "../groups/group.js";
import type { BilingualText } from "../i18n/locale.js";
import { toPublicPartner, type Partner } from "../partners/partner.js";
import type { Menu } from "../preorder/menu.js";
import type { Order } from "../preorder/order.js";
import type { Application } from "../recruitment/recruitment.js";
import type { ApplicationReceipt, OrderReceipt, PublicGroup } from "./routes.js";

/** A group as public routes show it: its organisers by public name only, never their contact. */
export function publicGroup(group: Group, partners: ReadonlyMap<string, Partner>): PublicGroup {
  const organisers = group.organiserIds.flatMap((id) => {
    const p = partners.get(id);
    return p ? [toPublicPartner(p)] : [];
  });
  return { ...group, organisers };
}

/**
 * What the buyer sees of an order: everything to collect it, and no contact details. The
 * menu gives the date, the slot's times and the pickup place.
 */
export function orderReceipt(
  order: Order,
  menu: Pick<Menu, "date" | "slots" | "pickupLocation">,
): OrderReceipt {
  const slot = menu.slots.find((s) => s.id === order.slotId);
  const out: OrderReceipt = {
    id: order.id,
    menuId: order.menuId,
    groupId: order.groupId,
    date: menu.date,
    lines: order.lines,
    total: order.total,
    slot: { id: order.slotId, start: slot?.start ?? "00:00", end: slot?.end ?? "00:00" },
    pickupCode: order.pickupCode,
    status: order.status,
    placedAt: order.placedAt,
  };
  if (menu.pickupLocation !== undefined) out.pickupLocation = menu.pickupLocation;
  return out;
}

/** What happens after an application, quoting its reference. */
export function applicationNextSteps(reference: string): BilingualText {
  return {
    "zh-CN": `我们已收到你的申请，申请编号 ${reference}。工作人员会尽快与你联系，约时间聊聊你的金点子；联系我们时请报上这个编号。`,
    en: `We have your application, reference ${reference}. Staff will be in touch soon to arrange a talk about your idea; quote this reference if you contact us.`,
  };
}

/** What an applicant sees: a reference and what happens next, none of their details. */
export function applicationReceipt(a: Application): ApplicationReceipt {
  return {
    id: a.id,
    reference: a.reference,
    status: a.status,
    submittedAt: a.submittedAt,
    nextSteps: applicationNextSteps(a.reference),
  };
}

/** Prefix of application references ("HZ": Hangzhou). */
export const REFERENCE_PREFIX = "HZ";

/**
 * The next application reference of a year, e.g. "HZ-2026-0001": one more than the highest
 * of that year so far (at least four digits).
 *
 * @example
 * nextApplicationReference(["HZ-2026-0041"], "2026"); // "HZ-2026-0042"
 */
export function nextApplicationReference(references: readonly string[], year: string): string {
  const prefix = `${REFERENCE_PREFIX}-${year}-`;
  let highest = 0;
  for (const r of references) {
    if (!r.startsWith(prefix)) continue;
    const n = Number(r.slice(prefix.length));
    if (Number.isSafeInteger(n) && n > highest) highest = n;
  }
  return `${prefix}${String(highest + 1).padStart(4, "0")}`;
}
