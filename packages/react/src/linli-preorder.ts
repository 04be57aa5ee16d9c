import { createComponent } from "@lit/react";
import React from "react";
// Registers <linli-preorder>: @linli/elements lists its registration modules as side
// effects, so a bundler keeps the registration wherever this component is used, and drops
// both when not.
import { LinliPreorder as LinliPreorderElement } from "@linli/elements/linli-preorder.js";
import { linliEvent } from "./event.js";

/**
 * `<linli-preorder>` as a React component: a group's daily menu to preorder and collect at the
 * hub. `onOrderPlaced` receives `linli-order-placed` ({@link OrderPlacedDetail}: order id,
 * date, exact total in minor units, pickup slot; no personal data); `onOrderFailed` receives
 * `linli-order-failed` ({@link OrderFailedDetail}).
 *
 * @example
 * ```tsx
 * <LinliPreorder
 *   group="three-moms-baking"
 *   store={store}
 *   privacyHref="/privacy"
 *   onOrderPlaced={(e) => track("order", e.detail.total.amount)}
 * />
 * ```
 */
export const LinliPreorder = /* @__PURE__ */ createComponent({
  react: React,
  tagName: "linli-preorder",
  elementClass: LinliPreorderElement,
  events: {
    onOrderPlaced: linliEvent("linli-order-placed"),
    onOrderFailed: linliEvent("linli-order-failed"),
  },
  displayName: "LinliPreorder",
});

/** The props of {@link LinliPreorder}. */
export type LinliPreorderProps = React.ComponentProps<typeof LinliPreorder>;

export type { OrderFailedDetail, OrderPlacedDetail } from "@linli/elements/linli-preorder.js";
