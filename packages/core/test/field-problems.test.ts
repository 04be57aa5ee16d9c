import { describe, expect, it } from "vitest";
import {
  ApplicationInputSchema,
  checkFields,
  fieldValidationMessages,
  fillMessage,
  formatMessage,
  messages,
  validate,
} from "../src/index.js";
import { sampleApplication } from "../src/fixtures/index.js";

// checkFields is validate() without the messages: the same codes, paths and parameters, so a
// browser form that words messages itself says exactly what the server would.
describe("checkFields", () => {
  it("accepts what validate accepts, with the same parsed value", () => {
    const r = checkFields(ApplicationInputSchema, {
      ...sampleApplication,
      applicant: { ...sampleApplication.applicant, phone: "+86 138-0000-9901" },
    });
    expect(r).toEqual({
      ok: true,
      value: {
        ...sampleApplication,
        applicant: { ...sampleApplication.applicant, phone: "13800009901" },
      },
    });
  });

  it("gives the codes, paths and parameters validate words into messages", () => {
    const input = {
      ...sampleApplication,
      applicant: { name: " ", phone: "12345", community: "桃源社区" },
      idea: { title: "手工课", description: "太短了" },
      skills: ["x".repeat(41)],
      availability: [],
      consent: { given: false, policyVersion: "2026-11", at: "2026-11-28T10:15:00+08:00" },
    };
    const problems = checkFields(ApplicationInputSchema, input);
    const issues = validate(ApplicationInputSchema, input);
    if (problems.ok || issues.ok) throw new Error("expected both to refuse");
    expect(problems.error.map((p) => [p.path, p.code])).toEqual(
      issues.error.map((i) => [i.path, i.code]),
    );
    expect(problems.error.map((p) => p.path)).toEqual([
      "applicant.name",
      "applicant.phone",
      "idea.description",
      "skills.0",
      "availability",
      "consent.given",
    ]);
    const tooShort = problems.error.find((p) => p.path === "idea.description")!;
    expect(tooShort).toMatchObject({ code: "TOO_SHORT", params: { minimum: 10 } });
    expect(tooShort.segments).toEqual(["idea", "description"]);
    // Worded with the field messages, it reads as validate's message does.
    const label = { "zh-CN": "详细描述", en: "a description" };
    for (const locale of ["zh-CN", "en"] as const) {
      expect(
        fillMessage(
          fieldValidationMessages.TOO_SHORT[locale],
          { ...tooShort.params, label },
          locale,
        ),
      ).toBe(issues.error.find((i) => i.path === "idea.description")!.message[locale]);
    }
  });

  it("takes only codes that isCode accepts from a schema's own errors", () => {
    const r = checkFields(
      ApplicationInputSchema,
      { ...sampleApplication, consent: {} },
      () => false,
    );
    if (r.ok) throw new Error("expected a refusal");
    expect(r.error.find((p) => p.path === "consent.given")!.code).toBe("REQUIRED_CHOICE");
  });
});

describe("fieldValidationMessages and fillMessage", () => {
  it("are the catalogue's own field messages and template filling", () => {
    for (const [code, text] of Object.entries(fieldValidationMessages))
      expect(messages[code as keyof typeof messages]).toEqual(text);
    expect(
      fillMessage(
        "{Label} must be {maximum} characters or fewer",
        {
          label: { "zh-CN": "标题", en: "a title" },
          maximum: 80,
        },
        "en",
      ),
    ).toBe("A title must be 80 characters or fewer");
    expect(fillMessage("{label} {unknown}", { label: "x" }, "zh-CN")).toBe("x {unknown}");
    expect(formatMessage("REQUIRED", { label: { "zh-CN": "姓名", en: "your name" } }, "en")).toBe(
      "Enter your name",
    );
  });
});
