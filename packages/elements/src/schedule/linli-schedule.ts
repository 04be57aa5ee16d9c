// Registers <linli-schedule>. The only module of the timetable with a side effect: import it
// (or `@linli/elements/define.js`) to use the tag; import the class from the package root to
// extend it or register it under another name.
import { defineElement } from "../internal/define.js";
import { LinliSchedule } from "./schedule.js";

defineElement("linli-schedule", LinliSchedule);

export { LinliSchedule };
export type { ScheduleExportDetail, ScheduleHub } from "./schedule.js";
