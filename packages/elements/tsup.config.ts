import { readFileSync, rmSync } from "node:fs";
import type { Plugin } from "esbuild";
import { defineConfig, type Options } from "tsup";
import { minifyLiterals } from "./build/minify-literals.js";

const { version } = JSON.parse(readFileSync(new URL("./package.json", import.meta.url), "utf8"));

const shared: Options = {
  format: ["esm"],
  sourcemap: true,
  target: "es2022",
  platform: "browser",
  define: { __LINLI_ELEMENTS_VERSION__: JSON.stringify(version) },
  esbuildPlugins: [minifyLiterals()],
  // core's and client's chunks are imported bare; they are side-effect free, so esbuild's
  // "ignored bare import" notes about them are noise.
  esbuildOptions(options) {
    options.logOverride = { "ignored-bare-import": "silent" };
  },
};

const cdn: Options = {
  ...shared,
  outDir: "dist/cdn",
  splitting: true,
  minify: true,
  noExternal: [/.*/],
  esbuildOptions(options, context) {
    shared.esbuildOptions?.(options, context);
    // Chinese text as UTF-8 (3 bytes a character), not as \uXXXX escapes (6).
    options.charset = "utf8";
  },
};
const TAGS = [
  "group-card",
  "group-directory",
  "preorder",
  "recruit-form",
  "schedule",
  "impact-board",
] as const;

// What the per-tag script-tag files load on demand, each built into one file of dist/cdn: the
// HTTP client (for an `api` attribute), the check of data passed as properties, the
// preorder's rules and its calendar file. Keyed by how the elements' sources import them.
const ON_DEMAND: Record<string, { file: string; entry: string }> = {
  "@linli/client/http": {
    file: "on-demand-http-client",
    entry: "node_modules/@linli/client/dist/http/index.js",
  },
  "./check-data-run.js": { file: "on-demand-check-data", entry: "src/internal/check-data-run.ts" },
  "./preorder.rules.js": {
    file: "on-demand-preorder-rules",
    entry: "src/preorder/preorder.rules.ts",
  },
};

/** Points the elements' on-demand imports at the files built from {@link ON_DEMAND}. */
const onDemandFiles = (): Plugin => ({
  name: "on-demand-files",
  setup(build) {
    build.onResolve({ filter: /./ }, (args) => {
      const target = ON_DEMAND[args.path];
      if (args.kind !== "dynamic-import" || target === undefined) return undefined;
      return { path: `./${target.file}.js`, external: true };
    });
  },
});

// The script-tag builds below write into one folder; it is emptied here, once, before
// any starts (a `clean` option on each would race with the others' output).
rmSync(new URL("./dist/cdn", import.meta.url), { recursive: true, force: true });

export default defineConfig([
  // The npm build: each source module compiled on its own (no bundling), so the registration
  // modules listed under "sideEffects" hold their `defineElement` calls themselves, and a
  // page's bundler can drop every module it does not use. lit and @linli/* stay imports.
  {
    ...shared,
    entry: ["src/**/*.ts", "!src/**/*.test.ts", "!src/**/*.stories.ts", "!src/test-support/**"],
    bundle: false,
    dts: true,
    clean: ["!cdn/**"], // dist/cdn belongs to the script-tag builds (emptied above)
    onSuccess: "mkdir -p dist/themes && cp src/themes/*.css dist/themes/",
  },
  // The script-tag build, for pages without a bundler: dist/cdn/linli-elements.js registers
  // every tag (<script type="module" src=".../@linli/elements/dist/cdn/linli-elements.js">)
  // and loads on demand what few pages need (the HTTP client, for an `api` attribute; the
  // schema check of data passed as properties; the preorder's rules) as chunks of its own,
  // which share code with it (one copy of zod, one of core).
  {
    ...cdn,
    entry: { "linli-elements": "src/define.ts" },
  },
  // One file per tag (dist/cdn/linli-group-card.js, …) for a page that uses one or two. Each
  // holds only what its element needs to render; what it loads on demand is a file of its own
  // (below), shared by the tags. (Code splitting, as in linli-elements.js, works file by file:
  // a core module that both the card and its schema check use went into a chunk the card
  // imported up front, with zod in tow, ~21 KB min+gzip before the card rendered, not ~12.)
  ...TAGS.map((t) => ({
    ...cdn,
    entry: { [`linli-${t}`]: `src/${t}/linli-${t}.ts` },
    splitting: false,
    esbuildPlugins: [...(cdn.esbuildPlugins ?? []), onDemandFiles()],
  })),
  ...Object.entries(ON_DEMAND).map(([, { file, entry }]) => ({
    ...cdn,
    entry: { [file]: entry },
    splitting: false,
  })),
]);
