import { createComponent } from "@lit/react";
import React from "react";
// Registers <linli-impact-board>: @linli/elements lists its registration modules as side
// effects, so a bundler keeps the registration wherever this component is used, and drops
// both when not.
import { LinliImpactBoard as LinliImpactBoardElement } from "@linli/elements/linli-impact-board.js";

/**
 * `<linli-impact-board>` as a React component: a metrics snapshot's headline figures, trend
 * charts with data tables, and definitions. Give it a `snapshot`, a `store` or an `api` URL.
 * It fires no events.
 *
 * @example
 * ```tsx
 * <LinliImpactBoard store={store} variant="compact" metrics="participants.unique groups.self-operating-share" />
 * ```
 */
export const LinliImpactBoard = /* @__PURE__ */ createComponent({
  react: React,
  tagName: "linli-impact-board",
  elementClass: LinliImpactBoardElement,
  displayName: "LinliImpactBoard",
});

/** The props of {@link LinliImpactBoard}. */
export type LinliImpactBoardProps = React.ComponentProps<typeof LinliImpactBoard>;
