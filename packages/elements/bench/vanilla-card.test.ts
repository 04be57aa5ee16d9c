import { expect, fixture, fixtureCleanup, html } from "@open-wc/testing";
import { afterEach, describe, it } from "vitest";
import type { PublicGroup } from "@linli/core/contract";
import type { LinliGroupCard } from "../src/group-card/group-card.js";
import "../src/group-card/linli-group-card.js";
import { manyGroups, TUESDAY_8AM } from "../src/test-support/groups.js";
import { defineVanillaCard, type VanillaGroupCard } from "./vanilla-card.js";

defineVanillaCard();
document.documentElement.removeAttribute("lang");
afterEach(() => fixtureCleanup());

/** Elements, sorted attributes and text, as a resident's browser builds them: no comments. */
function tree(node: Node): string {
  if (node.nodeType === Node.TEXT_NODE) return node.textContent!.trim() ? node.textContent! : "";
  if (!(node instanceof Element) && !(node instanceof ShadowRoot)) return "";
  const children = [...node.childNodes].map(tree).join("");
  if (node instanceof ShadowRoot) return children;
  const attrs = [...node.attributes]
    .map((a) => `${a.name}="${a.value}"`)
    .sort()
    .join(" ");
  return `<${node.localName}${attrs ? " " + attrs : ""}>${children}</${node.localName}>`;
}

// The bench compares Lit with this baseline, so the two must build the same thing.
describe("the bench's vanilla baseline", () => {
  it("builds the same elements, attributes and text as <linli-group-card>", async () => {
    const groups = manyGroups(62).map(({ cover: _cover, ...g }) => g as PublicGroup);
    for (const g of groups) {
      const wrap = await fixture(
        html`<div>
          <linli-group-card .group=${g} .now=${TUESDAY_8AM}></linli-group-card>
          <vanilla-group-card .group=${g} .now=${TUESDAY_8AM}></vanilla-group-card>
        </div>`,
      );
      const lit = wrap.querySelector<LinliGroupCard>("linli-group-card")!;
      await lit.updateComplete;
      const vanilla = wrap.querySelector<VanillaGroupCard>("vanilla-group-card")!;
      expect(tree(vanilla.shadowRoot!), g.id).to.equal(tree(lit.shadowRoot!));
    }
  });
});
