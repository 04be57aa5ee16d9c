import type { StorybookConfig } from "@storybook/web-components-vite";

// Storybook for designers: every state of every @linli/elements component, with the docs
// tables read from the package's custom-elements.json (written by its build), and axe run on
// each story (preview.ts makes violations fail the story tests).
const config: StorybookConfig = {
  stories: ["../packages/elements/src/**/*.stories.ts"],
  staticDirs: ["./public"],
  framework: "@storybook/web-components-vite",
  addons: ["@storybook/addon-a11y", "@storybook/addon-docs", "@storybook/addon-vitest"],
  core: { disableTelemetry: true },
};

export default config;
