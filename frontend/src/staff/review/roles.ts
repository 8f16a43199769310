import type { Me } from "../../auth/session";

/** What the signed-in staff member may try; only decides what to show (the API decides what is allowed). */
export interface ReviewAbilities {
  organize: boolean; // aggregation and group corrections: drafter, reviewer
  propose: boolean; // dispositions: reviewer
  approve: boolean; // approving dispositions, publishing: approver
  generate: boolean; // the statement: drafter, reviewer
}

export function abilities(me: Me | null): ReviewAbilities {
  const roles = new Set((me?.roles ?? []).map((grant) => grant.role));
  return {
    organize: roles.has("DRAFTER") || roles.has("REVIEWER"),
    propose: roles.has("REVIEWER"),
    approve: roles.has("APPROVER"),
    generate: roles.has("DRAFTER") || roles.has("REVIEWER"),
  };
}
