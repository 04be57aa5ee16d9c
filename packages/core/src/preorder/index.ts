export * from "./menu.js";
export * from "./order.js";
export * from "./rules.js";
