export * from "./lifecycle.js";
