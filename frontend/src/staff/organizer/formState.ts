import type {
  ConsultationKind,
  HearingKind,
  OrganizerHearingFieldsFragment,
  ParticipantCategory,
  SelectionMethod,
  UpdateHearingInput,
} from "../../gql/graphql";
import { apiToLocal, localFromNow, localToApi } from "./time";

export const HEARING_KINDS: readonly HearingKind[] = ["HEARING", "SYMPOSIUM", "MEETING"];
export const DECISION_KINDS: readonly ConsultationKind[] = ["MAJOR_DECISION", "REGULATION", "NORMATIVE_DOCUMENT", "OTHER"];
export const PARTICIPANT_CATEGORIES: readonly ParticipantCategory[] = [
  "INTERESTED_PARTY",
  "ENTERPRISE",
  "SOCIAL_ORGANIZATION",
  "EXPERT",
  "PUBLIC",
];
export const PUBLIC_METHODS = ["livestream", "audience"] as const;

/** The form as typed: every value a string or flag; quotas "" mean the category is not offered. */
export interface HearingFormValues {
  unitId: string;
  kind: HearingKind;
  title: string;
  consultationId: string;
  decisionKind: ConsultationKind | "";
  agenda: string;
  startsAt: string;
  endsAt: string;
  venue: string;
  streamUrl: string;
  registrationOpensAt: string;
  registrationClosesAt: string;
  quotas: Record<ParticipantCategory, string>;
  selectionMethod: SelectionMethod;
  selectionRules: string;
  isPublic: boolean;
  publicMethods: string[];
  notPublicReason: string;
  observersInvited: boolean;
}

const noQuotas = (): Record<ParticipantCategory, string> => ({
  INTERESTED_PARTY: "",
  ENTERPRISE: "",
  SOCIAL_ORGANIZATION: "",
  EXPERT: "",
  PUBLIC: "",
});

/** A new hearing's starting values: held after the default notice period, registration from tomorrow. */
export function emptyForm(unitId: string, now: Date = new Date()): HearingFormValues {
  return {
    unitId,
    kind: "HEARING",
    title: "",
    consultationId: "",
    decisionKind: "",
    agenda: "",
    startsAt: localFromNow(21, 9, now),
    endsAt: localFromNow(21, 12, now),
    venue: "",
    streamUrl: "",
    registrationOpensAt: localFromNow(2, 9, now),
    registrationClosesAt: localFromNow(9, 17, now),
    quotas: { ...noQuotas(), PUBLIC: "5" },
    selectionMethod: "DRAW",
    selectionRules: "",
    isPublic: true,
    publicMethods: ["audience"],
    notPublicReason: "",
    observersInvited: false,
  };
}

/** A draft's values, to edit it. */
export function formFromHearing(h: OrganizerHearingFieldsFragment): HearingFormValues {
  const quotas = noQuotas();
  for (const c of h.categories) quotas[c.category] = String(c.quota);
  return {
    unitId: h.unitId,
    kind: h.kind,
    title: h.title,
    consultationId: h.consultationId ?? "",
    decisionKind: h.decisionKind.toUpperCase() as ConsultationKind,
    agenda: h.agenda,
    startsAt: apiToLocal(h.startsAt),
    endsAt: apiToLocal(h.endsAt),
    venue: h.venue,
    streamUrl: h.streamUrl,
    registrationOpensAt: apiToLocal(h.registrationOpensAt),
    registrationClosesAt: apiToLocal(h.registrationClosesAt),
    quotas,
    selectionMethod: h.selectionMethod,
    selectionRules: h.selectionRules,
    isPublic: h.isPublic,
    publicMethods: [...h.publicMethods],
    notPublicReason: h.notPublicReason,
    observersInvited: h.observersInvited,
  };
}

/** The notice for createHearing / updateHearing. The API checks everything (its errors are shown as they
 * are); a quota that is not a whole number is sent as 0, which the API refuses with QUOTA_INVALID. */
export function toNoticeInput(v: HearingFormValues): UpdateHearingInput {
  return {
    kind: v.kind,
    title: v.title,
    consultationId: v.consultationId || null,
    decisionKind: v.decisionKind || null,
    agenda: v.agenda,
    startsAt: localToApi(v.startsAt),
    endsAt: localToApi(v.endsAt) || null,
    venue: v.venue,
    streamUrl: v.isPublic ? v.streamUrl : "",
    registrationOpensAt: localToApi(v.registrationOpensAt),
    registrationClosesAt: localToApi(v.registrationClosesAt),
    categories: PARTICIPANT_CATEGORIES.filter((c) => v.quotas[c].trim() !== "").map((category) => {
      const quota = Number(v.quotas[category].trim());
      return { category, quota: Number.isInteger(quota) ? quota : 0 };
    }),
    selectionMethod: v.selectionMethod,
    selectionRules: v.selectionRules,
    isPublic: v.isPublic,
    publicMethods: v.isPublic ? v.publicMethods : [],
    notPublicReason: v.isPublic ? "" : v.notPublicReason,
    observersInvited: v.observersInvited,
  };
}

/** Which required times are missing or malformed (the API's DateTime would refuse them as a whole). */
export function missingTimes(v: HearingFormValues): (keyof HearingFormValues)[] {
  const required = ["startsAt", "registrationOpensAt", "registrationClosesAt"] as const;
  return required.filter((key) => !localToApi(v[key]));
}
