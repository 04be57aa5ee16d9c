/**
 * @linli/core: Linli's typed domain. Every entity is a `zod/mini` schema and its type is
 * inferred from it. Pure: no DOM, no I/O, no clock (pass `now` in).
 *
 * @packageDocumentation
 */
export * from "./common/index.js";
export * from "./i18n/index.js";
export * from "./money/index.js";
export * from "./time/index.js";
export * from "./calendar/index.js";
export * from "./phone/index.js";
export * from "./validation/index.js";
export * from "./lifecycle/index.js";
export * from "./hub/index.js";
export * from "./groups/index.js";
export * from "./partners/index.js";
export * from "./recruitment/index.js";
export * from "./preorder/index.js";
export * from "./split/index.js";
export * from "./requests/index.js";
export * from "./metrics/index.js";
export * from "./contract/index.js";
