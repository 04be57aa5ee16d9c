export * from "./errors.js";
export * from "./routes.js";
export * from "./openapi.js";
export * from "./receipts.js";
