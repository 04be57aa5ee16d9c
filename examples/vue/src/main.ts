// Registers the tags this page uses; each module registers one element (and what it shows).
import "@linli/elements/linli-group-directory.js";
import "@linli/elements/linli-preorder.js";
import "@linli/elements/linli-recruit-form.js";
import "@linli/elements/linli-schedule.js";
import "@linli/elements/linli-impact-board.js";
import { createApp } from "vue";
import App from "./App.vue";
import { exampleStore } from "./data.js";

createApp(App, { store: exampleStore() }).mount("#app");
