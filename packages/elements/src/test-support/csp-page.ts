// Gives the directory in csp.test.ts's framed page its groups (a module script, since the
// page's policy refuses inline ones), and sets one inline style the policy must refuse: the
// test checks it was refused, to know the policy is in force.
import { redHouseGroups } from "./groups.js";

document.body.setAttribute("style", "color: rgb(255, 0, 0)");
await customElements.whenDefined("linli-group-directory");
const dir = document.querySelector("linli-group-directory")!;
dir.groups = redHouseGroups.slice(0, 6);
