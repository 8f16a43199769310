import { useState } from "react";
import { useQuery } from "../../api/useQuery";
import type { TypedDocumentString } from "../../gql/graphql";

/** useQuery that keeps showing the last answer while a refetch runs (forms below keep their state). */
export function useKeptQuery<TResult, TVariables>(document: TypedDocumentString<TResult, TVariables>, variables: TVariables) {
  const query = useQuery(document, variables);
  const [kept, setKept] = useState<{ key: string; data: TResult }>();
  const key = JSON.stringify(variables ?? {});
  if (query.data !== undefined && query.data !== kept?.data) setKept({ key, data: query.data });
  const data = query.data ?? (kept?.key === key ? kept.data : undefined);
  return { ...query, data };
}
