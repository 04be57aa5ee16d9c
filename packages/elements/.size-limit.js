// Bundle budgets, min+gzip, measured the way a page's bundler ships the published files:
// esbuild, with lit and @linli/core's share bundled in. "eager" leaves out what an element
// imports only on demand (the schema check that runs when the browser is idle, and the HTTP
// client that loads only for an `api` attribute): it is what must arrive before the element
// renders. The other lines count those on-demand modules too.
// Chinese text ships as UTF-8 (as Vite and Rollup emit it), not as esbuild's \uXXXX escapes.
const utf8 = (config) => ({ ...config, charset: "utf8" });
const eager = (config) => ({
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
});

/** @type {import("size-limit").SizeLimitConfig} */
export default [
  {
    name: "<linli-group-card>, eager: Lit + its share of core",
    path: "dist/group-card/linli-group-card.js",
    modifyEsbuildConfig: eager,
    gzip: true,
    limit: "10 KB",
  },
  {
    name: "<linli-group-directory> with the card, eager",
    path: "dist/group-directory/linli-group-directory.js",
    modifyEsbuildConfig: eager,
    gzip: true,
    limit: "14 KB",
  },
  {
    name: "<linli-group-card> with its schema check (loaded when idle)",
    path: "dist/group-card/linli-group-card.js",
    modifyEsbuildConfig: utf8,
    gzip: true,
    limit: "40 KB",
  },
  {
    name: "both elements with everything on demand (schema check, HTTP client)",
    path: "dist/define.js",
    modifyEsbuildConfig: utf8,
    gzip: true,
    limit: "60 KB",
  },
];
