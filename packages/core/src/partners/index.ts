export * from "./partner.js";
