import { describe, expect, it } from "vitest";
import {
  formatMessage,
  localize,
  messages,
  resolveLocale,
  LOCALES,
  bilingual,
} from "../src/index.js";

describe("locales", () => {
  it("resolves BCP 47 tags to a shipped locale, defaulting to zh-CN", () => {
    expect(resolveLocale("en")).toBe("en");
    expect(resolveLocale("en-GB")).toBe("en");
    expect(resolveLocale("EN_us")).toBe("en");
    expect(resolveLocale("zh-Hans-CN")).toBe("zh-CN");
    expect(resolveLocale("zh-TW")).toBe("zh-CN");
    expect(resolveLocale("fr")).toBe("zh-CN");
    expect(resolveLocale("")).toBe("zh-CN");
    expect(resolveLocale(null)).toBe("zh-CN");
    expect(resolveLocale(undefined)).toBe("zh-CN");
  });

  it("falls back to Chinese when a host gave no English", () => {
    expect(localize({ "zh-CN": "红房子", en: "The Red House" }, "en")).toBe("The Red House");
    expect(localize({ "zh-CN": "红房子" }, "en")).toBe("红房子");
    expect(localize({ "zh-CN": "红房子", en: "The Red House" }, "zh-CN")).toBe("红房子");
  });
});

describe("message catalogue", () => {
  it("has every message in every locale, non-empty, with the same placeholders", () => {
    for (const [code, text] of Object.entries(messages)) {
      const placeholders = LOCALES.map((l) =>
        [...text[l].matchAll(/\{(\w+)\}/g)]
          .map((m) => m[1]!.toLowerCase())
          .sort()
          .join(","),
      );
      expect(text["zh-CN"].length, code).toBeGreaterThan(0);
      expect(text.en.length, code).toBeGreaterThan(0);
      expect(placeholders[0], code).toBe(placeholders[1]);
    }
  });

  it("has no Chinese characters in English text", () => {
    for (const [code, text] of Object.entries(messages))
      expect(text.en, code).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it("fills placeholders, capitalises {Label}, and picks bilingual parameters per locale", () => {
    const label = { "zh-CN": "姓名", en: "your name" };
    expect(formatMessage("TOO_LONG", { label, maximum: 50 }, "en")).toBe(
      "Your name must be 50 characters or fewer",
    );
    expect(formatMessage("TOO_LONG", { label, maximum: 50 }, "zh-CN")).toBe("姓名不能超过 50 个字");
    expect(
      bilingual("SOLD_OUT", { item: { "zh-CN": "虎皮奶油卷", en: "Tiger-skin cream roll" } }),
    ).toEqual({
      "zh-CN": "“虎皮奶油卷”已售罄",
      en: "“Tiger-skin cream roll” is sold out",
    });
  });

  it("lets a host override any message in one locale", () => {
    const overrides = { SOLD_OUT: { en: "No more {item} today, sorry" } };
    expect(formatMessage("SOLD_OUT", { item: "fruit cups" }, "en", overrides)).toBe(
      "No more fruit cups today, sorry",
    );
    expect(formatMessage("SOLD_OUT", { item: "水果杯" }, "zh-CN", overrides)).toBe(
      "“水果杯”已售罄",
    );
  });

  it("leaves an unknown placeholder visible rather than inventing text", () => {
    expect(formatMessage("SOLD_OUT", {}, "en")).toBe("“{item}” is sold out");
  });
});
