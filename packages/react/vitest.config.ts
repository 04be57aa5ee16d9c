import { existsSync } from "node:fs";
import { defineConfig } from "vitest/config";
import { playwright } from "@vitest/browser-playwright";

/** Debian's chromium (or CHROMIUM_PATH); otherwise Playwright's own browser, if installed. */
const executablePath = [process.env["CHROMIUM_PATH"], "/usr/bin/chromium"].find(
  (p): p is string => p !== undefined && p !== "" && existsSync(p),
);

// A fresh object per project: vitest mutates it.
const browser = () => ({
  enabled: true,
  headless: true,
  screenshotFailures: false,
  instances: [{ browser: "chromium" as const }],
  provider: playwright({
    launchOptions: {
      ...(executablePath ? { executablePath } : {}),
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-quic",
      ],
    },
  }),
});

export default defineConfig({
  // The tests are .tsx: React's automatic runtime, as the tsconfig says.
  oxc: { jsx: { runtime: "automatic" } },
  // Pre-bundled up front, so a dependency first seen mid-run does not reload the test page.
  optimizeDeps: {
    include: ["react", "react/jsx-runtime", "react-dom/client", "@lit/react", "lit"],
  },
  test: {
    // Real Chromium on a busy 2-core machine: typing into a whole form can take seconds.
    testTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: { name: "react", include: ["test/**/*.test.tsx"], browser: browser() },
      },
      // What a page's bundler makes of the built package (esbuild, in Node).
      {
        extends: true,
        test: { name: "react-bundle", include: ["test/**/*.test.ts"], environment: "node" },
      },
    ],
  },
});
