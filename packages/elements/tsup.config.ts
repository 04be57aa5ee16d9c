import { readFileSync } from "node:fs";
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

export default defineConfig([
  // The npm build: each source module compiled on its own (no bundling), so the registration
  // modules listed under "sideEffects" hold their `defineElement` calls themselves, and a
  // page's bundler can drop every module it does not use. lit and @linli/* stay imports.
  {
    ...shared,
    entry: ["src/**/*.ts", "!src/**/*.test.ts", "!src/**/*.stories.ts", "!src/test-support/**"],
    bundle: false,
    dts: true,
    clean: true,
    onSuccess: "mkdir -p dist/themes && cp src/themes/*.css dist/themes/",
  },
  // The script-tag build: everything in one file (plus a chunk for the HTTP client, loaded
  // only when an element has an `api` attribute), for
  // <script type="module" src="https://unpkg.com/@linli/elements/dist/cdn/linli-elements.js">.
  {
    ...shared,
    entry: { "linli-elements": "src/define.ts" },
    outDir: "dist/cdn",
    splitting: true,
    treeshake: true,
    minify: true,
    noExternal: [/.*/],
  },
]);
