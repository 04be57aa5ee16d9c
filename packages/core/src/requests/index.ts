export * from "./request.js";
