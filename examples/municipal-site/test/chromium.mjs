// Debian's Chromium for the tests and the Lighthouse run: CHROMIUM_PATH, then /usr/bin/chromium,
// then Playwright's own browser (for machines that installed one). Never downloads a browser.
import { existsSync } from "node:fs";

export const chromiumPath = () =>
  process.env.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

/** Flags Chromium needs as root in a container, and to stay off the network. */
export const chromiumFlags = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-quic",
];
