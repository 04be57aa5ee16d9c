// Gives the schedule and the impact board in the strict-CSP test pages their data (a module
// script, since the pages' policy refuses inline ones), and sets one inline style the policy
// must refuse: the tests check it was refused, to know the policy is in force.
import { redHouse } from "@linli/core/fixtures";
import "../impact-board/linli-impact-board.js";
import "../schedule/linli-schedule.js";
import { redHouseGroups, TUESDAY_8AM } from "./groups.js";
import { redHouseSnapshot } from "./metrics.js";

document.body.setAttribute("style", "color: rgb(255, 0, 0)");
const schedule = document.querySelector("linli-schedule");
if (schedule) {
  schedule.now = TUESDAY_8AM;
  schedule.hub = redHouse;
  schedule.groups = redHouseGroups.slice(0, 6);
}
const board = document.querySelector("linli-impact-board");
if (board) board.snapshot = redHouseSnapshot;
