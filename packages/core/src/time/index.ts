export * from "./schemas.js";
export * from "./zoned.js";
export * from "./format.js";
