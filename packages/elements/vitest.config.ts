import { defineConfig, type Plugin } from "vitest/config";
import { playwright } from "@vitest/browser-playwright";
import { storybookTest } from "@storybook/addon-vitest/vitest-plugin";
import { fileURLToPath } from "node:url";
import { existsSync } from "node:fs";

// @open-wc/testing pulls in @web/test-runner-commands, which imports a web-dev-server socket
// module that only exists under Web Test Runner: resolve it to a stub.
const wdsSocketStub = (): Plugin => ({
  name: "wds-socket-stub",
  enforce: "pre",
  resolveId: (id) => (id.endsWith("__web-dev-server__web-socket.js") ? "\0wds-socket" : undefined),
  load: (id) =>
    id === "\0wds-socket"
      ? "export function sendMessage(){} export async function sendMessageWaitForResponse(){throw new Error('not under Web Test Runner')}"
      : undefined,
});

/** Debian's chromium (or CHROMIUM_PATH); otherwise Playwright's own browser, if installed. */
export function chromiumPath(): string | undefined {
  const candidates = [process.env["CHROMIUM_PATH"], "/usr/bin/chromium"];
  return candidates.find((p): p is string => p !== undefined && p !== "" && existsSync(p));
}

export const chromiumArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-quic",
];

// A fresh object per project: vitest mutates it.
const browser = () => {
  const executablePath = chromiumPath();
  return {
    enabled: true,
    headless: true,
    screenshotFailures: false,
    instances: [{ browser: "chromium" as const }],
    provider: playwright({
      launchOptions: { ...(executablePath ? { executablePath } : {}), args: chromiumArgs },
    }),
  };
};

export default defineConfig({
  plugins: [wdsSocketStub()],
  // Pre-bundled up front, so a dependency first seen mid-run does not reload the test page.
  optimizeDeps: {
    include: [
      "lit",
      "lit/directives/repeat.js",
      "lit/directives/live.js",
      "@open-wc/testing",
      "ical.js",
    ],
  },
  test: {
    // Real Chromium on a busy 2-core machine: typing into a whole form can take seconds.
    testTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: {
          name: "elements",
          include: ["src/**/*.test.ts", "bench/**/*.test.ts"],
          browser: browser(),
        },
      },
      {
        // Server rendering: dist/ in Node (see ssr/), then in Chromium through Playwright.
        extends: true,
        test: { name: "ssr", include: ["ssr/**/*.test.ts"], environment: "node" },
      },
      {
        extends: true,
        plugins: [
          storybookTest({ configDir: fileURLToPath(new URL("../../.storybook", import.meta.url)) }),
        ],
        test: { name: "storybook", browser: browser() },
      },
    ],
  },
});
