import { VERSION } from "./version.js";

/** A custom element class that says which @linli/elements version it came from. */
export interface VersionedElement extends CustomElementConstructor {
  readonly version?: string;
}

/**
 * Registers `tag` unless it is already defined, so two copies of @linli/elements on one page
 * (a CMS plug-in and the site's own bundle, say) do not throw. The first copy wins; when the
 * versions differ a warning says so, because the page then runs the other copy's behaviour.
 *
 * @example
 * defineElement("linli-group-card", LinliGroupCard);
 */
export function defineElement(tag: string, ctor: VersionedElement): void {
  const registry = globalThis.customElements;
  if (registry === undefined) return; // server-side rendering or a non-browser runtime
  const existing = registry.get(tag) as VersionedElement | undefined;
  if (existing === undefined) {
    registry.define(tag, ctor);
    return;
  }
  if (existing === ctor) return;
  const theirs = existing.version ?? "an unknown version";
  const ours = ctor.version ?? VERSION;
  if (theirs !== ours) {
    console.warn(
      `@linli/elements ${ours}: <${tag}> is already defined by ${theirs}; using that one`,
    );
  }
}
