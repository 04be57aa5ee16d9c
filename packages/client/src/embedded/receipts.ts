import { orderReceipt, type OrderReceipt } from "@linli/core";
import type { StoredOrder } from "./state.js";

/** A receipt from what the store kept of the order's menu (the menu itself may be gone). */
export function storedOrderReceipt({
  order,
  date,
  slot,
  pickupLocation,
}: StoredOrder): OrderReceipt {
  return orderReceipt(order, {
    date,
    slots: [{ ...slot, capacity: 0 }],
    ...(pickupLocation ? { pickupLocation } : {}),
  });
}
