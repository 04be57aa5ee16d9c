import { describe, expect, it } from "vitest";
import {
  bilingual,
  bilingualIn,
  checkOrder,
  fieldValidationMessages,
  issue,
  issueIn,
  lifecycleMessages,
  messages,
  metricsMessages,
  moneyMessages,
  OrderDraftSchema,
  orderMessages,
  recruitmentMessages,
  requestMessages,
  splitMessages,
  validate,
  validateIn,
} from "../src/index.js";
import { bakeryMenu } from "../src/fixtures/index.js";

const sections = {
  fieldValidationMessages,
  moneyMessages,
  lifecycleMessages,
  splitMessages,
  metricsMessages,
  recruitmentMessages,
  requestMessages,
  orderMessages,
};

// Rules word their issues from their own section of the catalogue, so a browser bundle that
// checks an order carries the order messages and not the ledger's (see tree-shaking.test.ts).
describe("the message catalogue's sections", () => {
  it("make up the whole catalogue, each code in exactly one section", () => {
    const codes = Object.values(sections).flatMap((s) => Object.keys(s));
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes.sort()).toEqual(Object.keys(messages).sort());
  });

  it("word a message from a section exactly as the whole catalogue does", () => {
    const item = { "zh-CN": "虎皮奶油卷", en: "Tiger-skin cream roll" };
    expect(bilingualIn(orderMessages, "SOLD_OUT", { item })).toEqual({
      "zh-CN": "“虎皮奶油卷”已售罄",
      en: "“Tiger-skin cream roll” is sold out",
    });
    expect(
      issueIn(orderMessages, "SOLD_OUT", { item }, "lines.0.quantity", { remaining: 0 }),
    ).toEqual(issue("SOLD_OUT", { item }, "lines.0.quantity", { remaining: 0 }));
    expect(bilingual("NO_RULE_SET")).toEqual(bilingualIn(splitMessages, "NO_RULE_SET"));
  });

  it("give the order rules their messages from the order section", () => {
    const menu = bakeryMenu("2026-12-01");
    const beforeCutoff = Date.parse("2026-12-01T01:00:00Z");
    const r = checkOrder(
      menu,
      [],
      { menuId: menu.id, slotId: "no-such-slot", lines: [] },
      beforeCutoff,
    );
    expect(r.ok).toBe(false);
    const byCode = Object.fromEntries((r.ok ? [] : r.error).map((i) => [i.code, i.message.en]));
    expect(byCode).toMatchObject({
      EMPTY_ORDER: "Choose at least one item",
      UNKNOWN_SLOT: "Select a pickup time",
    });
  });
});

describe("validateIn", () => {
  const draft = {
    menuId: "m",
    slotId: "s",
    lines: [],
    contact: { name: "林阿姨", phone: "13800138000" },
    consent: { given: true, policyVersion: "2026-11", at: "2026-11-28T10:15:00+08:00" },
    idempotencyKey: "key-0001",
  };

  it("says what validate says when its catalogue holds the schema's codes", () => {
    const some = { ...fieldValidationMessages, ...orderMessages };
    const full = validate(OrderDraftSchema, draft);
    expect(validateIn(some, OrderDraftSchema, draft)).toEqual(full);
    expect(full.ok ? [] : full.error.map((i) => [i.code, i.message.en])).toEqual([
      ["EMPTY_ORDER", "Choose at least one item"],
    ]);
  });

  it("words a code its catalogue lacks by the check that failed, never as a bare code", () => {
    // EMPTY_ORDER is an order message; the field messages still say what the check wants.
    const r = validateIn(fieldValidationMessages, OrderDraftSchema, draft);
    expect(r.ok ? [] : r.error.map((i) => [i.code, i.path, i.message.en])).toEqual([
      ["REQUIRED_CHOICE", "lines", "Select the items"],
    ]);
  });

  it("returns the parsed value like validate", () => {
    const ok = { ...draft, lines: [{ itemId: "tiger-roll", quantity: 2 }] };
    expect(validateIn(fieldValidationMessages, OrderDraftSchema, ok)).toEqual(
      validate(OrderDraftSchema, ok),
    );
  });
});
