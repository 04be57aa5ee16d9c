// Registers <linli-recruit-form>. The only module of the form with a side effect: import it
// (or `@linli/elements/define.js`) to use the tag; import the class from the package root to
// extend it or register it under another name.
import { defineElement } from "../internal/define.js";
import { LinliRecruitForm } from "./recruit-form.js";

defineElement("linli-recruit-form", LinliRecruitForm);

export { LinliRecruitForm };
export type {
  ApplicationFailedDetail,
  ApplicationFailureReason,
  ApplicationSubmittedDetail,
} from "./recruit-form.js";
