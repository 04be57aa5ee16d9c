import { expect } from "@open-wc/testing";
import { describe, it } from "vitest";
import type { CSSResultOrNative } from "lit";
import { LinliGroupCard } from "../group-card/linli-group-card.js";
import { LinliGroupDirectory } from "../group-directory/linli-group-directory.js";

const cssText = (styles: CSSResultOrNative[]) =>
  styles.map((s) => ("cssText" in s ? s.cssText : "")).join("\n");

describe("design tokens", () => {
  for (const element of [LinliGroupCard, LinliGroupDirectory]) {
    it(`${element.name} reads only private properties it defines (else a rule silently drops)`, () => {
      const css = cssText(element.elementStyles);
      const defined = new Set([...css.matchAll(/(--_[\w-]+)\s*:/g)].map((m) => m[1]));
      const used = new Set([...css.matchAll(/var\(\s*(--_[\w-]+)/g)].map((m) => m[1]));
      expect([...used].filter((v) => !defined.has(v))).to.deep.equal([]);
      expect(used.size).to.be.greaterThan(5);
    });

    it(`${element.name} styles with tokens that fall back to a default`, () => {
      const css = cssText(element.elementStyles);
      // Every public token is read with a fallback, so an element looks right with none set.
      const bare = [...css.matchAll(/var\((--linli-[\w-]+)\s*\)/g)].map((m) => m[1]);
      expect(bare).to.deep.equal([]);
      expect(css).not.to.match(/style=/);
    });
  }
});
