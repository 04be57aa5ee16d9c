/**
 * The `aria-level` of an element's heading: the host's `heading-level` (2 when unset or not a
 * whole number, never above the page's `<h1>`) plus `offset` for headings nested under it, at
 * most 6. Elements draw their headings as `role="heading"` so one template serves every level.
 *
 * @example
 * html`<div role="heading" aria-level=${ariaLevel(this.headingLevel, 1)}>…</div>`
 */
export const ariaLevel = (requested: number | undefined, offset = 0): number =>
  Math.min(6, Math.max(2, Number.isInteger(requested) ? requested! : 2) + offset);
