import * as z from "zod/mini";
import { LocalizedTextSchema } from "../i18n/locale.js";

/** An image with the alternative text a screen reader announces. */
export const ImageSchema = /* @__PURE__ */ (() =>
  z.object({
    url: z.string().check(z.minLength(1), z.maxLength(2048)),
    alt: LocalizedTextSchema,
  }))();
export type Image = z.infer<typeof ImageSchema>;
