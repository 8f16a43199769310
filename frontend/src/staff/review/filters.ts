import type { GroupKind } from "../../gql/graphql";

export interface GroupFilterValues {
  kind: GroupKind | "";
  /** An article id, "whole" for comments on the whole draft, or "" for all. */
  article: string;
  undecidedOnly: boolean;
  search: string;
}

export const NO_FILTERS: GroupFilterValues = { kind: "", article: "", undecidedOnly: false, search: "" };

/** The opinionGroups variables for a set of filters (one page of `first` groups after `after`). */
export function groupVariables(id: string, filters: GroupFilterValues, first: number, after: string | null) {
  return {
    id,
    kind: filters.kind || null,
    articleId: filters.article && filters.article !== "whole" ? filters.article : null,
    wholeDraft: filters.article === "whole",
    undecidedOnly: filters.undecidedOnly,
    search: filters.search.trim() || null,
    first,
    after,
  };
}
