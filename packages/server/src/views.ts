import { toPublicPartner, type Group, type Partner, type PublicGroup } from "@linli/core";

/** A group as public routes show it: its organisers by public name only. */
export function publicGroup(g: Group, partners: ReadonlyMap<string, Partner>): PublicGroup {
  const organisers = g.organiserIds.flatMap((id) => {
    const p = partners.get(id);
    return p ? [toPublicPartner(p)] : [];
  });
  return { ...g, organisers };
}
