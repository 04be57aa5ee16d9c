// Runs in headless Chromium (bench.ts bundles it): mounts 1,000 group cards with Lit (a keyed
// list, as <linli-group-directory> renders them) and with the vanilla baseline in the same
// page, timing each to the next painted frame, then re-filters both to about 300 cards.
import { html, render } from "lit";
import { repeat } from "lit/directives/repeat.js";
import type { PublicGroup } from "@linli/core/contract";
import { matchesGroupQuery } from "@linli/core/groups";
import "../src/group-card/linli-group-card.js";
import { manyGroups, TUESDAY_8AM } from "../src/test-support/groups.js";
import { defineVanillaCard } from "./vanilla-card.js";

defineVanillaCard();

// No covers: a page loaded from a string has nowhere to fetch them from, and a failing image
// would re-render one side and not the other. Both show the placeholder.
const all: PublicGroup[] = manyGroups(1000).map(({ cover: _cover, ...g }) => g);
const REFILTER = { q: "ing" }; // English names with "ing": baking, dancing, knitting…
const some = all.filter((g) => matchesGroupQuery(g, REFILTER));

/** Resolves after the next frame has been laid out and painted. */
const nextPaint = () =>
  new Promise<void>((resolve) =>
    requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => resolve();
      ch.port2.postMessage(null);
    }),
  );

const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});

interface Side {
  mount(list: HTMLUListElement, groups: PublicGroup[]): void;
  refilter(list: HTMLUListElement, groups: PublicGroup[]): void;
}

const lit: Side = {
  mount: (list, groups) => lit.refilter(list, groups),
  refilter: (list, groups) =>
    render(
      html`${repeat(
        groups,
        (g) => g.id,
        (g) => html`<li><linli-group-card .group=${g} .now=${TUESDAY_8AM}></linli-group-card></li>`,
      )}`,
      list,
    ),
};

const vanillaItems = new WeakMap<HTMLUListElement, Map<string, HTMLLIElement>>();
const vanilla: Side = {
  mount(list, groups) {
    const items = new Map<string, HTMLLIElement>();
    for (const g of groups) {
      const card = document.createElement("vanilla-group-card") as HTMLElement & {
        group: PublicGroup;
        now: number;
      };
      card.group = g;
      card.now = TUESDAY_8AM;
      const li = document.createElement("li");
      li.append(card);
      items.set(g.id, li);
    }
    list.append(...items.values());
    vanillaItems.set(list, items);
  },
  // Keyed by hand: the kept cards stay, the others go (a filter keeps the order).
  refilter(list, groups) {
    const items = vanillaItems.get(list)!;
    const keep = new Set(groups.map((g) => g.id));
    for (const [id, li] of items) {
      if (!keep.has(id)) {
        li.remove();
        items.delete(id);
      }
    }
  },
};

async function time(fn: () => void): Promise<number> {
  gc();
  await nextPaint();
  const t = performance.now();
  fn();
  await nextPaint();
  return performance.now() - t;
}

async function round(
  side: Side,
  grid: string,
): Promise<{ mount: number; refilter: number; shown: number }> {
  const list = document.createElement("ul");
  list.className = grid;
  document.body.append(list);
  const mount = await time(() => side.mount(list, all));
  const refilter = await time(() => side.refilter(list, some));
  const shown = list.children.length;
  list.remove();
  await nextPaint();
  return { mount, refilter, shown };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/**
 * Interleaved rounds (Lit first on even rounds), after warm-ups; medians in ms and the median
 * of the rounds' Lit/vanilla ratios. `grid` is the
 * list's class: `grid` (a plain responsive grid) or `grid directory` (the directory's, whose
 * items skip layout while off screen: content-visibility: auto).
 */
async function run(rounds: number, warmups: number, grid: string) {
  const out = {
    lit: { mount: [] as number[], refilter: [] as number[] },
    vanilla: { mount: [] as number[], refilter: [] as number[] },
  };
  let shown = { lit: 0, vanilla: 0 };
  for (let i = 0; i < warmups + rounds; i++) {
    const order: Array<"lit" | "vanilla"> = i % 2 === 0 ? ["lit", "vanilla"] : ["vanilla", "lit"];
    for (const name of order) {
      const r = await round(name === "lit" ? lit : vanilla, grid);
      shown[name] = r.shown;
      if (i >= warmups) {
        out[name].mount.push(r.mount);
        out[name].refilter.push(r.refilter);
      }
    }
  }
  // Each round's Lit and vanilla runs sit side by side in time, so their ratio is taken per
  // round and the median of those is reported: steadier than a ratio of medians when other
  // work on the machine comes and goes.
  const pairedRatio = (what: "mount" | "refilter") =>
    median(out.lit[what].map((t, i) => t / out.vanilla[what][i]!));
  return {
    cards: all.length,
    refiltered: shown,
    lit: { mount: median(out.lit.mount), refilter: median(out.lit.refilter) },
    vanilla: { mount: median(out.vanilla.mount), refilter: median(out.vanilla.refilter) },
    ratio: { mount: pairedRatio("mount"), refilter: pairedRatio("refilter") },
  };
}

(globalThis as { runBench?: typeof run }).runBench = run;

/** For profiling one side alone: `runOnly("lit", 5)`. */
async function runOnly(name: "lit" | "vanilla", rounds: number): Promise<void> {
  for (let i = 0; i < rounds; i++) await round(name === "lit" ? lit : vanilla, "grid");
}
(globalThis as { runOnly?: typeof runOnly }).runOnly = runOnly;
