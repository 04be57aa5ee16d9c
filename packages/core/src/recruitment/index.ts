export * from "./recruitment.js";
