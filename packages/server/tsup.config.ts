import { defineConfig } from "tsup";

export default defineConfig({
  entry: { index: "src/index.ts", cli: "src/cli.ts" },
  format: ["esm"],
  dts: { entry: { index: "src/index.ts" } },
  sourcemap: true,
  clean: true,
  target: "node20",
  platform: "node",
  external: ["@linli/core", "better-sqlite3", "hono", "@hono/node-server"],
  banner: ({ format }) => (format === "esm" ? {} : {}),
});
