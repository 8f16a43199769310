import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from "react";
import { request, rememberCsrfToken } from "../api/client";
import { useQuery } from "../api/useQuery";
import { graphql } from "../gql";
import type { MeQuery } from "../gql/graphql";

const MeDocument = graphql(`
  query Me {
    me {
      id
      kind
      displayName
      verified
      roles {
        role
        unitId
      }
    }
  }
`);

const LoginDocument = graphql(`
  mutation Login($identifier: String!, $password: String!) {
    login(identifier: $identifier, password: $password, useCookie: true) {
      csrfToken
      userId
      kind
      displayName
    }
  }
`);

const LogoutDocument = graphql(`
  mutation Logout {
    logout
  }
`);

export type Me = NonNullable<MeQuery["me"]>;

interface Session {
  me: Me | null;
  /** Still asking the API who is signed in. */
  loading: boolean;
  login: (identifier: string, password: string) => Promise<void>;
  logout: () => Promise<void>;
  refresh: () => void;
}

const SessionContext = createContext<Session | undefined>(undefined);

/** Who is signed in, held in the HttpOnly session cookie; the page only ever learns it from `me`. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const { data, loading, refetch } = useQuery(MeDocument, {});
  const [override, setOverride] = useState<Me | null | undefined>(undefined);
  const me = override !== undefined ? override : (data?.me ?? null);

  const login = useCallback(
    async (identifier: string, password: string) => {
      const result = await request(LoginDocument, { identifier, password });
      rememberCsrfToken(result.login.csrfToken);
      setOverride(undefined);
      refetch();
    },
    [refetch],
  );

  const logout = useCallback(async () => {
    try {
      await request(LogoutDocument, {});
    } finally {
      rememberCsrfToken(undefined);
      setOverride(null);
    }
  }, []);

  const refresh = useCallback(() => {
    setOverride(undefined);
    refetch();
  }, [refetch]);

  const value = useMemo(
    () => ({ me, loading: loading && override === undefined && data === undefined, login, logout, refresh }),
    [me, loading, override, data, login, logout, refresh],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error("useSession outside SessionProvider");
  return session;
}

/** A session to wrap components in tests. */
export function StaticSession({ me, children }: { me: Me | null; children: ReactNode }) {
  const value = useMemo<Session>(
    () => ({
      me,
      loading: false,
      login: async () => {},
      logout: async () => {},
      refresh: () => {},
    }),
    [me],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
