import { defineConfig } from "tsup";

export default defineConfig({
  // One module per component, each importing only its own element's registration module, so
  // a bundle that uses one component registers (and carries) one element.
  entry: ["src/*.ts"],
  format: ["esm"],
  bundle: false,
  dts: true,
  sourcemap: true,
  clean: true,
  target: "es2022",
  platform: "browser",
});
