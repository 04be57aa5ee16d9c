/**
 * @linli/elements: Lit custom elements for community platforms. This entry exports the
 * classes and helpers without registering any tag; import `@linli/elements/define.js` (all
 * tags) or `@linli/elements/linli-group-card.js` (one) to register them.
 *
 * @packageDocumentation
 */
export { LinliGroupCard, type GroupJoinDetail } from "./group-card/group-card.js";
export { groupCardMessages, type GroupCardStringKey } from "./group-card/group-card.messages.js";
export { LinliGroupDirectory, type GroupsFilterDetail } from "./group-directory/group-directory.js";
export {
  groupDirectoryMessages,
  type GroupDirectoryStringKey,
} from "./group-directory/group-directory.messages.js";
export {
  LinliPreorder,
  type OrderFailedDetail,
  type OrderPlacedDetail,
} from "./preorder/preorder.js";
export { preorderMessages, type PreorderStringKey } from "./preorder/preorder.messages.js";
export {
  LinliRecruitForm,
  type ApplicationFailedDetail,
  type ApplicationFailureReason,
  type ApplicationSubmittedDetail,
} from "./recruit-form/recruit-form.js";
export {
  recruitFormMessages,
  type RecruitFormStringKey,
} from "./recruit-form/recruit-form.messages.js";
export { LinliSchedule, type ScheduleExportDetail, type ScheduleHub } from "./schedule/schedule.js";
export { scheduleMessages, type ScheduleStringKey } from "./schedule/schedule.messages.js";
export { LinliImpactBoard } from "./impact-board/impact-board.js";
export {
  impactBoardMessages,
  type ImpactBoardStringKey,
} from "./impact-board/impact-board.messages.js";
export { LinliElement, type EventDetail } from "./internal/base-element.js";
export {
  errorSummary,
  errorSummaryStyles,
  focusField,
  focusSummary,
  type SummaryError,
} from "./internal/error-summary.js";
export { defineElement, type VersionedElement } from "./internal/define.js";
export { formatNumber, formatSessionTime } from "./internal/format.js";
export {
  closestLang,
  LocalizeController,
  plural,
  setStrings,
  type Catalogue,
  type LocalizedHost,
  type StringOverride,
  type StringOverrides,
} from "./internal/localize.js";
export {
  errorMessage,
  httpStore,
  StoreController,
  type DataState,
  type StoreHost,
} from "./internal/store-controller.js";
export { baseStyles, tokens } from "./internal/theme.js";
export { VERSION } from "./internal/version.js";
