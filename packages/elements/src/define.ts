// Registers every @linli/elements tag. This is what a page's script tag loads.
import "./group-card/linli-group-card.js";
import "./group-directory/linli-group-directory.js";
import "./preorder/linli-preorder.js";
import "./recruit-form/linli-recruit-form.js";
import "./schedule/linli-schedule.js";
import "./impact-board/linli-impact-board.js";

export * from "./index.js";
