import { useCallback, useEffect, useState } from "react";
import type { TypedDocumentString } from "../gql/graphql";
import { ApiError, request } from "./client";

export interface QueryState<TResult> {
  data: TResult | undefined;
  error: ApiError | undefined;
  loading: boolean;
  refetch: () => void;
}

/** Run a query when the component shows and whenever its variables change; no cache (pages are small). */
export function useQuery<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
  options: { skip?: boolean } = {},
): QueryState<TResult> {
  const [generation, setGeneration] = useState(0);
  const key = JSON.stringify(variables ?? {});
  const requestKey = options.skip ? null : `${generation}:${key}`;
  // An answer remembers which request it answers: a stale one is never shown as current.
  const [answer, setAnswer] = useState<{ key: string; data?: TResult; error?: ApiError }>();

  useEffect(() => {
    if (requestKey === null) return;
    const controller = new AbortController();
    request(document, JSON.parse(key) as TVariables, { signal: controller.signal }).then(
      (data) => {
        if (!controller.signal.aborted) setAnswer({ key: requestKey, data });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        const failure =
          error instanceof ApiError ? error : new ApiError(String(error), "UNKNOWN", { retryable: true });
        setAnswer({ key: requestKey, error: failure });
      },
    );
    return () => controller.abort();
  }, [document, key, requestKey]);

  const refetch = useCallback(() => setGeneration((n) => n + 1), []);
  const current = answer && answer.key === requestKey ? answer : undefined;
  return { data: current?.data, error: current?.error, loading: requestKey !== null && !current, refetch };
}
