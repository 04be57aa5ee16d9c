import * as z from "zod/mini";
import { InstantSchema } from "../time/schemas.js";

/**
 * A resident's agreement to a privacy notice: which version they saw and when. Personal
 * data (names, phones, ideas) is only accepted with it.
 */
export const ConsentSchema = /* @__PURE__ */ (() =>
  z.object({
    given: z.literal(true, { error: "CONSENT_REQUIRED" }),
    policyVersion: z.string().check(z.minLength(1), z.maxLength(40)),
    at: InstantSchema,
  }))();
export type Consent = z.infer<typeof ConsentSchema>;
