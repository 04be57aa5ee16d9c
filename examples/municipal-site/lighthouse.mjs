// Lighthouse 12.2.3 on the demo page, in Debian's Chromium: starts the site (fresh SQLite in a
// temp folder), runs Lighthouse's default mobile audit for performance and accessibility
// `--runs` times (3 by default), and prints the median score of each category as a BENCH
// line (score out of 100; the baseline is a perfect 100). Reports go to .lighthouse/.
//   node lighthouse.mjs [--runs 3] [--url http://127.0.0.1:8080/] (an already running site)
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs, promisify } from "node:util";
import { startSite } from "./server.mjs";
import { chromiumFlags, chromiumPath } from "./test/chromium.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const { values } = parseArgs({
  options: { runs: { type: "string", default: "3" }, url: { type: "string" } },
});
const runs = Math.max(1, Number(values.runs));
const targets = { performance: 95, accessibility: 100 };

const require = createRequire(import.meta.url);
const cli = join(dirname(require.resolve("lighthouse/package.json")), "cli", "index.js");
const chrome = chromiumPath();
if (!chrome) {
  console.error("lighthouse: no Chromium found; set CHROMIUM_PATH (or apt-get install chromium)");
  process.exit(1);
}

const dataDir = mkdtempSync(join(tmpdir(), "linli-site-lighthouse-"));
const site = values.url ? undefined : await startSite({ port: 0, db: join(dataDir, "linli.db") });
const url = values.url ?? `${site.url}/`;
const outDir = join(here, ".lighthouse");
mkdirSync(outDir, { recursive: true });

const scores = { performance: [], accessibility: [] };
try {
  for (let i = 1; i <= runs; i++) {
    const report = join(outDir, `report-${i}.json`);
    await promisify(execFile)(
      process.execPath,
      [
        cli,
        url,
        `--chrome-flags=--headless=new ${chromiumFlags.join(" ")}`,
        "--only-categories=performance,accessibility",
        "--output=json",
        `--output-path=${report}`,
        "--quiet",
      ],
      { env: { ...process.env, CHROME_PATH: chrome }, maxBuffer: 64 * 1024 * 1024 },
    );
    const result = JSON.parse(readFileSync(report, "utf8"));
    if (result.runtimeError) throw new Error(`Lighthouse: ${result.runtimeError.message}`);
    for (const category of Object.keys(scores)) {
      const score = Math.round(result.categories[category].score * 100);
      scores[category].push(score);
      const failing = Object.values(result.audits)
        .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode !== "informative")
        .filter((a) =>
          result.categories[category].auditRefs.some((r) => r.id === a.id && r.weight > 0),
        )
        .map((a) => `${a.id} ${a.displayValue ?? a.score}`);
      console.log(
        `run ${i} ${category}: ${score}${failing.length ? `  (below 1: ${failing.join(", ")})` : ""}`,
      );
    }
  }
} finally {
  await site?.close();
  rmSync(dataDir, { recursive: true, force: true });
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
let missed = false;
for (const [category, target] of Object.entries(targets)) {
  const value = median(scores[category]);
  missed ||= value < target;
  console.log(
    `BENCH ${JSON.stringify({
      name: `municipal-site lighthouse ${category} (median of ${runs})`,
      value,
      unit: "score",
      baseline: 100,
      ratio: value / 100,
      target: `>= ${target}`,
    })}`,
  );
}
if (missed) console.log("lighthouse: below target; reports in", outDir);
