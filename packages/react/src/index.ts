/**
 * @linli/react: every @linli/elements web component as a typed React component (made with
 * `@lit/react`). Props are the elements' properties, set as DOM properties (so `store`,
 * `groups` and `snapshot` take objects); `on…` callbacks receive the elements' `linli-*`
 * events with their `detail` types. Each component registers its tag when imported.
 *
 * @example
 * ```tsx
 * import { LinliPreorder } from "@linli/react";
 * import { createEmbeddedStore } from "@linli/client/embedded";
 *
 * const store = createEmbeddedStore();
 * export const Bakery = () => (
 *   <LinliPreorder group="three-moms-baking" store={store} onOrderPlaced={(e) => alert(e.detail.orderId)} />
 * );
 * ```
 *
 * @packageDocumentation
 */
export {
  LinliGroupCard,
  type LinliGroupCardProps,
  type GroupJoinDetail,
} from "./linli-group-card.js";
export {
  LinliGroupDirectory,
  type LinliGroupDirectoryProps,
  type GroupsFilterDetail,
} from "./linli-group-directory.js";
export {
  LinliPreorder,
  type LinliPreorderProps,
  type OrderFailedDetail,
  type OrderPlacedDetail,
} from "./linli-preorder.js";
export {
  LinliRecruitForm,
  type LinliRecruitFormProps,
  type ApplicationFailedDetail,
  type ApplicationSubmittedDetail,
} from "./linli-recruit-form.js";
export {
  LinliSchedule,
  type LinliScheduleProps,
  type ScheduleExportDetail,
  type ScheduleHub,
} from "./linli-schedule.js";
export { LinliImpactBoard, type LinliImpactBoardProps } from "./linli-impact-board.js";
export type { LinliEventName } from "./event.js";
