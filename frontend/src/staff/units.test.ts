import { describe, expect, it } from "vitest";
import type { Me } from "../auth/session";
import { ORGANIZING_ROLES, rolesOn, unitChain, unitsWithRole } from "./units";

const UNITS = [
  { id: "1", name: "省厅", parentId: null },
  { id: "2", name: "市局", parentId: "1" },
  { id: "3", name: "县局", parentId: "2" },
  { id: "4", name: "另一市", parentId: "1" },
];

const me = (roles: Me["roles"]): Me => ({ id: "9", kind: "staff", displayName: "王", verified: true, roles });

describe("roles on units", () => {
  it("walks up the hierarchy: a role on a unit covers the units below it", () => {
    expect(unitChain("3", UNITS)).toEqual(["3", "2", "1"]);
    const drafter = me([{ role: "DRAFTER", unitId: "2" }]);
    expect([...rolesOn(drafter, "3", UNITS)]).toEqual(["DRAFTER"]);
    expect(rolesOn(drafter, "4", UNITS).size).toBe(0);
    expect(rolesOn(null, "3", UNITS).size).toBe(0);
    expect(unitsWithRole(drafter, ["DRAFTER"], UNITS).map((u) => u.name)).toEqual(["市局", "县局"]);
    expect(unitsWithRole(drafter, ["APPROVER"], UNITS)).toEqual([]);
  });

  it("takes any of several roles (an organizer's units: organizer or admin)", () => {
    expect(unitsWithRole(me([{ role: "ORGANIZER", unitId: "2" }]), ORGANIZING_ROLES, UNITS).map((u) => u.id)).toEqual(["2", "3"]);
    expect(unitsWithRole(me([{ role: "ADMIN", unitId: "1" }]), ORGANIZING_ROLES, UNITS).map((u) => u.id)).toEqual(["1", "2", "3", "4"]);
    expect(unitsWithRole(me([{ role: "DRAFTER", unitId: "2" }]), ORGANIZING_ROLES, UNITS)).toEqual([]);
    expect(unitsWithRole(null, ORGANIZING_ROLES, UNITS)).toEqual([]);
  });

  it("does not loop on a broken hierarchy", () => {
    expect(unitChain("a", [{ id: "a", name: "a", parentId: "b" }, { id: "b", name: "b", parentId: "a" }])).toEqual(["a", "b"]);
  });
});
