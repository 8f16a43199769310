import type { ReviewOpinionGroupsQuery } from "../../gql/graphql";

export type Group = ReviewOpinionGroupsQuery["opinionGroups"]["edges"][number]["node"];
