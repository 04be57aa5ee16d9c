// Registers every @linli/elements tag. This is what a page's script tag loads.
import "./group-card/linli-group-card.js";
import "./group-directory/linli-group-directory.js";
import "./preorder/linli-preorder.js";
import "./recruit-form/linli-recruit-form.js";

export * from "./index.js";
