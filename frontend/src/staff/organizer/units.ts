import type { Me } from "../../auth/session";

interface UnitRow {
  id: string;
  name: string;
  parentId?: string | null;
}

const ORGANIZING_ROLES = new Set(["ORGANIZER", "ADMIN"]);

/** The units the caller organizes hearings for: those granted the organizer (or admin) role, and every
 * unit below them (a role covers the unit's children), in the order the API lists units. */
export function organizedUnits<T extends UnitRow>(me: Me | null, units: readonly T[]): T[] {
  const granted = new Set((me?.roles ?? []).filter((r) => ORGANIZING_ROLES.has(r.role)).map((r) => r.unitId));
  const parentOf = new Map(units.map((u) => [u.id, u.parentId ?? null]));
  const covered = (id: string): boolean => {
    for (let at: string | null = id, steps = 0; at && steps < 64; at = parentOf.get(at) ?? null, steps++) {
      if (granted.has(at)) return true;
    }
    return false;
  };
  return units.filter((u) => covered(u.id));
}
