import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

export default defineConfig({
  plugins: [react()],
  // Relative asset URLs: the built app works from any folder it is copied to.
  base: "./",
  server: { host: "127.0.0.1" },
  preview: { host: "127.0.0.1" },
});
