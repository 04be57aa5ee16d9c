import { PublicGroupSchema } from "@linli/core/contract";
import { fieldValidationMessages } from "@linli/core/i18n";
import { validateIn } from "@linli/core/validation";

/**
 * Validates groups against core's `PublicGroupSchema` and warns once per element about the
 * ones that do not match, with their field paths. Loaded on demand by check-data.ts.
 */
export function warnAboutInvalidGroups(
  jobs: ReadonlyArray<readonly [tag: string, items: readonly unknown[]]>,
): void {
  for (const [tag, groups] of jobs) {
    const bad: string[] = [];
    for (const g of groups) {
      // The field messages are all a group's schema raises; not the catalogue of every rule.
      const r = validateIn(fieldValidationMessages, PublicGroupSchema, g);
      if (!r.ok) {
        const id = (g as { id?: unknown } | null)?.id ?? "(no id)";
        const where = r.error.map((i) => `${i.path ?? "(group)"}: ${i.message.en}`).join("; ");
        bad.push(`"${String(id)}" (${where})`);
      }
    }
    if (bad.length > 0) {
      console.warn(
        `<${tag}>: ${bad.length} of ${groups.length} group(s) do not match PublicGroupSchema ` +
          `from @linli/core and are shown as far as possible: ${bad.slice(0, 5).join(", ")}` +
          (bad.length > 5 ? ", …" : ""),
      );
    }
  }
}
