import { createComponent } from "@lit/react";
import React from "react";
// Registers <linli-group-card>: @linli/elements lists its registration modules as side
// effects, so a bundler keeps the registration wherever this component is used, and drops
// both when not.
import { LinliGroupCard as LinliGroupCardElement } from "@linli/elements/linli-group-card.js";
import { linliEvent } from "./event.js";

/**
 * `<linli-group-card>` as a React component: one resident group's card. Props are the
 * element's properties (`group`, `joinHref`, `headingLevel`, `timeZone`, `now`, `strings`);
 * `onGroupJoin` receives `linli-group-join` with a {@link GroupJoinDetail}.
 *
 * @example
 * ```tsx
 * <LinliGroupCard group={group} onGroupJoin={(e) => openJoinForm(e.detail.groupId)} />
 * ```
 */
export const LinliGroupCard = /* @__PURE__ */ createComponent({
  react: React,
  tagName: "linli-group-card",
  elementClass: LinliGroupCardElement,
  events: { onGroupJoin: linliEvent("linli-group-join") },
  displayName: "LinliGroupCard",
});

/** The props of {@link LinliGroupCard}. */
export type LinliGroupCardProps = React.ComponentProps<typeof LinliGroupCard>;

export type { GroupJoinDetail } from "@linli/elements/linli-group-card.js";
