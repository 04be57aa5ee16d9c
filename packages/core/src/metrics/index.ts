export * from "./schemas.js";
export * from "./data.js";
export * from "./period.js";
export { buildIncomeIndex, type IncomeIndex } from "./income.js";
export * from "./figures.js";
export * from "./builtins.js";
export * from "./registry.js";
export * from "./export.js";
