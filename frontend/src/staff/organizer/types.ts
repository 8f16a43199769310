import type { OrganizerHearingFieldsFragment } from "../../gql/graphql";

export type ConsoleHearing = OrganizerHearingFieldsFragment;
