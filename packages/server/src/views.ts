import {
  toPublicPartner,
  type Group,
  type Menu,
  type Order,
  type OrderReceipt,
  type Partner,
  type PublicGroup,
} from "@linli/core";

/** A group as public routes show it: its organisers by public name only. */
export function publicGroup(g: Group, partners: ReadonlyMap<string, Partner>): PublicGroup {
  const organisers = g.organiserIds.flatMap((id) => {
    const p = partners.get(id);
    return p ? [toPublicPartner(p)] : [];
  });
  return { ...g, organisers };
}

/** What the buyer sees of an order: never the contact details. */
export function orderReceipt(o: Order, menu: Menu): OrderReceipt {
  const slot = menu.slots.find((s) => s.id === o.slotId);
  return {
    id: o.id,
    menuId: o.menuId,
    groupId: o.groupId,
    date: menu.date,
    lines: o.lines,
    total: o.total,
    slot: { id: o.slotId, start: slot?.start ?? "00:00", end: slot?.end ?? "00:00" },
    pickupCode: o.pickupCode,
    ...(menu.pickupLocation ? { pickupLocation: menu.pickupLocation } : {}),
    status: o.status,
    placedAt: o.placedAt,
  };
}
