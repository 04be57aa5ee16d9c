// Data for tests and stories (never imported by the elements themselves): the red house's
// groups as public pages show them, through core's own `publicGroup`.
import { publicGroup, type PublicGroup } from "@linli/core/contract";
import { groups, nightMarketGroups, partners } from "@linli/core/fixtures";

const byId = new Map(partners.map((p) => [p.id, p]));

/** The red house's 62 groups, with organisers by public name only. */
export const redHouseGroups: PublicGroup[] = groups.map((g) => publicGroup(g, byId));

/** One of the red house's groups by id (slug). */
export function redHouseGroup(id: string): PublicGroup {
  const g = redHouseGroups.find((x) => x.id === id);
  if (!g) throw new Error(`no fixture group ${id}`);
  return g;
}

/** Chen Sicong's stall at the Wulin night market (no cover image, not taking members). */
export const riceWineStall: PublicGroup = publicGroup(nightMarketGroups[0]!, byId);

/** Tuesday 1 December 2026, 08:00 in Hangzhou: a fixed "now" for next-session text. */
export const TUESDAY_8AM = Date.parse("2026-12-01T08:00:00+08:00");

/**
 * `count` groups for scale tests and the bench: the 62 fixtures repeated with unique ids and
 * numbered names.
 */
export function manyGroups(count: number): PublicGroup[] {
  return Array.from({ length: count }, (_, i) => {
    const g = redHouseGroups[i % redHouseGroups.length]!;
    const n = Math.floor(i / redHouseGroups.length);
    if (n === 0) return g;
    return {
      ...g,
      id: `${g.id}-${n}`,
      slug: `${g.slug}-${n}`,
      name: { "zh-CN": `${g.name["zh-CN"]} ${n + 1} 队`, en: `${g.name.en ?? ""} (team ${n + 1})` },
    };
  });
}

/**
 * The same groups with covers that exist in Storybook (one illustration per category, from
 * .storybook/public), since the fixtures' photo URLs point at a site that is not there.
 */
export function illustrated<G extends PublicGroup>(groups: readonly G[]): G[] {
  return groups.map((g) =>
    g.cover ? { ...g, cover: { ...g.cover, url: `images/categories/${g.category}.svg` } } : g,
  );
}
