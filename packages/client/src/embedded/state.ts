import type { Application, LocalizedText, Order } from "@linli/core";

/**
 * An order as the embedded store keeps it: the order plus the facts of its menu a receipt
 * needs, so a receipt can still be shown after the menu itself is gone (the default menus
 * are for today and tomorrow only).
 */
export interface StoredOrder {
  readonly order: Order;
  /** Pickup date. */
  readonly date: string;
  readonly slot: { readonly id: string; readonly start: string; readonly end: string };
  readonly pickupLocation?: LocalizedText;
}

/** What an idempotency key was first used for. */
export interface KeyUse {
  /** Fingerprint of the validated request body. */
  readonly fingerprint: string;
  /** Id of the order or application it created. */
  readonly id: string;
}

/** Everything the embedded store writes. Replaced, never mutated, on each change. */
export interface EmbeddedState {
  readonly orders: readonly StoredOrder[];
  readonly applications: readonly Application[];
  readonly orderKeys: ReadonlyMap<string, KeyUse>;
  readonly applicationKeys: ReadonlyMap<string, KeyUse>;
}

export const emptyState = (): EmbeddedState => ({
  orders: [],
  applications: [],
  orderKeys: new Map(),
  applicationKeys: new Map(),
});
