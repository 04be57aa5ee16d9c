export * from "./result.js";
export * from "./issue.js";
export * from "./ids.js";
export * from "./image.js";
export * from "./consent.js";
