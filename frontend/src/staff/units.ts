import type { Me } from "../auth/session";
import type { Role } from "../gql/graphql";

export interface UnitRow {
  id: string;
  name: string;
  parentId?: string | null;
}

/** The unit and every unit above it (a role granted on a unit covers the units below it). */
export function unitChain(unitId: string, units: readonly UnitRow[]): string[] {
  const byId = new Map(units.map((unit) => [unit.id, unit]));
  const chain: string[] = [];
  let current: string | null | undefined = unitId;
  while (current && !chain.includes(current)) {
    chain.push(current);
    current = byId.get(current)?.parentId;
  }
  return chain;
}

/** The roles the signed-in person holds on a unit (through it or a unit above). Only to decide what to show. */
export function rolesOn(me: Me | null, unitId: string, units: readonly UnitRow[]): Set<Role> {
  const chain = new Set(unitChain(unitId, units));
  return new Set((me?.roles ?? []).filter((grant) => chain.has(grant.unitId)).map((grant) => grant.role));
}

/** Units where one of these roles lets one act: the units it was granted on and every unit below them,
 * in the order given. */
export function unitsWithRole<T extends UnitRow>(me: Me | null, roles: readonly Role[], units: readonly T[]): T[] {
  return units.filter((unit) => {
    const held = rolesOn(me, unit.id, units);
    return roles.some((role) => held.has(role));
  });
}

/** Who runs hearings: an organizer, or an admin (who holds every role on their units). */
export const ORGANIZING_ROLES: readonly Role[] = ["ORGANIZER", "ADMIN"];
