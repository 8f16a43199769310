import { render } from "@testing-library/react";
import type { ReactElement } from "react";
import { MemoryRouter } from "react-router";
import { StaticSession, type Me } from "../auth/session";

export const CITIZEN: Me = { id: "40", kind: "citizen", displayName: "拱墅市民", verified: true, roles: [] };
export const DRAFTER: Me = {
  id: "2",
  kind: "staff",
  displayName: "王晓燕（市局政策法规处）",
  verified: true,
  roles: [{ role: "DRAFTER", unitId: "2" }],
};

/** Render inside a router and a fixed session (signed in as a verified citizen unless told otherwise). */
export function renderWithApp(ui: ReactElement, { me = CITIZEN, path = "/consultations/1" }: { me?: Me | null; path?: string } = {}) {
  return render(
    <MemoryRouter initialEntries={[path]}>
      <StaticSession me={me}>{ui}</StaticSession>
    </MemoryRouter>,
  );
}

/** A fetch that answers GraphQL bodies in turn (or throws, for a network failure). */
export function graphqlResponses(...answers: (unknown | Error)[]) {
  const calls: { query: string; variables: Record<string, unknown>; headers: Record<string, string> }[] = [];
  const fetchMock = async (_url: RequestInfo | URL, init?: RequestInit) => {
    const body = JSON.parse(String(init?.body)) as { query: string; variables: Record<string, unknown> };
    calls.push({ ...body, headers: (init?.headers ?? {}) as Record<string, string> });
    const answer = answers.length > 1 ? answers.shift() : answers[0];
    if (answer instanceof Error) throw answer;
    return new Response(JSON.stringify(answer), { status: 200, headers: { "Content-Type": "application/json" } });
  };
  return { fetchMock, calls };
}
