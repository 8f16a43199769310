import { useCallback, useEffect, useState } from "react";
import type { TypedDocumentString } from "../gql/graphql";
import { ApiError, request } from "./client";

export interface Page<TNode> {
  nodes: TNode[];
  endCursor: string | null | undefined;
  hasNextPage: boolean;
}

interface Loaded<TNode> {
  key: string;
  items: TNode[];
  cursor: string | null;
  hasMore: boolean;
  error?: ApiError;
}

const asApiError = (error: unknown) =>
  error instanceof ApiError ? error : new ApiError(String(error), "UNKNOWN", { retryable: true });

/**
 * A cursor connection read page by page ("加载更多"). `select` must be stable (defined outside the
 * component): it picks the nodes and page info out of an answer.
 */
export function usePaged<TResult, TVariables extends { first: number; after?: string | null }, TNode>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: Omit<TVariables, "after">,
  select: (data: TResult) => Page<TNode>,
) {
  const [attempt, setAttempt] = useState(0);
  const key = `${attempt}:${JSON.stringify(variables)}`;
  const [loaded, setLoaded] = useState<Loaded<TNode>>();
  const [loadingMore, setLoadingMore] = useState(false);

  useEffect(() => {
    const controller = new AbortController();
    const vars = { ...(JSON.parse(key.slice(key.indexOf(":") + 1)) as object), after: null } as TVariables;
    request(document, vars, { signal: controller.signal }).then(
      (data) => {
        const page = select(data);
        setLoaded({ key, items: page.nodes, cursor: page.endCursor ?? null, hasMore: page.hasNextPage });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setLoaded({ key, items: [], cursor: null, hasMore: false, error: asApiError(error) });
      },
    );
    return () => controller.abort();
  }, [document, key, select]);

  const current = loaded?.key === key ? loaded : undefined;

  const loadMore = useCallback(async () => {
    if (!current) return;
    setLoadingMore(true);
    try {
      const vars = { ...variables, after: current.cursor } as TVariables;
      const page = select(await request(document, vars));
      setLoaded((previous) =>
        previous && previous.key === key
          ? {
              key,
              items: [...previous.items, ...page.nodes],
              cursor: page.endCursor ?? null,
              hasMore: page.hasNextPage,
            }
          : previous,
      );
    } catch (error) {
      setLoaded((previous) => (previous && previous.key === key ? { ...previous, error: asApiError(error) } : previous));
    } finally {
      setLoadingMore(false);
    }
  }, [current, document, key, select, variables]);

  const retry = useCallback(() => {
    if (current && current.items.length > 0) void loadMore();
    else setAttempt((n) => n + 1);
  }, [current, loadMore]);

  return {
    items: current?.items ?? [],
    error: current?.error,
    hasMore: current?.hasMore ?? false,
    loading: !current || loadingMore,
    loadMore,
    retry,
  };
}
