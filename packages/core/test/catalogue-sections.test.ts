import { describe, expect, it } from "vitest";
import {
  bilingualIn,
  checkOrder,
  fieldValidationMessages,
  issueIn,
  lifecycleMessages,
  messages,
  metricsMessages,
  moneyMessages,
  OrderDraftSchema,
  orderDraftMessages,
  orderMessages,
  RecruitmentCallSchema,
  recruitmentMessages,
  requestMessages,
  splitMessages,
  validate,
  validateIn,
} from "../src/index.js";
import { bakeryMenu, recruitmentCall } from "../src/fixtures/index.js";

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

  it("word a message from a section in both languages", () => {
    const item = { "zh-CN": "虎皮奶油卷", en: "Tiger-skin cream roll" };
    expect(bilingualIn(orderMessages, "SOLD_OUT", { item })).toEqual({
      "zh-CN": "“虎皮奶油卷”已售罄",
      en: "“Tiger-skin cream roll” is sold out",
    });
    expect(
      issueIn(orderMessages, "SOLD_OUT", { item }, "lines.0.quantity", { remaining: 0 }),
    ).toEqual({
      code: "SOLD_OUT",
      path: "lines.0.quantity",
      message: { "zh-CN": "“虎皮奶油卷”已售罄", en: "“Tiger-skin cream roll” is sold out" },
      details: { remaining: 0 },
    });
    expect(bilingualIn(splitMessages, "SAME_PARTY")).toEqual({
      "zh-CN": "付款方和收款方不能相同",
      en: "The payer and the payee must differ",
    });
  });

  it("word the order rules' refusals in both languages", () => {
    const menu = bakeryMenu("2026-12-01");
    const beforeCutoff = Date.parse("2026-12-01T01:00:00Z");
    const r = checkOrder(
      menu,
      [],
      { menuId: menu.id, slotId: "no-such-slot", lines: [] },
      beforeCutoff,
    );
    expect(r.ok).toBe(false);
    const byCode = Object.fromEntries((r.ok ? [] : r.error).map((i) => [i.code, i.message]));
    expect(byCode).toMatchObject({
      EMPTY_ORDER: { "zh-CN": "请至少选择一件商品", en: "Choose at least one item" },
      UNKNOWN_SLOT: { "zh-CN": "请选择一个取货时段", en: "Select a pickup time" },
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

  it("says what validate says with orderDraftMessages, for every way a draft can be wrong", () => {
    const drafts = [
      draft,
      { ...draft, lines: [{ itemId: "tiger-roll", quantity: 0 }] },
      { ...draft, contact: { name: " ", phone: "12345" }, note: "x".repeat(201) },
      { ...draft, consent: { ...draft.consent, given: false }, idempotencyKey: "short" },
      { ...draft, menuId: "bad id!", extra: 1 },
      {},
    ];
    for (const d of drafts) {
      const full = validate(OrderDraftSchema, d);
      expect(full.ok).toBe(false);
      expect(validateIn(orderDraftMessages, OrderDraftSchema, d)).toEqual(full);
    }
    const r = validateIn(orderDraftMessages, OrderDraftSchema, draft);
    expect(r.ok ? [] : r.error.map((i) => [i.code, i.message])).toEqual([
      ["EMPTY_ORDER", { "zh-CN": "请至少选择一件商品", en: "Choose at least one item" }],
    ]);
  });

  it("words a call's deadline before its opening from the field messages alone", () => {
    const r = validateIn(fieldValidationMessages, RecruitmentCallSchema, {
      ...recruitmentCall,
      deadline: recruitmentCall.opensAt,
    });
    expect(r.ok ? [] : r.error.map((i) => [i.code, i.path, i.message])).toEqual([
      [
        "DEADLINE_BEFORE_OPENING",
        "deadline",
        {
          "zh-CN": "截止时间必须晚于开始接受申请的时间",
          en: "The deadline must be after the call opens",
        },
      ],
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
