import type { EventName } from "@lit/react";

/** The `linli-*` events that @linli/elements declares in `GlobalEventHandlersEventMap`. */
export type LinliEventName = keyof GlobalEventHandlersEventMap & `linli-${string}`;

/**
 * A `linli-*` event's name, carrying the event type the element declares for it (in
 * `GlobalEventHandlersEventMap`), so `createComponent` types the React callback with the exact
 * `CustomEvent<Detail>` the element dispatches: the types live once, beside the element.
 */
export const linliEvent = <K extends LinliEventName>(name: K) =>
  name as EventName<GlobalEventHandlersEventMap[K]>;
