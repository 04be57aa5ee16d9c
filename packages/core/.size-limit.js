// Bundle budgets for @linli/core, min+gzip, measured as a page's bundler ships the published
// files (esbuild, zod included, Chinese text as UTF-8). One line per public entry with all of
// its exports (the most a page can pay for that entry), then what the elements actually take
// from it: a bundle keeps only what it imports. Limits sit about 8% above the figures measured
// when they were set (see the root README); every export must have one.
import { readFileSync } from "node:fs";

const pkg = JSON.parse(readFileSync(new URL("./package.json", import.meta.url), "utf8"));
// (esbuild's notes that the shared chunks are side-effect free, which they are, are noise.)
const utf8 = (config) => ({
  ...config,
  charset: "utf8",
  logOverride: { ...config.logOverride, "ignored-bare-import": "silent" },
});

/** Limit per entry, whole entry (kB). Measured: see the root README's "Weight" table. */
const entries = {
  ".": "53.5 kB",
  "./money": "8.4 kB",
  "./i18n": "10.5 kB",
  "./time": "6.7 kB",
  "./calendar": "0.9 kB",
  "./phone": "4.3 kB",
  "./validation": "8.3 kB",
  "./hub": "8.5 kB",
  "./groups": "11.7 kB",
  "./partners": "9.5 kB",
  "./recruitment": "10.7 kB",
  "./preorder": "16.8 kB",
  "./split": "18.5 kB",
  "./requests": "7.7 kB",
  "./metrics": "23.4 kB",
  "./contract": "31.6 kB",
  "./fixtures": "22.4 kB",
};

const code = Object.entries(pkg.exports).filter(([key]) => !key.endsWith(".json"));
const unbudgeted = code.map(([key]) => key).filter((key) => !(key in entries));
if (unbudgeted.length > 0) throw new Error(`no size budget for ${unbudgeted.join(", ")}`);

/** @type {import("size-limit").SizeLimitConfig} */
export default [
  ...code.map(([key, value]) => ({
    name: `@linli/core${key.slice(1)} (whole entry)`,
    path: value.import,
    limit: entries[key],
    gzip: true,
    modifyEsbuildConfig: utf8,
  })),
  // What widgets take: no zod in any of these but the last.
  {
    name: "{ formatMoney } from @linli/core/money",
    path: "dist/money/index.js",
    import: "{ formatMoney }",
    limit: "0.5 kB",
    gzip: true,
    modifyEsbuildConfig: utf8,
  },
  {
    name: "{ matchesGroupQuery, nextSession, GROUP_STATUS_LABELS } from @linli/core/groups",
    path: "dist/groups/index.js",
    import: "{ matchesGroupQuery, nextSession, GROUP_STATUS_LABELS }",
    limit: "1.3 kB",
    gzip: true,
    modifyEsbuildConfig: utf8,
  },
  {
    name: "{ priceOrder, checkOrder } from @linli/core/preorder",
    path: "dist/preorder/index.js",
    import: "{ priceOrder, checkOrder }",
    limit: "4.2 kB",
    gzip: true,
    modifyEsbuildConfig: utf8,
  },
  {
    name: "{ validate, OrderDraftSchema } from @linli/core (zod/mini)",
    path: "dist/index.js",
    import: "{ validate, OrderDraftSchema }",
    limit: "14.3 kB",
    gzip: true,
    modifyEsbuildConfig: utf8,
  },
  // What <linli-preorder>'s rules chunk does instead: word only what the draft can raise.
  {
    name: "{ validateIn, fieldValidationMessages, orderMessages, OrderDraftSchema } from @linli/core",
    path: "dist/index.js",
    import: "{ validateIn, fieldValidationMessages, orderMessages, OrderDraftSchema }",
    limit: "12 kB",
    gzip: true,
    modifyEsbuildConfig: utf8,
  },
];
