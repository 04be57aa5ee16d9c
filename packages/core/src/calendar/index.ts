export * from "./ics.js";
