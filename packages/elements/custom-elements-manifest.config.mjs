// The custom-elements.json that editors, Storybook's docs tables and framework wrappers read.
export default {
  globs: ["src/**/*.ts"],
  exclude: ["src/**/*.test.ts", "src/**/*.stories.ts", "src/test-support/**"],
  outdir: ".",
  litelement: true,
  packagejson: false,
};
