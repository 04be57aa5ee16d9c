export * from "./hub.js";
