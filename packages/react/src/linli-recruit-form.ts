import { createComponent } from "@lit/react";
import React from "react";
// Registers <linli-recruit-form>: @linli/elements lists its registration modules as side
// effects, so a bundler keeps the registration wherever this component is used, and drops
// both when not.
import { LinliRecruitForm as LinliRecruitFormElement } from "@linli/elements/linli-recruit-form.js";
import { linliEvent } from "./event.js";

/**
 * `<linli-recruit-form>` as a React component: the hub's call for partners and the form that
 * answers it. `onApplicationSubmitted` receives `linli-application-submitted`
 * ({@link ApplicationSubmittedDetail}: the receipt, no personal details);
 * `onApplicationFailed` receives `linli-application-failed` ({@link ApplicationFailedDetail}).
 *
 * @example
 * ```tsx
 * <LinliRecruitForm
 *   store={store}
 *   onApplicationSubmitted={(e) => setReference(e.detail.receipt.reference)}
 * />
 * ```
 */
export const LinliRecruitForm = /* @__PURE__ */ createComponent({
  react: React,
  tagName: "linli-recruit-form",
  elementClass: LinliRecruitFormElement,
  events: {
    onApplicationSubmitted: linliEvent("linli-application-submitted"),
    onApplicationFailed: linliEvent("linli-application-failed"),
  },
  displayName: "LinliRecruitForm",
});

/** The props of {@link LinliRecruitForm}. */
export type LinliRecruitFormProps = React.ComponentProps<typeof LinliRecruitForm>;

export type {
  ApplicationFailedDetail,
  ApplicationSubmittedDetail,
} from "@linli/elements/linli-recruit-form.js";
