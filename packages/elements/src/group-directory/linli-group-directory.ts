// Registers <linli-group-directory> and the <linli-group-card> it shows. The only module of
// the directory with a side effect.
import "../group-card/linli-group-card.js";
import { defineElement } from "../internal/define.js";
import { LinliGroupDirectory } from "./group-directory.js";

defineElement("linli-group-directory", LinliGroupDirectory);

export { LinliGroupDirectory };
export type { GroupsFilterDetail } from "./group-directory.js";
