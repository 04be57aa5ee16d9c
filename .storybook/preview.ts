import { setCustomElementsManifest, type Preview } from "@storybook/web-components-vite";
import { html } from "lit";
import { configure } from "storybook/test";
import manifest from "../packages/elements/custom-elements.json";
import "../packages/elements/src/themes/dark.css";
import "../packages/elements/src/themes/high-contrast.css";
import "./preview.css";

setCustomElementsManifest(manifest);

// Story tests run against a dev server that transforms a module the first time it is asked
// for, and the embedded store imports its demo data only when first used: on a busy 2-core CI
// machine that first load can pass testing-library's 1 s default, so waits get 5 s.
configure({ asyncUtilTimeout: 5000 });

const themes: Record<string, string> = {
  light: "",
  dark: "linli-theme-dark",
  "high-contrast": "linli-theme-high-contrast",
};

const preview: Preview = {
  // axe violations fail the story tests, not just the panel.
  parameters: { a11y: { test: "error" }, layout: "fullscreen" },
  tags: ["autodocs"],
  globalTypes: {
    locale: {
      description: "Language (the closest [lang])",
      toolbar: { icon: "globe", items: ["zh-CN", "en"], dynamicTitle: true },
    },
    theme: {
      description: "Theme (a class from @linli/elements/themes/*.css)",
      toolbar: { icon: "paintbrush", items: Object.keys(themes), dynamicTitle: true },
    },
  },
  initialGlobals: { locale: "zh-CN", theme: "light" },
  // Every story renders inside a frame with the chosen language and theme, as a host page's
  // <html lang> and <body class> would give them.
  decorators: [
    (story, { globals }) =>
      html`<div
        class="story-frame ${themes[globals["theme"] as string] ?? ""}"
        lang=${(globals["locale"] as string) ?? "zh-CN"}
      >
        ${story()}
      </div>`,
  ],
};

export default preview;
