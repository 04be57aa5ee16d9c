export * from "./validate.js";
export * from "./codes.js";
export * from "./labels.js";
