import { defineConfig } from "vitest/config";

export default defineConfig({
  // The test serves the built app (dist/, made by `vite build` in the test script) and drives
  // it in Chromium through Playwright; vitest itself runs in Node.
  test: {
    name: "example-vue",
    include: ["test/**/*.test.ts"],
    environment: "node",
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
