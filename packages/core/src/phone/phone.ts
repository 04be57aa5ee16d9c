import * as z from "zod/mini";

const CN_MOBILE = /^1[3-9]\d{9}$/;

/**
 * Normalises how people type a mainland China mobile number: drops spaces, hyphens,
 * dots and brackets, and a +86 / 0086 / 86 country prefix. Does not validate.
 *
 * @example
 * normalizeCnMobile("+86 138-0013-8000"); // "13800138000"
 */
export function normalizeCnMobile(input: string): string {
  const compact = input.replace(/[\s\-.()（）]/g, "");
  const m = /^(?:\+86|0086|86)(1\d{10})$/.exec(compact);
  return m ? m[1]! : compact;
}

/**
 * Whether a string is a mainland China mobile number (11 digits, 13x to 19x), after
 * {@link normalizeCnMobile}.
 *
 * @example
 * isCnMobile("138 0013 8000"); // true
 * isCnMobile("12345678901"); // false
 */
export function isCnMobile(input: string): boolean {
  return CN_MOBILE.test(normalizeCnMobile(input));
}

/**
 * A mainland China mobile number. Parsing normalises it to 11 digits, so what is stored is
 * always comparable. Personal data: show it through {@link maskPhone}.
 */
export const CnMobileSchema = /* @__PURE__ */ (() =>
  z
    .string()
    .check(
      z.overwrite(normalizeCnMobile),
      z.minLength(1, { error: "REQUIRED" }),
      z.regex(CN_MOBILE, { error: "INVALID_PHONE" }),
    ))();
export type CnMobile = z.infer<typeof CnMobileSchema>;

/**
 * Masks a phone number for public display: the first three and last four digits stay.
 * Anything that is not a full number is masked except its last two characters.
 *
 * @example
 * maskPhone("13800138000"); // "138****8000"
 */
export function maskPhone(phone: string): string {
  const n = normalizeCnMobile(phone);
  if (CN_MOBILE.test(n)) return `${n.slice(0, 3)}****${n.slice(7)}`;
  const chars = [...n];
  return chars.map((c, i) => (i < chars.length - 2 ? "*" : c)).join("");
}

/**
 * Masks a person's name for public display: the first character of each word stays.
 * Chinese names keep the surname.
 *
 * @example
 * maskName("胡艳玲"); // "胡**"
 * maskName("Chen Sicong"); // "C*** S*****"
 */
export function maskName(name: string): string {
  return name
    .trim()
    .split(/(\s+)/)
    .map((word) => {
      if (/^\s+$/.test(word)) return word;
      const chars = [...word];
      return chars[0] === undefined ? "" : chars[0] + "*".repeat(Math.max(1, chars.length - 1));
    })
    .join("");
}
