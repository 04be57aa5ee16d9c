import { createComponent } from "@lit/react";
import React from "react";
// Registers <linli-group-directory> and the card it shows: @linli/elements lists its
// registration modules as side effects, so a bundler keeps the registration wherever this
// component is used, and drops both when not.
import { LinliGroupDirectory as LinliGroupDirectoryElement } from "@linli/elements/linli-group-directory.js";
import { linliEvent } from "./event.js";

/**
 * `<linli-group-directory>` as a React component: a hub's groups as a searchable, filterable
 * grid of cards. Give it `groups`, a `store` (any `LinliStore` from @linli/client) or an
 * `api` URL. `onGroupsFilter` receives `linli-groups-filter` ({@link GroupsFilterDetail});
 * `onGroupJoin` receives `linli-group-join` from any of its cards ({@link GroupJoinDetail}).
 *
 * @example
 * ```tsx
 * import { createEmbeddedStore } from "@linli/client/embedded";
 *
 * const store = createEmbeddedStore();
 * <LinliGroupDirectory store={store} headingLevel={3} onGroupJoin={(e) => join(e.detail.slug)} />
 * ```
 */
export const LinliGroupDirectory = /* @__PURE__ */ createComponent({
  react: React,
  tagName: "linli-group-directory",
  elementClass: LinliGroupDirectoryElement,
  events: {
    onGroupsFilter: linliEvent("linli-groups-filter"),
    onGroupJoin: linliEvent("linli-group-join"),
  },
  displayName: "LinliGroupDirectory",
});

/** The props of {@link LinliGroupDirectory}. */
export type LinliGroupDirectoryProps = React.ComponentProps<typeof LinliGroupDirectory>;

export type { GroupsFilterDetail } from "@linli/elements/linli-group-directory.js";
