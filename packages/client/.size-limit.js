// Bundle budgets for @linli/client, min+gzip, measured as a page's bundler ships the published
// files (esbuild, @linli/core and zod included, Chinese text as UTF-8). Limits sit about 8%
// above the figures measured when they were set (see the root README); every export must have
// one. The embedded store carries core's rules and the red house's demo data, which is why it
// weighs what it does.
import { readFileSync } from "node:fs";

const pkg = JSON.parse(readFileSync(new URL("./package.json", import.meta.url), "utf8"));
// (esbuild's notes that the shared chunks are side-effect free, which they are, are noise.)
const utf8 = (config) => ({
  ...config,
  charset: "utf8",
  logOverride: { ...config.logOverride, "ignored-bare-import": "silent" },
});

const entries = {
  ".": "63 kB",
  "./http": "21.5 kB",
  "./embedded": "59.5 kB",
  "./admin": "22.2 kB",
};

const code = Object.entries(pkg.exports).filter(([key]) => !key.endsWith(".json"));
const unbudgeted = code.map(([key]) => key).filter((key) => !(key in entries));
if (unbudgeted.length > 0) throw new Error(`no size budget for ${unbudgeted.join(", ")}`);

/** @type {import("size-limit").SizeLimitConfig} */
export default [
  ...code.map(([key, value]) => ({
    name: `@linli/client${key.slice(1)}`,
    path: value.import,
    limit: entries[key],
    gzip: true,
    modifyEsbuildConfig: utf8,
  })),
  // A page that gives the embedded store its own data: the demo data is a separate module,
  // loaded only by a store created without data.
  {
    name: "@linli/client/embedded, createEmbeddedStore given its data (demo data on demand)",
    path: pkg.exports["./embedded"].import,
    import: "{ createEmbeddedStore }",
    limit: "42.5 kB",
    gzip: true,
    modifyEsbuildConfig: (config) => ({
      ...utf8(config),
      plugins: [
        ...(config.plugins ?? []),
        {
          name: "on-demand-imports-load-later",
          setup(build) {
            build.onResolve({ filter: /.*/ }, (args) =>
              args.kind === "dynamic-import" ? { path: args.path, external: true } : undefined,
            );
          },
        },
      ],
    }),
  },
];
