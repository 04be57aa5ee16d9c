// Registers <linli-impact-board>. The only module of the board with a side effect: import it
// (or `@linli/elements/define.js`) to use the tag; import the class from the package root to
// extend it or register it under another name.
import { defineElement } from "../internal/define.js";
import { LinliImpactBoard } from "./impact-board.js";

defineElement("linli-impact-board", LinliImpactBoard);

export { LinliImpactBoard };
