import { createComponent } from "@lit/react";
import React from "react";
// Registers <linli-schedule>: @linli/elements lists its registration modules as side
// effects, so a bundler keeps the registration wherever this component is used, and drops
// both when not.
import { LinliSchedule as LinliScheduleElement } from "@linli/elements/linli-schedule.js";
import { linliEvent } from "./event.js";

/**
 * `<linli-schedule>` as a React component: a hub's weekly timetable across its groups.
 * `onScheduleExport` receives `linli-schedule-export` ({@link ScheduleExportDetail}) before an
 * `.ics` file downloads; call `e.preventDefault()` to send the file elsewhere.
 *
 * @example
 * ```tsx
 * <LinliSchedule store={store} onScheduleExport={(e) => console.log(e.detail.filename)} />
 * ```
 */
export const LinliSchedule = /* @__PURE__ */ createComponent({
  react: React,
  tagName: "linli-schedule",
  elementClass: LinliScheduleElement,
  events: { onScheduleExport: linliEvent("linli-schedule-export") },
  displayName: "LinliSchedule",
});

/** The props of {@link LinliSchedule}. */
export type LinliScheduleProps = React.ComponentProps<typeof LinliSchedule>;

export type { ScheduleExportDetail, ScheduleHub } from "@linli/elements/linli-schedule.js";
