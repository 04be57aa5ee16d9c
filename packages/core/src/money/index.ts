export * from "./currency.js";
export * from "./rounding.js";
export * from "./money.js";
export * from "./format.js";
