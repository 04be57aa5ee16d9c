// `pnpm bench` for @linli/elements: 1,000 <linli-group-card>s against a hand-written vanilla
// baseline in the same headless Chromium page and run (Debian's chromium: CHROMIUM_PATH, then
// /usr/bin/chromium, then Playwright's own browser). Prints one BENCH line per figure, in
// the shape of packages/core/bench/report.ts.
import { build } from "esbuild";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright";
import { minifyLiterals } from "../build/minify-literals.js";

interface BenchFigure {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  readonly baseline: number;
  readonly ratio: number;
  readonly target: number | string;
}

function report(figure: BenchFigure): void {
  const round = (x: number) => Math.round(x * 1000) / 1000;
  console.log(
    `BENCH ${JSON.stringify({ ...figure, value: round(figure.value), baseline: round(figure.baseline), ratio: round(figure.ratio) })}`,
  );
}

interface Result {
  cards: number;
  refiltered: { lit: number; vanilla: number };
  lit: { mount: number; refilter: number };
  vanilla: { mount: number; refilter: number };
  /** Median over rounds of (Lit time / vanilla time in the same round). */
  ratio: { mount: number; refilter: number };
}

const ROUNDS = Number(process.env["LINLI_BENCH_ROUNDS"] ?? 9);
const WARMUPS = 2;
const ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-quic",
  "--js-flags=--expose-gc",
];

const executablePath = [process.env["CHROMIUM_PATH"], "/usr/bin/chromium"].find(
  (p): p is string => !!p && existsSync(p),
);

// The page script: the card from source with its templates minified as the published build
// has them (build/minify-literals.ts), and production Lit (no "development" condition).
const bundle = await build({
  plugins: [minifyLiterals()],
  entryPoints: [fileURLToPath(new URL("./page.ts", import.meta.url))],
  bundle: true,
  format: "esm",
  minify: true,
  write: false,
  charset: "utf8",
  logLevel: "error",
  logOverride: { "ignored-bare-import": "silent" },
});

const browser = await chromium.launch({
  ...(executablePath ? { executablePath } : {}),
  args: ARGS,
  headless: true,
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on("pageerror", (e) => console.error("page error:", e));
  await page.setContent(
    `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>bench</title><style>` +
      `body{margin:0}` +
      `.grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(18rem,1fr));gap:1.25rem;list-style:none;margin:0;padding:1rem}` +
      // The rule <linli-group-directory> gives its items (group-directory.styles.ts).
      `.directory>li{content-visibility:auto;contain-intrinsic-size:auto 32rem}` +
      `</style></head><body></body></html>`,
  );
  await page.addScriptTag({ content: bundle.outputFiles[0]!.text, type: "module" });
  await page.waitForFunction(() => "runBench" in globalThis);
  const run = (grid: string) =>
    page.evaluate(
      ([rounds, warmups, grid]) =>
        (
          globalThis as unknown as {
            runBench: (r: number, w: number, grid: string) => Promise<Result>;
          }
        ).runBench(rounds, warmups, grid),
      [ROUNDS, WARMUPS, grid] as const,
    );
  console.log(
    `chromium ${browser.version()}; medians of ${ROUNDS} interleaved rounds after ${WARMUPS} warm-ups ` +
      "(ratio: median of the rounds' Lit/vanilla); each time runs from the change to the next " +
      "painted frame (after layout)",
  );
  const figures = (label: string, key: string, r: Result, target: string) => {
    if (r.refiltered.lit !== r.refiltered.vanilla)
      throw new Error(`the two lists disagree after filtering: ${JSON.stringify(r.refiltered)}`);
    console.log(`${label}: ${r.cards} cards, re-filtered to ${r.refiltered.lit}`);
    for (const [what, name] of [
      ["mount", `mount-${r.cards}`],
      ["refilter", `refilter-${r.cards}-to-${r.refiltered.lit}`],
    ] as const) {
      const ratio = r.ratio[what];
      console.log(
        `  ${what.padEnd(8)} Lit ${r.lit[what].toFixed(1)} ms, vanilla ${r.vanilla[what].toFixed(1)} ms, ratio ${ratio.toFixed(2)}`,
      );
      report({
        name: `elements.group-card.${key}${name}.vs-vanilla`,
        value: r.lit[what],
        unit: "ms",
        baseline: r.vanilla[what],
        ratio,
        target,
      });
    }
  };
  figures("in a plain grid", "", await run("grid"), "<= 1.3");
  figures(
    "in the directory's grid (content-visibility: auto)",
    "directory-grid.",
    await run("grid directory"),
    "report only",
  );
} finally {
  await browser.close();
}
