// Registers <linli-group-card>. The only module of the card with a side effect: import it
// (or `@linli/elements/define.js`) to use the tag; import the class from the package root to
// extend it or register it under another name.
import { defineElement } from "../internal/define.js";
import { LinliGroupCard } from "./group-card.js";

defineElement("linli-group-card", LinliGroupCard);

export { LinliGroupCard };
export type { GroupJoinDetail } from "./group-card.js";
