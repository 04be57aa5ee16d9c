import { describe, expect, it } from "vitest";
import * as z from "zod/mini";
import {
  CnMobileSchema,
  isCnMobile,
  maskName,
  maskPhone,
  normalizeCnMobile,
  validate,
} from "../src/index.js";

describe("mainland China mobile numbers", () => {
  it.each([
    ["13800138000", "13800138000"],
    ["138 0013 8000", "13800138000"],
    ["138-0013-8000", "13800138000"],
    ["+86 138 0013 8000", "13800138000"],
    ["0086 13800138000", "13800138000"],
    ["8613800138000", "13800138000"],
    ["(138)00138000", "13800138000"],
    ["19912345678", "19912345678"],
  ])("accepts %s as %s", (input, normalised) => {
    expect(isCnMobile(input)).toBe(true);
    const r = validate(CnMobileSchema, input);
    expect(r).toEqual({ ok: true, value: normalised });
    expect(normalizeCnMobile(input)).toBe(normalised);
  });

  it.each([
    "",
    "1380013800",
    "138001380001",
    "12345678901",
    "23800138000",
    "1380013800a",
    "+1 415 555 0100",
    "010-12345678",
  ])("refuses %j with a message in both languages", (input) => {
    expect(isCnMobile(input)).toBe(false);
    const r = validate(z.object({ phone: CnMobileSchema }), { phone: input });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const first = r.error[0]!;
    expect(first.path).toBe("phone");
    if (input === "") {
      expect(first.code).toBe("REQUIRED");
      expect(first.message["zh-CN"]).toBe("请填写手机号码");
      expect(first.message.en).toBe("Enter a mobile phone number");
    } else {
      expect(first.code).toBe("INVALID_PHONE");
      expect(first.message["zh-CN"]).toBe("请输入正确的 11 位手机号码，例如 138 0013 8000");
      expect(first.message.en).toBe(
        "Enter a mobile phone number in the correct format, like 138 0013 8000",
      );
    }
  });
});

describe("masking for public display", () => {
  it("keeps the first three and last four digits of a phone", () => {
    expect(maskPhone("13812345678")).toBe("138****5678");
    expect(maskPhone("+86 138 1234 5678")).toBe("138****5678");
  });

  it("masks anything else but its last two characters", () => {
    expect(maskPhone("12345")).toBe("***45");
    expect(maskPhone("")).toBe("");
  });

  it("keeps a Chinese surname and the initials of other names", () => {
    expect(maskName("胡艳玲")).toBe("胡**");
    expect(maskName("陈思")).toBe("陈*");
    expect(maskName("Chen Sicong")).toBe("C*** S*****");
    expect(maskName("  王  ")).toBe("王*");
  });
});
