export * from "./rules.js";
export * from "./period.js";
export * from "./allocate.js";
export * from "./refund.js";
export * from "./ledger.js";
export * from "./columns.js";
