import { PublicGroupSchema } from "@linli/core/contract";
import { checkFields } from "@linli/core/validation";

/**
 * Validates groups against core's `PublicGroupSchema` and warns once per element about the
 * ones that do not match, with each problem's field path and code (`memberCount: TOO_SMALL`):
 * a developer's clue, so no messages are shipped to word it. Loaded on demand by check-data.ts.
 */
export function warnAboutInvalidGroups(
  jobs: ReadonlyArray<readonly [tag: string, items: readonly unknown[]]>,
): void {
  for (const [tag, groups] of jobs) {
    const bad: string[] = [];
    for (const g of groups) {
      const r = checkFields(PublicGroupSchema, g);
      if (!r.ok) {
        const id = (g as { id?: unknown } | null)?.id ?? "(no id)";
        const where = r.error.map((p) => `${p.path || "(group)"}: ${p.code}`).join("; ");
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
