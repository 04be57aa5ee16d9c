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

// The issue asked for the card at 10 KB or less, from a bare Lit card at about 6.6 KB. Lit
// alone weighs about 6.1 KB here; the card's share of core (category and status labels in two
// languages, ~0.5 KB; nextSession and its time-zone arithmetic, ~0.75 KB), its styles and
// the default theme tokens (~1.1 KB), its template (~1.2 KB), the language controller
// (~0.4 KB) and Intl formatting, the registration guard and the idle-time schema check
// (~0.4 KB together) come to about 11.6 KB. Nothing there can go without losing something the
// issue asks for, so the limit below guards the real figure against growth instead of
// pretending to meet 10 KB; see the package README ("Weight").

/** @type {import("size-limit").SizeLimitConfig} */
export default [
  {
    name: "<linli-group-card>, eager: Lit + its share of core",
    path: "dist/group-card/linli-group-card.js",
    modifyEsbuildConfig: eager,
    gzip: true,
    limit: "11.8 KB",
  },
  {
    name: "<linli-group-directory> with the card, eager",
    path: "dist/group-directory/linli-group-directory.js",
    modifyEsbuildConfig: eager,
    gzip: true,
    limit: "16.2 KB",
  },
  {
    name: "<linli-group-card> with its schema check (loaded when idle)",
    path: "dist/group-card/linli-group-card.js",
    modifyEsbuildConfig: utf8,
    gzip: true,
    limit: "36 KB",
  },
  {
    name: "<linli-preorder>, eager: Lit + its share of core",
    path: "dist/preorder/linli-preorder.js",
    modifyEsbuildConfig: eager,
    gzip: true,
    limit: "22 KB",
  },
  {
    name: "<linli-preorder> with core's rules chunk (validation, pricing, .ics), no HTTP client",
    path: "dist/preorder/linli-preorder.js",
    modifyEsbuildConfig: (c) => ({
      ...utf8(c),
      external: [...(c.external ?? []), "@linli/client/http"],
    }),
    gzip: true,
    limit: "36 KB",
  },
  {
    name: "<linli-recruit-form>, eager: Lit + core's schema check (issue asked ≤ 22 KB; see README)",
    path: "dist/recruit-form/linli-recruit-form.js",
    modifyEsbuildConfig: eager,
    gzip: true,
    limit: "26.5 KB",
  },
  {
    name: "<linli-schedule>, eager: Lit + its share of core",
    path: "dist/schedule/linli-schedule.js",
    modifyEsbuildConfig: eager,
    gzip: true,
    limit: "15 KB",
  },
  {
    name: "<linli-impact-board>, eager: Lit + its share of core",
    path: "dist/impact-board/linli-impact-board.js",
    modifyEsbuildConfig: eager,
    gzip: true,
    limit: "15 KB",
  },
  {
    name: "every element with everything on demand (schema checks, rules, HTTP client)",
    path: "dist/define.js",
    modifyEsbuildConfig: utf8,
    gzip: true,
    limit: "66 KB",
  },
];
