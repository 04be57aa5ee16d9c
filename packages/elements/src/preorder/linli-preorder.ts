// Registers <linli-preorder>. The only module of the preorder widget with a side effect:
// import it (or `@linli/elements/define.js`) to use the tag; import the class from the
// package root to extend it or register it under another name.
import { defineElement } from "../internal/define.js";
import { LinliPreorder } from "./preorder.js";

defineElement("linli-preorder", LinliPreorder);

export { LinliPreorder };
export type { OrderFailedDetail, OrderPlacedDetail } from "./preorder.js";
