import vue from "@vitejs/plugin-vue";
import { defineConfig } from "vite";

export default defineConfig({
  plugins: [
    vue({
      // <linli-*> tags are custom elements (registered in main.ts), not Vue components: Vue
      // creates them as they are, sets `.prop` bindings as properties and listens for their
      // events with addEventListener.
      template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith("linli-") } },
    }),
  ],
  // Relative asset URLs: the built app works from any folder it is copied to.
  base: "./",
  server: { host: "127.0.0.1" },
  preview: { host: "127.0.0.1" },
});
