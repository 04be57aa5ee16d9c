import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// The workspace seen from outside: its packages as tarballs in a fresh npm project, and its
// pending changesets applied to a copy of it. Run by `pnpm test` after the packages' tests.
export default defineConfig({
  root: fileURLToPath(new URL("..", import.meta.url)),
  test: {
    include: ["tests/**/*.test.ts"],
    environment: "node",
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});
