import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App.js";
import { exampleStore } from "./data.js";

const store = exampleStore();

createRoot(document.getElementById("app")!).render(
  <StrictMode>
    <App store={store} />
  </StrictMode>,
);
