import { LitElement, type PropertyDeclarations } from "lit";
import type { StringOverrides } from "./localize.js";
import { baseStyles, tokens } from "./theme.js";
import { VERSION } from "./version.js";

/** The detail type of a `linli-*` event, from its GlobalEventHandlersEventMap entry. */
export type EventDetail<K extends keyof GlobalEventHandlersEventMap> =
  GlobalEventHandlersEventMap[K] extends CustomEvent<infer D> ? D : never;

/**
 * What every Linli element shares: the design tokens and base styles, the `strings` property
 * for host overrides, its version (for safe registration) and `emit` for `linli-*` events.
 * An element adds a {@link LocalizeController} with its catalogue, and a
 * {@link StoreController} if it loads data.
 */
export class LinliElement extends LitElement {
  /** The @linli/elements version this class came from. */
  static readonly version: string = VERSION;

  static override styles = [tokens, baseStyles];

  static override properties: PropertyDeclarations = { strings: { attribute: false } };

  /**
   * Replacements for any of the element's strings, by key: a string for every language, or
   * `{ "zh-CN": …, en: … }`. See the element's catalogue for the keys.
   */
  declare strings: StringOverrides | undefined;

  /**
   * Dispatches a `linli-*` CustomEvent that bubbles out of shadow roots (composed), typed by
   * its GlobalEventHandlersEventMap entry. Returns false when a listener called
   * `preventDefault()` on a cancelable event.
   */
  protected emit<K extends keyof GlobalEventHandlersEventMap & `linli-${string}`>(
    type: K,
    detail: EventDetail<K>,
    options: { cancelable?: boolean } = {},
  ): boolean {
    return dispatch(this, type, detail, options.cancelable ?? false);
  }
}

function dispatch(el: HTMLElement, type: string, detail: unknown, cancelable: boolean): boolean {
  return el.dispatchEvent(
    new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable }),
  );
}
