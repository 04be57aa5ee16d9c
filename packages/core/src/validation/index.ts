export * from "./validate.js";
export * from "./labels.js";
