import * as z from "zod/mini";

/** An entity id: letters, digits, `_` and `-`, up to 64 characters (safe in URLs and logs). */
export const IdSchema = /* @__PURE__ */ (() =>
  z
    .string()
    .check(
      z.minLength(1, { error: "REQUIRED" }),
      z.maxLength(64),
      z.regex(/^[A-Za-z0-9_-]+$/, { error: "INVALID_ID" }),
    ))();
export type Id = z.infer<typeof IdSchema>;

/** A URL slug: lower-case words joined by single hyphens. */
export const SlugSchema = /* @__PURE__ */ (() =>
  z
    .string()
    .check(
      z.minLength(1, { error: "REQUIRED" }),
      z.maxLength(80),
      z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: "INVALID_SLUG" }),
    ))();
export type Slug = z.infer<typeof SlugSchema>;

/** The first id that appears twice in a list, if any. */
export function firstDuplicateId(
  items: ReadonlyArray<{ id: string }>,
): { id: string; index: number } | undefined {
  const seen = new Set<string>();
  for (let index = 0; index < items.length; index++) {
    const id = items[index]!.id;
    if (seen.has(id)) return { id, index };
    seen.add(id);
  }
  return undefined;
}
