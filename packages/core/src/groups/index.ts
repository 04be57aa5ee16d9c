export * from "./group.js";
export * from "./schedule.js";
