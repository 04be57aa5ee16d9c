import { defineConfig } from "tsup";

// One entry per public subpath; shared code is split into chunks so importing
// `@linli/core/money` does not drag in the rest.
const areas = [
  "money",
  "i18n",
  "time",
  "calendar",
  "phone",
  "validation",
  "hub",
  "groups",
  "partners",
  "recruitment",
  "preorder",
  "split",
  "requests",
  "metrics",
  "contract",
  "fixtures",
];

export default defineConfig({
  entry: {
    index: "src/index.ts",
    ...Object.fromEntries(areas.map((a) => [`${a}/index`, `src/${a}/index.ts`])),
  },
  format: ["esm"],
  dts: true,
  sourcemap: true,
  clean: true,
  splitting: true,
  treeshake: true,
  target: "es2022",
  platform: "neutral",
});
