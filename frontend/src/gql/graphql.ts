/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type CategoryQuotaInput = {
  category: ParticipantCategory;
  quota: number;
};

export type CommentChannel =
  | 'EMAIL'
  | 'HEARING'
  | 'LETTER'
  | 'ONLINE'
  | 'OTHER'
  | 'PHONE'
  | 'SYMPOSIUM';

export type ConsultationKind =
  | 'MAJOR_DECISION'
  | 'NORMATIVE_DOCUMENT'
  | 'OTHER'
  | 'REGULATION';

export type ConsultationStatus =
  | 'CLOSED'
  | 'DECIDED'
  | 'DRAFT'
  | 'IN_REVIEW'
  | 'OPEN'
  | 'REVIEWING'
  | 'STATEMENT_PUBLISHED'
  | 'WITHDRAWN';

export type CreateConsultationInput = {
  basis?: string;
  businessRelated?: boolean;
  disclosure?: Disclosure;
  disclosureReason?: string;
  explanation?: string;
  kind: ConsultationKind;
  offlineChannels?: string;
  summary?: string;
  title: string;
  unitId: string | number;
};

/** A new hearing's unit and its notice. */
export type CreateHearingInput = {
  agenda?: string;
  categories: Array<CategoryQuotaInput>;
  consultationId?: string | number | null | undefined;
  /** Default: the linked consultation's kind, else 其他. 规章 needs 30 days' notice. */
  decisionKind?: ConsultationKind | null | undefined;
  endsAt?: string | null | undefined;
  isPublic?: boolean;
  kind: HearingKind;
  notPublicReason?: string;
  observersInvited?: boolean;
  publicMethods?: Array<string>;
  registrationClosesAt: string;
  registrationOpensAt: string;
  selectionMethod?: SelectionMethod;
  /** 遴选办法 (published with the notice). */
  selectionRules: string;
  startsAt: string;
  streamUrl?: string;
  title: string;
  unitId: string | number;
  venue?: string;
};

export type DecisionDocumentInput = {
  title: string;
  url?: string;
};

export type Disclosure =
  | 'NOT_DISCLOSED'
  | 'ON_REQUEST'
  | 'PROACTIVE';

export type DispositionInput = {
  /** … one comment (an override). */
  commentId?: string | number | null | undefined;
  /** A topic group, or … */
  groupId?: string | number | null | undefined;
  outcome: Outcome;
  /** Required for 部分采纳 and 不予采纳 (or a standard reason). */
  reason?: string;
  /** The article's text after revision. */
  revisedAfter?: string;
  revisedArticleId?: string | number | null | undefined;
  /** A code from standardReasons. */
  standardReason?: string;
};

export type DispositionStatus =
  | 'APPROVED'
  | 'PROPOSED'
  | 'SUPERSEDED';

export type EntryHandlingInput = {
  entryId: string | number;
  handling: string;
};

export type GroupKind =
  | 'CAMPAIGN'
  | 'TOPIC';

export type HearingKind =
  | 'HEARING'
  | 'MEETING'
  | 'SYMPOSIUM';

export type HearingRegistrationStatus =
  | 'APPLIED'
  | 'CANCELLED'
  | 'SELECTED'
  | 'WAITLISTED';

export type HearingSelectedBy =
  | 'DRAW'
  | 'FIRST_COME'
  | 'MANUAL'
  | 'PROMOTION';

export type HearingStatus =
  | 'CANCELLED'
  | 'DRAFT'
  | 'HELD'
  | 'IN_SESSION'
  | 'PUBLISHED'
  | 'REPORTED';

export type InvitationStatus =
  | 'ACCEPTED'
  | 'DECLINED'
  | 'INVITED'
  | 'WITHDRAWN';

export type InviteObserverInput = {
  category: ObserverCategory;
  /** Email or mainland mobile number; the link is sent there. */
  contact: string;
  /** Answer by this time; default and latest: when the hearing starts. */
  expiresAt?: string | null | undefined;
  hearingId: string | number;
  name: string;
  organization?: string;
};

export type MinutesEntryInput = {
  /** The article of the linked consultation's draft the view is about. */
  articleId?: string | number | null | undefined;
  /** An accepted observer. */
  invitationId?: string | number | null | undefined;
  mainPoints: string;
  reasons?: string;
  /** A selected participant. */
  registrationId?: string | number | null | undefined;
  /** The speaker signed the entry. */
  signedOff?: boolean;
  /** … and category. */
  speakerCategory?: SpeakerCategory | null | undefined;
  /** Otherwise: the speaker's name … */
  speakerName?: string;
  stage: MinutesStage;
};

export type MinutesStage =
  | 'DEBATE'
  | 'QUESTION'
  | 'STATEMENT';

export type Moderation =
  | 'FLAGGED'
  | 'HIDDEN'
  | 'VISIBLE';

export type ModerationAction =
  | 'CLEAR_FLAG'
  | 'HIDE'
  | 'RESTORE';

export type ObserverCategory =
  | 'CPPCC_MEMBER'
  | 'EXPERT'
  | 'MEDIA'
  | 'NPC_DEPUTY'
  | 'PUBLIC_REPRESENTATIVE'
  | 'STAKEHOLDER';

export type OfflineCommentInput = {
  articleId?: string | number | null | undefined;
  body: string;
  channel: CommentChannel;
  consultationId: string | number;
  idempotencyKey?: string | null | undefined;
  postmarkedOn?: string | null | undefined;
  receivedOn?: string | null | undefined;
  submitterContact?: string;
  submitterName?: string;
  submitterType?: SubmitterType;
};

export type Outcome =
  | 'ADOPTED'
  | 'ALREADY_PROVIDED'
  | 'NOT_ADOPTED'
  | 'OUT_OF_SCOPE'
  | 'PARTLY_ADOPTED';

export type ParticipantCategory =
  | 'ENTERPRISE'
  | 'EXPERT'
  | 'INTERESTED_PARTY'
  | 'PUBLIC'
  | 'SOCIAL_ORGANIZATION';

export type PublicationChannelInput = {
  channel: string;
  publishedOn?: string | null | undefined;
  url?: string;
};

export type PublishDecisionInput = {
  /** The adopted text, split into articles like a draft. */
  adoptedText: string;
  consultationId: string | number;
  decidedOn: string;
  documents?: Array<DecisionDocumentInput>;
  summary?: string;
};

export type PublishHearingReportInput = {
  /** Handling texts for views without an approved disposition (or to add to one). */
  handlings?: Array<EntryHandlingInput>;
  hearingId: string | number;
  /** The report's overall account of the views and their handling. */
  summary: string;
};

export type RecordMinutesInput = {
  entries?: Array<MinutesEntryInput>;
  /** How many entries the minutes had when the caller last read them (0 the first time): a retried or concurrent call that does not match is refused, so nothing is recorded twice. */
  expectedEntries: number;
  hearingId: string | number;
  /** Replaces the minutes summary when not empty. */
  summary?: string;
};

export type RegisterForHearingInput = {
  category: ParticipantCategory;
  /** Separate consent to be named on the public participant list (rules H). */
  consentToBeNamed?: boolean;
  /** Phone or email for this hearing; default: the account's. */
  contact?: string | null | undefined;
  hearingId: string | number;
  /** The participant's real name (shown only with consent). */
  name: string;
  /** The organization represented (required for 企业 and 社会组织). */
  organization?: string;
  /** Summary of the position (required when wishing to speak). */
  positionSummary?: string;
  wishesToSpeak?: boolean;
};

export type ReviewKind =
  | 'LEGALITY'
  | 'SECRECY';

export type Role =
  | 'ADMIN'
  | 'APPROVER'
  | 'DRAFTER'
  | 'ORGANIZER'
  | 'REVIEWER';

export type SelectionMethod =
  | 'DRAW'
  | 'FIRST_COME';

export type SpeakerCategory =
  | 'CPPCC_MEMBER'
  | 'DRAFTING_UNIT'
  | 'ENTERPRISE'
  | 'EXPERT'
  | 'INTERESTED_PARTY'
  | 'MEDIA'
  | 'NPC_DEPUTY'
  | 'PUBLIC'
  | 'PUBLIC_REPRESENTATIVE'
  | 'SOCIAL_ORGANIZATION'
  | 'STAKEHOLDER';

export type SubmitterType =
  | 'ENTERPRISE'
  | 'INDIVIDUAL'
  | 'ORGANIZATION'
  | 'OTHER';

/** The notice fields to change; omitted (null) fields stay as they are. */
export type UpdateConsultationInput = {
  basis?: string | null | undefined;
  businessRelated?: boolean | null | undefined;
  disclosure?: Disclosure | null | undefined;
  disclosureReason?: string | null | undefined;
  explanation?: string | null | undefined;
  kind?: ConsultationKind | null | undefined;
  offlineChannels?: string | null | undefined;
  summary?: string | null | undefined;
  title?: string | null | undefined;
};

/** A draft's notice, replaced as a whole (the same fields as creating it). */
export type UpdateHearingInput = {
  agenda?: string;
  categories: Array<CategoryQuotaInput>;
  consultationId?: string | number | null | undefined;
  /** Default: the linked consultation's kind, else 其他. 规章 needs 30 days' notice. */
  decisionKind?: ConsultationKind | null | undefined;
  endsAt?: string | null | undefined;
  isPublic?: boolean;
  kind: HearingKind;
  notPublicReason?: string;
  observersInvited?: boolean;
  publicMethods?: Array<string>;
  registrationClosesAt: string;
  registrationOpensAt: string;
  selectionMethod?: SelectionMethod;
  /** 遴选办法 (published with the notice). */
  selectionRules: string;
  startsAt: string;
  streamUrl?: string;
  title: string;
  venue?: string;
};

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { me: { id: string, kind: string, displayName: string, verified: boolean, roles: Array<{ role: Role, unitId: string }> } | null };

export type LoginMutationVariables = Exact<{
  identifier: string;
  password: string;
}>;


export type LoginMutation = { login: { csrfToken: string, userId: string, kind: string, displayName: string } };

export type LogoutMutationVariables = Exact<{ [key: string]: never; }>;


export type LogoutMutation = { logout: boolean };

export type SubmitCommentMutationVariables = Exact<{
  consultationId: string | number;
  body: string;
  articleId?: string | number | null | undefined;
  idempotencyKey?: string | null | undefined;
}>;


export type SubmitCommentMutation = { submitComment: { receiptCode: string, submittedAt: string, duplicate: boolean } };

export type ConsultationsQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
  status?: ConsultationStatus | null | undefined;
}>;


export type ConsultationsQuery = { consultations: { edges: Array<{ node: { id: string, title: string, kindLabel: string, status: ConsultationStatus, statusLabel: string, unit: string, summary: string, closingDate: string | null, acceptingComments: boolean, commentCount: number } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type ConsultationQueryVariables = Exact<{
  id: string | number;
}>;


export type ConsultationQuery = { consultation: { id: string, title: string, kindLabel: string, status: ConsultationStatus, statusLabel: string, unit: string, summary: string, explanation: string, basis: string, offlineChannels: string, opensAt: string | null, closingDate: string | null, closesAt: string | null, minimumPeriod: string, shortenedReason: string, acceptingComments: boolean, commentCount: number, withdrawnReason: string, commentLimits: { minChars: number, maxChars: number }, publicationChannels: Array<{ channel: string, url: string, publishedOn: string | null }>, draft: { number: number, preamble: string, articles: Array<{ id: string, label: string, heading: string, body: string }> } | null } | null };

export type HearingsQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
}>;


export type HearingsQuery = { hearings: { edges: Array<{ node: { id: string, kindLabel: string, title: string, unit: string, startsAt: string, venue: string, statusLabel: string, registrationOpen: boolean } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type HearingQueryVariables = Exact<{
  id: string | number;
}>;


export type HearingQuery = { hearing: { id: string, kind: HearingKind, kindLabel: string, title: string, unit: string, consultationId: string | null, decisionKindLabel: string, agenda: string, startsAt: string, endsAt: string | null, venue: string, streamUrl: string, registrationOpensAt: string, registrationClosesAt: string, registrationOpen: boolean, seats: number, selectionMethod: SelectionMethod, selectionRules: string, isPublic: boolean, publicMethodsLabel: string, notPublicReason: string, observersInvited: boolean, status: HearingStatus, statusLabel: string, publishedAt: string | null, cancelledReason: string, participantListPublishedAt: string | null, categories: Array<{ category: ParticipantCategory, label: string, quota: number }>, participantList: Array<{ category: ParticipantCategory, categoryLabel: string, seatNumber: number, named: boolean, name: string, organization: string, wishesToSpeak: boolean, selectedBy: HearingSelectedBy, selectedByLabel: string, manualReason: string }> | null, draw: { seedSha256: string | null, seedCommittedAt: string | null, seed: string | null, drawnAt: string | null, documentSha256: string, downloadUrl: string, categories: Array<{ category: ParticipantCategory, label: string, quota: number, seatsDrawn: number, applicants: Array<string>, selected: Array<string> | null, waitlist: Array<string> | null, manuallySelected: Array<{ applicantCode: string, reason: string }> }> } | null, myRegistration: { id: string, hearingId: string, hearingTitle: string, hearingStartsAt: string, applicantCode: string, category: ParticipantCategory, categoryLabel: string, name: string, status: HearingRegistrationStatus, statusLabel: string, seatNumber: number | null, selectedBy: HearingSelectedBy | null, selectedByLabel: string, waitlistRank: number | null, waitlistPosition: number | null, registeredAt: string, canCancel: boolean } | null } | null };

export type MyRegistrationFieldsFragment = { id: string, hearingId: string, hearingTitle: string, hearingStartsAt: string, applicantCode: string, category: ParticipantCategory, categoryLabel: string, name: string, status: HearingRegistrationStatus, statusLabel: string, seatNumber: number | null, selectedBy: HearingSelectedBy | null, selectedByLabel: string, waitlistRank: number | null, waitlistPosition: number | null, registeredAt: string, canCancel: boolean };

export type RegisterForHearingMutationVariables = Exact<{
  input: RegisterForHearingInput;
}>;


export type RegisterForHearingMutation = { registerForHearing: { id: string, hearingId: string, hearingTitle: string, hearingStartsAt: string, applicantCode: string, category: ParticipantCategory, categoryLabel: string, name: string, status: HearingRegistrationStatus, statusLabel: string, seatNumber: number | null, selectedBy: HearingSelectedBy | null, selectedByLabel: string, waitlistRank: number | null, waitlistPosition: number | null, registeredAt: string, canCancel: boolean } };

export type CancelRegistrationMutationVariables = Exact<{
  registrationId: string | number;
}>;


export type CancelRegistrationMutation = { cancelRegistration: { id: string, hearingId: string, hearingTitle: string, hearingStartsAt: string, applicantCode: string, category: ParticipantCategory, categoryLabel: string, name: string, status: HearingRegistrationStatus, statusLabel: string, seatNumber: number | null, selectedBy: HearingSelectedBy | null, selectedByLabel: string, waitlistRank: number | null, waitlistPosition: number | null, registeredAt: string, canCancel: boolean } };

export type InvitationQueryVariables = Exact<{
  token: string;
}>;


export type InvitationQuery = { invitation: { name: string, organization: string, categoryLabel: string, status: InvitationStatus, statusLabel: string, expiresAt: string, canRespond: boolean, respondedAt: string | null, responseNote: string, withdrawnReason: string, checkInCode: string | null, checkInQrSvg: string | null, hearing: { id: string, title: string, kindLabel: string, unit: string, startsAt: string, endsAt: string | null, venue: string, agenda: string, streamUrl: string, statusLabel: string, cancelledReason: string } } | null };

export type RespondToInvitationMutationVariables = Exact<{
  token: string;
  accept: boolean;
  note: string;
}>;


export type RespondToInvitationMutation = { respondToInvitation: { name: string, status: InvitationStatus, statusLabel: string, canRespond: boolean, respondedAt: string | null, responseNote: string, checkInCode: string | null, checkInQrSvg: string | null } };

export type MyCommentsQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
}>;


export type MyCommentsQuery = { myComments: { edges: Array<{ node: { receiptCode: string, consultationId: string, consultationTitle: string, articleLabel: string | null, body: string, submittedAt: string, status: string, statusLabel: string, outcome: { groupTitle: string, disposition: Outcome, dispositionLabel: string, reason: string } | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type MyRegistrationsQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
}>;


export type MyRegistrationsQuery = { myRegistrations: { edges: Array<{ node: { id: string, hearingId: string, hearingTitle: string, hearingStartsAt: string, applicantCode: string, category: ParticipantCategory, categoryLabel: string, name: string, status: HearingRegistrationStatus, statusLabel: string, seatNumber: number | null, selectedBy: HearingSelectedBy | null, selectedByLabel: string, waitlistRank: number | null, waitlistPosition: number | null, registeredAt: string, canCancel: boolean } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type MyCheckInQueryVariables = Exact<{
  hearingId: string | number;
}>;


export type MyCheckInQuery = { myCheckIn: { hearingId: string, code: string, checkedInAt: string | null, qrSvg: string } | null };

export type CommentReceiptQueryVariables = Exact<{
  code: string;
}>;


export type CommentReceiptQuery = { commentReceipt: { receiptCode: string, consultationId: string, consultationTitle: string, articleLabel: string | null, channel: CommentChannel, body: string, submittedAt: string, status: string, statusLabel: string, outcome: { groupTitle: string, disposition: Outcome, dispositionLabel: string, reason: string } | null } | null };

export type RegisterCitizenMutationVariables = Exact<{
  contact: string;
  password: string;
  displayName: string;
}>;


export type RegisterCitizenMutation = { registerCitizen: { userId: string, contact: string, verificationRequired: boolean } };

export type RequestVerificationCodeMutationVariables = Exact<{
  contact: string;
}>;


export type RequestVerificationCodeMutation = { requestVerificationCode: boolean };

export type VerifyContactMutationVariables = Exact<{
  contact: string;
  code: string;
}>;


export type VerifyContactMutation = { verifyContact: boolean };

export type StatementPageQueryVariables = Exact<{
  id: string | number;
  version?: number | null | undefined;
}>;


export type StatementPageQuery = { consultation: { id: string, title: string, unit: string, status: ConsultationStatus, statusLabel: string } | null, statement: { version: number, status: string, correctsVersion: number | null, correctionNote: string, sha256: string, publishedAt: string | null, figures: unknown, downloads: Array<{ format: string, url: string }> } | null, decision: { decidedOn: string, summary: string, documents: Array<{ title: string, url: string }> } | null };

export type StaffConsultationsQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
  status?: ConsultationStatus | null | undefined;
}>;


export type StaffConsultationsQuery = { consultations: { edges: Array<{ node: { id: string, title: string, kindLabel: string, status: ConsultationStatus, statusLabel: string, unit: string, closingDate: string | null, commentCount: number } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type StaffUnitsQueryVariables = Exact<{ [key: string]: never; }>;


export type StaffUnitsQuery = { units: Array<{ id: string, name: string, parentId: string | null }> };

export type CreateConsultationMutationVariables = Exact<{
  input: CreateConsultationInput;
}>;


export type CreateConsultationMutation = { createConsultation: { id: string } };

export type UpdateConsultationMutationVariables = Exact<{
  id: string | number;
  input: UpdateConsultationInput;
}>;


export type UpdateConsultationMutation = { updateConsultation: { id: string } };

export type WorkbenchQueryVariables = Exact<{
  id: string | number;
}>;


export type WorkbenchQuery = { consultation: { id: string, title: string, kind: ConsultationKind, kindLabel: string, status: ConsultationStatus, statusLabel: string, summary: string, explanation: string, basis: string, offlineChannels: string, businessRelated: boolean, disclosure: Disclosure, disclosureReason: string, unitId: string, unit: string, opensAt: string | null, closesAt: string | null, closingDate: string | null, minimumPeriod: string, shortenedReason: string, withdrawnReason: string, commentCount: number, publicationChannels: Array<{ channel: string, url: string, publishedOn: string | null }>, reviews: Array<{ id: string, draftVersionId: string, kind: ReviewKind, reviewer: string, reviewedOn: string, passed: boolean, notes: string }> | null, draft: { id: string, number: number, structure: string, source: string, preamble: string, articles: Array<{ id: string, position: number, label: string, heading: string, body: string }> } | null } | null };

export type ConsultationTitleQueryVariables = Exact<{
  id: string | number;
}>;


export type ConsultationTitleQuery = { consultation: { id: string, title: string, status: ConsultationStatus, statusLabel: string, unitId: string, draft: { articles: Array<{ id: string, label: string }> } | null } | null };

export type ImportDraftTextMutationVariables = Exact<{
  id: string | number;
  text?: string | null | undefined;
  docxBase64?: string | null | undefined;
  filename?: string;
  note?: string;
}>;


export type ImportDraftTextMutation = { importDraft: { id: string, number: number } };

export type WorkbenchUpdateArticleMutationVariables = Exact<{
  articleId: string | number;
  label?: string | null | undefined;
  heading?: string | null | undefined;
  body?: string | null | undefined;
}>;


export type WorkbenchUpdateArticleMutation = { updateArticle: { id: string } };

export type WorkbenchSplitArticleMutationVariables = Exact<{
  articleId: string | number;
  at: number;
  newLabel: string;
}>;


export type WorkbenchSplitArticleMutation = { splitArticle: Array<{ id: string }> };

export type WorkbenchMergeArticleMutationVariables = Exact<{
  articleId: string | number;
}>;


export type WorkbenchMergeArticleMutation = { mergeArticleWithNext: Array<{ id: string }> };

export type WorkbenchSubmitForReviewMutationVariables = Exact<{
  id: string | number;
}>;


export type WorkbenchSubmitForReviewMutation = { submitForReview: { id: string } };

export type WorkbenchReturnToDraftMutationVariables = Exact<{
  id: string | number;
  reason: string;
}>;


export type WorkbenchReturnToDraftMutation = { returnToDraft: { id: string } };

export type WorkbenchRecordReviewMutationVariables = Exact<{
  id: string | number;
  kind: ReviewKind;
  reviewer: string;
  reviewedOn: string;
  passed: boolean;
  notes?: string;
}>;


export type WorkbenchRecordReviewMutation = { recordReview: { id: string } };

export type PublishChecksQueryVariables = Exact<{
  id: string | number;
  closingDate?: string | null | undefined;
  shortenedReason?: string;
}>;


export type PublishChecksQuery = { consultation: { id: string, publishChecks: { ready: boolean, minimumClosingDate: string, closingDate: string, shortened: boolean, checks: Array<{ code: string, label: string, passed: boolean, message: string, errorCode: string | null, detail: string }> } | null } | null };

export type WorkbenchPublishMutationVariables = Exact<{
  id: string | number;
  closingDate?: string | null | undefined;
  shortenedReason?: string;
  channels?: Array<PublicationChannelInput> | PublicationChannelInput | null | undefined;
}>;


export type WorkbenchPublishMutation = { publishConsultation: { id: string } };

export type WorkbenchCloseMutationVariables = Exact<{
  id: string | number;
  reason?: string;
}>;


export type WorkbenchCloseMutation = { closeConsultation: { id: string } };

export type WorkbenchWithdrawMutationVariables = Exact<{
  id: string | number;
  reason: string;
}>;


export type WorkbenchWithdrawMutation = { withdrawConsultation: { id: string } };

export type ModerationQueueQueryVariables = Exact<{
  id: string | number;
  first: number;
  after?: string | null | undefined;
  moderation?: Moderation | null | undefined;
}>;


export type ModerationQueueQuery = { consultation: { id: string, comments: { totalCount: number | null, edges: Array<{ node: { id: string, receiptCode: string, channel: CommentChannel, body: string, submitterName: string, submittedAt: string, isLate: boolean, moderation: Moderation, moderationReason: string, flaggedTerms: Array<string>, article: { id: string, label: string } | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } | null } | null };

export type WorkbenchModerateMutationVariables = Exact<{
  id: string | number;
  action: ModerationAction;
  reason?: string;
}>;


export type WorkbenchModerateMutation = { moderateComment: { id: string, moderation: Moderation, moderationReason: string } };

export type WorkbenchRecordOfflineMutationVariables = Exact<{
  input: OfflineCommentInput;
}>;


export type WorkbenchRecordOfflineMutation = { recordOfflineComment: { id: string, receiptCode: string } };

export type WorkbenchAuditTrailQueryVariables = Exact<{
  id: string | number;
}>;


export type WorkbenchAuditTrailQuery = { consultation: { id: string, title: string, auditTrail: Array<{ seq: number, occurredAt: string, actor: string, action: string, before: unknown, after: unknown }> | null } | null };

export type OrganizerHearingsQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
}>;


export type OrganizerHearingsQuery = { hearings: { edges: Array<{ node: { id: string, unitId: string, unit: string, kindLabel: string, title: string, startsAt: string, status: HearingStatus, statusLabel: string } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type OrganizerUnitsQueryVariables = Exact<{ [key: string]: never; }>;


export type OrganizerUnitsQuery = { units: Array<{ id: string, name: string, parentId: string | null }>, consultations: { edges: Array<{ node: { id: string, title: string, unit: string } }> } };

export type OrganizerHearingFieldsFragment = { id: string, unitId: string, unit: string, consultationId: string | null, kind: HearingKind, kindLabel: string, decisionKind: string, decisionKindLabel: string, title: string, agenda: string, startsAt: string, endsAt: string | null, venue: string, streamUrl: string, registrationOpensAt: string, registrationClosesAt: string, registrationOpen: boolean, seats: number, selectionMethod: SelectionMethod, selectionRules: string, isPublic: boolean, publicMethods: Array<string>, publicMethodsLabel: string, notPublicReason: string, observersInvited: boolean, status: HearingStatus, statusLabel: string, noticeDays: number, publishedAt: string | null, cancelledReason: string, openedAt: string | null, participantListPublishedAt: string | null, categories: Array<{ category: ParticipantCategory, label: string, quota: number }>, registrationCounts: Array<{ category: ParticipantCategory, label: string, quota: number, applied: number, selected: number, waitlisted: number }> | null, draw: { seedSha256: string | null, seedCommittedAt: string | null, seed: string | null, drawnAt: string | null, downloadUrl: string, categories: Array<{ category: ParticipantCategory, label: string, seatsDrawn: number, selected: Array<string> | null, waitlist: Array<string> | null }> } | null, materials: { deliveredAt: string | null, daysBeforeHearing: number | null, requiredDays: number | null, onTime: boolean, overrideReason: string, note: string | null } };

export type OrganizerHearingQueryVariables = Exact<{
  id: string | number;
}>;


export type OrganizerHearingQuery = { hearing: { id: string, unitId: string, unit: string, consultationId: string | null, kind: HearingKind, kindLabel: string, decisionKind: string, decisionKindLabel: string, title: string, agenda: string, startsAt: string, endsAt: string | null, venue: string, streamUrl: string, registrationOpensAt: string, registrationClosesAt: string, registrationOpen: boolean, seats: number, selectionMethod: SelectionMethod, selectionRules: string, isPublic: boolean, publicMethods: Array<string>, publicMethodsLabel: string, notPublicReason: string, observersInvited: boolean, status: HearingStatus, statusLabel: string, noticeDays: number, publishedAt: string | null, cancelledReason: string, openedAt: string | null, participantListPublishedAt: string | null, categories: Array<{ category: ParticipantCategory, label: string, quota: number }>, registrationCounts: Array<{ category: ParticipantCategory, label: string, quota: number, applied: number, selected: number, waitlisted: number }> | null, draw: { seedSha256: string | null, seedCommittedAt: string | null, seed: string | null, drawnAt: string | null, downloadUrl: string, categories: Array<{ category: ParticipantCategory, label: string, seatsDrawn: number, selected: Array<string> | null, waitlist: Array<string> | null }> } | null, materials: { deliveredAt: string | null, daysBeforeHearing: number | null, requiredDays: number | null, onTime: boolean, overrideReason: string, note: string | null } } | null };

export type OrganizerCreateHearingMutationVariables = Exact<{
  input: CreateHearingInput;
}>;


export type OrganizerCreateHearingMutation = { createHearing: { id: string } };

export type OrganizerUpdateHearingMutationVariables = Exact<{
  hearingId: string | number;
  input: UpdateHearingInput;
}>;


export type OrganizerUpdateHearingMutation = { updateHearing: { id: string } };

export type OrganizerPublishHearingMutationVariables = Exact<{
  hearingId: string | number;
}>;


export type OrganizerPublishHearingMutation = { publishHearing: { id: string, status: HearingStatus } };

export type OrganizerCancelHearingMutationVariables = Exact<{
  hearingId: string | number;
  reason: string;
}>;


export type OrganizerCancelHearingMutation = { cancelHearing: { id: string, status: HearingStatus } };

export type OrganizerRegistrationsQueryVariables = Exact<{
  hearingId: string | number;
  category?: ParticipantCategory | null | undefined;
  status?: HearingRegistrationStatus | null | undefined;
  first: number;
  after?: string | null | undefined;
}>;


export type OrganizerRegistrationsQuery = { hearingRegistrations: { totalCount: number | null, edges: Array<{ node: { id: string, applicantCode: string, categoryLabel: string, name: string, organization: string, contact: string, wishesToSpeak: boolean, status: HearingRegistrationStatus, statusLabel: string, seatNumber: number | null, selectedByLabel: string, manualReason: string, waitlistRank: number | null, checkedInAt: string | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type OrganizerSelectManuallyMutationVariables = Exact<{
  registrationId: string | number;
  reason: string;
}>;


export type OrganizerSelectManuallyMutation = { selectParticipantManually: { id: string, status: HearingRegistrationStatus } };

export type OrganizerCommitSeedMutationVariables = Exact<{
  hearingId: string | number;
  seedSha256: string;
}>;


export type OrganizerCommitSeedMutation = { commitDrawSeed: { id: string } };

export type OrganizerDrawMutationVariables = Exact<{
  hearingId: string | number;
  seed: string;
}>;


export type OrganizerDrawMutation = { drawParticipants: { id: string } };

export type OrganizerPublishListMutationVariables = Exact<{
  hearingId: string | number;
}>;


export type OrganizerPublishListMutation = { publishParticipantList: { id: string } };

export type OrganizerObserversQueryVariables = Exact<{
  id: string | number;
  first: number;
  after?: string | null | undefined;
}>;


export type OrganizerObserversQuery = { hearing: { id: string, observers: { edges: Array<{ node: { id: string, categoryLabel: string, name: string, organization: string, contact: string, status: InvitationStatus, statusLabel: string, expiresAt: string, respondedAt: string | null, responseNote: string, withdrawnReason: string, checkInCode: string | null, checkedInAt: string | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } | null } | null };

export type OrganizerInviteMutationVariables = Exact<{
  input: InviteObserverInput;
}>;


export type OrganizerInviteMutation = { inviteObserver: { id: string, name: string, link: string | null } };

export type OrganizerWithdrawInvitationMutationVariables = Exact<{
  invitationId: string | number;
  reason: string;
}>;


export type OrganizerWithdrawInvitationMutation = { withdrawInvitation: { id: string, status: InvitationStatus } };

export type OrganizerReissueLinkMutationVariables = Exact<{
  invitationId: string | number;
}>;


export type OrganizerReissueLinkMutation = { reissueInvitationLink: { id: string, name: string, link: string | null } };

export type OrganizerMaterialsMutationVariables = Exact<{
  hearingId: string | number;
  note: string;
}>;


export type OrganizerMaterialsMutation = { recordMaterialsDelivered: { notified: number } };

export type OrganizerOpenHearingMutationVariables = Exact<{
  hearingId: string | number;
  overrideReason: string;
}>;


export type OrganizerOpenHearingMutation = { openHearing: { id: string, status: HearingStatus } };

export type OrganizerAttendanceQueryVariables = Exact<{
  id: string | number;
}>;


export type OrganizerAttendanceQuery = { hearing: { id: string, title: string, status: HearingStatus, statusLabel: string, attendance: { participantsExpected: number, participantsPresent: number, observersExpected: number, observersPresent: number, participants: Array<{ category: string, label: string, expected: number, present: number }>, observers: Array<{ category: string, label: string, expected: number, present: number }> } } | null };

export type OrganizerCheckInMutationVariables = Exact<{
  code: string;
  hearingId?: string | number | null | undefined;
}>;


export type OrganizerCheckInMutation = { checkIn: { attendee: string, name: string, organization: string, categoryLabel: string, checkedInAt: string } };

export type OrganizerMinutesQueryVariables = Exact<{
  id: string | number;
}>;


export type OrganizerMinutesQuery = { hearing: { id: string, title: string, status: HearingStatus, statusLabel: string, minutes: { summary: string, recordedAt: string | null, signedOffEntries: number, unsignedEntries: number, entries: Array<{ id: string, position: number, stageLabel: string, speakerName: string, speakerCategory: SpeakerCategory, speakerCategoryLabel: string, mainPoints: string, reasons: string, signedOffAt: string | null, commentReceiptCode: string | null, handling: string }> } | null } | null };

export type OrganizerSpeakersQueryVariables = Exact<{
  hearingId: string | number;
}>;


export type OrganizerSpeakersQuery = { hearingRegistrations: { edges: Array<{ node: { id: string, name: string, categoryLabel: string } }> }, hearing: { id: string, observers: { edges: Array<{ node: { id: string, name: string, categoryLabel: string, status: InvitationStatus } }> } | null } | null };

export type OrganizerRecordMinutesMutationVariables = Exact<{
  input: RecordMinutesInput;
}>;


export type OrganizerRecordMinutesMutation = { recordMinutes: { id: string, status: HearingStatus } };

export type OrganizerSignOffMutationVariables = Exact<{
  hearingId: string | number;
  entryIds: Array<string | number> | string | number;
}>;


export type OrganizerSignOffMutation = { signOffMinutes: { id: string } };

export type OrganizerPublishReportMutationVariables = Exact<{
  input: PublishHearingReportInput;
}>;


export type OrganizerPublishReportMutation = { publishHearingReport: { id: string, status: HearingStatus } };

export type ReviewConsultationQueryVariables = Exact<{
  id: string | number;
}>;


export type ReviewConsultationQuery = { consultation: { id: string, title: string, status: ConsultationStatus, statusLabel: string, draft: { articles: Array<{ id: string, label: string }> } | null } | null };

export type ReviewAggregationStatusQueryVariables = Exact<{
  id: string | number;
}>;


export type ReviewAggregationStatusQuery = { aggregationStatus: { comments: number, ungroupedComments: number, topics: number, campaigns: number, undecidedComments: number, run: { id: string, status: string, progressDone: number, progressTotal: number | null, message: string, startedAt: string, finishedAt: string | null } | null } };

export type ReviewRunAggregationMutationVariables = Exact<{
  id: string | number;
}>;


export type ReviewRunAggregationMutation = { runAggregation: { id: string, status: string } };

export type ReviewOpinionGroupsQueryVariables = Exact<{
  id: string | number;
  kind?: GroupKind | null | undefined;
  articleId?: string | number | null | undefined;
  wholeDraft?: boolean;
  undecidedOnly?: boolean;
  search?: string | null | undefined;
  first?: number;
  after?: string | null | undefined;
}>;


export type ReviewOpinionGroupsQuery = { opinionGroups: { totalCount: number | null, edges: Array<{ node: { id: string, kind: GroupKind, articleId: string | null, articleLabel: string | null, title: string, summary: string, keywords: Array<string>, editedByStaff: boolean, representative: { id: string, body: string } | null, stats: { comments: number, participants: number }, disposition: { id: string, outcome: Outcome, outcomeLabel: string, standardReason: string, reason: string, status: DispositionStatus, proposedBy: string | null, replacesApproved: boolean, revisedArticleId: string | null, revisedAfter: string } | null, comments: { edges: Array<{ node: { id: string, body: string, channel: CommentChannel } }>, pageInfo: { hasNextPage: boolean } } } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type ReviewStandardReasonsQueryVariables = Exact<{ [key: string]: never; }>;


export type ReviewStandardReasonsQuery = { standardReasons: Array<{ code: string, label: string }> };

export type ReviewMergeGroupsMutationVariables = Exact<{
  into: string | number;
  ids: Array<string | number> | string | number;
}>;


export type ReviewMergeGroupsMutation = { mergeGroups: { id: string } };

export type ReviewSplitGroupMutationVariables = Exact<{
  groupId: string | number;
  commentIds: Array<string | number> | string | number;
  title?: string;
}>;


export type ReviewSplitGroupMutation = { splitGroup: { id: string } };

export type ReviewMoveCommentMutationVariables = Exact<{
  commentId: string | number;
  toGroupId: string | number;
}>;


export type ReviewMoveCommentMutation = { moveComment: { id: string } };

export type ReviewUpdateGroupMutationVariables = Exact<{
  groupId: string | number;
  title?: string | null | undefined;
  summary?: string | null | undefined;
}>;


export type ReviewUpdateGroupMutation = { updateGroup: { id: string } };

export type ReviewSetDispositionMutationVariables = Exact<{
  input: DispositionInput;
}>;


export type ReviewSetDispositionMutation = { setDisposition: { id: string, status: DispositionStatus } };

export type ReviewSetDispositionForGroupsMutationVariables = Exact<{
  groupIds: Array<string | number> | string | number;
  outcome: Outcome;
  reason?: string;
  standardReason?: string;
}>;


export type ReviewSetDispositionForGroupsMutation = { setDispositionForGroups: Array<{ id: string, status: DispositionStatus }> };

export type ReviewApproveDispositionMutationVariables = Exact<{
  ids: Array<string | number> | string | number;
}>;


export type ReviewApproveDispositionMutation = { approveDisposition: Array<{ id: string, status: DispositionStatus }> };

export type ReviewStatementQueryVariables = Exact<{
  id: string | number;
  version?: number | null | undefined;
}>;


export type ReviewStatementQuery = { statement: { version: number, status: string, correctsVersion: number | null, correctionNote: string, sha256: string, figures: unknown, generatedAt: string, publishedAt: string | null, personalDataFindings: Array<{ kind: string, excerpt: string }>, downloads: Array<{ format: string, url: string }> } | null, statementGeneration: { id: string, status: string, progressDone: number, progressTotal: number | null, message: string, startedAt: string, finishedAt: string | null } | null, decision: { decidedOn: string } | null };

export type ReviewGenerateStatementMutationVariables = Exact<{
  id: string | number;
  correctionNote?: string;
}>;


export type ReviewGenerateStatementMutation = { generateStatement: { id: string, status: string } };

export type ReviewPublishStatementMutationVariables = Exact<{
  id: string | number;
  version: number;
}>;


export type ReviewPublishStatementMutation = { publishStatement: { version: number, status: string } };

export type ReviewPublishDecisionMutationVariables = Exact<{
  input: PublishDecisionInput;
}>;


export type ReviewPublishDecisionMutation = { publishDecision: { decidedOn: string } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const MyRegistrationFieldsFragmentDoc = new TypedDocumentString(`
    fragment MyRegistrationFields on MyHearingRegistration {
  id
  hearingId
  hearingTitle
  hearingStartsAt
  applicantCode
  category
  categoryLabel
  name
  status
  statusLabel
  seatNumber
  selectedBy
  selectedByLabel
  waitlistRank
  waitlistPosition
  registeredAt
  canCancel
}
    `, {"fragmentName":"MyRegistrationFields"}) as unknown as TypedDocumentString<MyRegistrationFieldsFragment, unknown>;
export const OrganizerHearingFieldsFragmentDoc = new TypedDocumentString(`
    fragment OrganizerHearingFields on Hearing {
  id
  unitId
  unit
  consultationId
  kind
  kindLabel
  decisionKind
  decisionKindLabel
  title
  agenda
  startsAt
  endsAt
  venue
  streamUrl
  registrationOpensAt
  registrationClosesAt
  registrationOpen
  seats
  categories {
    category
    label
    quota
  }
  selectionMethod
  selectionRules
  isPublic
  publicMethods
  publicMethodsLabel
  notPublicReason
  observersInvited
  status
  statusLabel
  noticeDays
  publishedAt
  cancelledReason
  openedAt
  participantListPublishedAt
  registrationCounts {
    category
    label
    quota
    applied
    selected
    waitlisted
  }
  draw {
    seedSha256
    seedCommittedAt
    seed
    drawnAt
    downloadUrl
    categories {
      category
      label
      seatsDrawn
      selected
      waitlist
    }
  }
  materials {
    deliveredAt
    daysBeforeHearing
    requiredDays
    onTime
    overrideReason
    note
  }
}
    `, {"fragmentName":"OrganizerHearingFields"}) as unknown as TypedDocumentString<OrganizerHearingFieldsFragment, unknown>;
export const MeDocument = new TypedDocumentString(`
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
    `) as unknown as TypedDocumentString<MeQuery, MeQueryVariables>;
export const LoginDocument = new TypedDocumentString(`
    mutation Login($identifier: String!, $password: String!) {
  login(identifier: $identifier, password: $password, useCookie: true) {
    csrfToken
    userId
    kind
    displayName
  }
}
    `) as unknown as TypedDocumentString<LoginMutation, LoginMutationVariables>;
export const LogoutDocument = new TypedDocumentString(`
    mutation Logout {
  logout
}
    `) as unknown as TypedDocumentString<LogoutMutation, LogoutMutationVariables>;
export const SubmitCommentDocument = new TypedDocumentString(`
    mutation SubmitComment($consultationId: ID!, $body: String!, $articleId: ID, $idempotencyKey: String) {
  submitComment(
    consultationId: $consultationId
    body: $body
    articleId: $articleId
    idempotencyKey: $idempotencyKey
  ) {
    receiptCode
    submittedAt
    duplicate
  }
}
    `) as unknown as TypedDocumentString<SubmitCommentMutation, SubmitCommentMutationVariables>;
export const ConsultationsDocument = new TypedDocumentString(`
    query Consultations($first: Int!, $after: String, $status: ConsultationStatus) {
  consultations(first: $first, after: $after, status: $status) {
    edges {
      node {
        id
        title
        kindLabel
        status
        statusLabel
        unit
        summary
        closingDate
        acceptingComments
        commentCount
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<ConsultationsQuery, ConsultationsQueryVariables>;
export const ConsultationDocument = new TypedDocumentString(`
    query Consultation($id: ID!) {
  consultation(id: $id) {
    id
    title
    kindLabel
    status
    statusLabel
    unit
    summary
    explanation
    basis
    offlineChannels
    opensAt
    closingDate
    closesAt
    minimumPeriod
    shortenedReason
    acceptingComments
    commentCount
    commentLimits {
      minChars
      maxChars
    }
    withdrawnReason
    publicationChannels {
      channel
      url
      publishedOn
    }
    draft {
      number
      preamble
      articles {
        id
        label
        heading
        body
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ConsultationQuery, ConsultationQueryVariables>;
export const HearingsDocument = new TypedDocumentString(`
    query Hearings($first: Int!, $after: String) {
  hearings(first: $first, after: $after) {
    edges {
      node {
        id
        kindLabel
        title
        unit
        startsAt
        venue
        statusLabel
        registrationOpen
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<HearingsQuery, HearingsQueryVariables>;
export const HearingDocument = new TypedDocumentString(`
    query Hearing($id: ID!) {
  hearing(id: $id) {
    id
    kind
    kindLabel
    title
    unit
    consultationId
    decisionKindLabel
    agenda
    startsAt
    endsAt
    venue
    streamUrl
    registrationOpensAt
    registrationClosesAt
    registrationOpen
    seats
    categories {
      category
      label
      quota
    }
    selectionMethod
    selectionRules
    isPublic
    publicMethodsLabel
    notPublicReason
    observersInvited
    status
    statusLabel
    publishedAt
    cancelledReason
    participantListPublishedAt
    participantList {
      category
      categoryLabel
      seatNumber
      named
      name
      organization
      wishesToSpeak
      selectedBy
      selectedByLabel
      manualReason
    }
    draw {
      seedSha256
      seedCommittedAt
      seed
      drawnAt
      documentSha256
      downloadUrl
      categories {
        category
        label
        quota
        manuallySelected {
          applicantCode
          reason
        }
        seatsDrawn
        applicants
        selected
        waitlist
      }
    }
    myRegistration {
      ...MyRegistrationFields
    }
  }
}
    fragment MyRegistrationFields on MyHearingRegistration {
  id
  hearingId
  hearingTitle
  hearingStartsAt
  applicantCode
  category
  categoryLabel
  name
  status
  statusLabel
  seatNumber
  selectedBy
  selectedByLabel
  waitlistRank
  waitlistPosition
  registeredAt
  canCancel
}`) as unknown as TypedDocumentString<HearingQuery, HearingQueryVariables>;
export const RegisterForHearingDocument = new TypedDocumentString(`
    mutation RegisterForHearing($input: RegisterForHearingInput!) {
  registerForHearing(input: $input) {
    ...MyRegistrationFields
  }
}
    fragment MyRegistrationFields on MyHearingRegistration {
  id
  hearingId
  hearingTitle
  hearingStartsAt
  applicantCode
  category
  categoryLabel
  name
  status
  statusLabel
  seatNumber
  selectedBy
  selectedByLabel
  waitlistRank
  waitlistPosition
  registeredAt
  canCancel
}`) as unknown as TypedDocumentString<RegisterForHearingMutation, RegisterForHearingMutationVariables>;
export const CancelRegistrationDocument = new TypedDocumentString(`
    mutation CancelRegistration($registrationId: ID!) {
  cancelRegistration(registrationId: $registrationId) {
    ...MyRegistrationFields
  }
}
    fragment MyRegistrationFields on MyHearingRegistration {
  id
  hearingId
  hearingTitle
  hearingStartsAt
  applicantCode
  category
  categoryLabel
  name
  status
  statusLabel
  seatNumber
  selectedBy
  selectedByLabel
  waitlistRank
  waitlistPosition
  registeredAt
  canCancel
}`) as unknown as TypedDocumentString<CancelRegistrationMutation, CancelRegistrationMutationVariables>;
export const InvitationDocument = new TypedDocumentString(`
    query Invitation($token: String!) {
  invitation(token: $token) {
    name
    organization
    categoryLabel
    status
    statusLabel
    expiresAt
    canRespond
    respondedAt
    responseNote
    withdrawnReason
    checkInCode
    checkInQrSvg
    hearing {
      id
      title
      kindLabel
      unit
      startsAt
      endsAt
      venue
      agenda
      streamUrl
      statusLabel
      cancelledReason
    }
  }
}
    `) as unknown as TypedDocumentString<InvitationQuery, InvitationQueryVariables>;
export const RespondToInvitationDocument = new TypedDocumentString(`
    mutation RespondToInvitation($token: String!, $accept: Boolean!, $note: String!) {
  respondToInvitation(token: $token, accept: $accept, note: $note) {
    name
    status
    statusLabel
    canRespond
    respondedAt
    responseNote
    checkInCode
    checkInQrSvg
  }
}
    `) as unknown as TypedDocumentString<RespondToInvitationMutation, RespondToInvitationMutationVariables>;
export const MyCommentsDocument = new TypedDocumentString(`
    query MyComments($first: Int!, $after: String) {
  myComments(first: $first, after: $after) {
    edges {
      node {
        receiptCode
        consultationId
        consultationTitle
        articleLabel
        body
        submittedAt
        status
        statusLabel
        outcome {
          groupTitle
          disposition
          dispositionLabel
          reason
        }
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<MyCommentsQuery, MyCommentsQueryVariables>;
export const MyRegistrationsDocument = new TypedDocumentString(`
    query MyRegistrations($first: Int!, $after: String) {
  myRegistrations(first: $first, after: $after) {
    edges {
      node {
        ...MyRegistrationFields
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    fragment MyRegistrationFields on MyHearingRegistration {
  id
  hearingId
  hearingTitle
  hearingStartsAt
  applicantCode
  category
  categoryLabel
  name
  status
  statusLabel
  seatNumber
  selectedBy
  selectedByLabel
  waitlistRank
  waitlistPosition
  registeredAt
  canCancel
}`) as unknown as TypedDocumentString<MyRegistrationsQuery, MyRegistrationsQueryVariables>;
export const MyCheckInDocument = new TypedDocumentString(`
    query MyCheckIn($hearingId: ID!) {
  myCheckIn(hearingId: $hearingId) {
    hearingId
    code
    checkedInAt
    qrSvg
  }
}
    `) as unknown as TypedDocumentString<MyCheckInQuery, MyCheckInQueryVariables>;
export const CommentReceiptDocument = new TypedDocumentString(`
    query CommentReceipt($code: String!) {
  commentReceipt(code: $code) {
    receiptCode
    consultationId
    consultationTitle
    articleLabel
    channel
    body
    submittedAt
    status
    statusLabel
    outcome {
      groupTitle
      disposition
      dispositionLabel
      reason
    }
  }
}
    `) as unknown as TypedDocumentString<CommentReceiptQuery, CommentReceiptQueryVariables>;
export const RegisterCitizenDocument = new TypedDocumentString(`
    mutation RegisterCitizen($contact: String!, $password: String!, $displayName: String!) {
  registerCitizen(
    contact: $contact
    password: $password
    displayName: $displayName
  ) {
    userId
    contact
    verificationRequired
  }
}
    `) as unknown as TypedDocumentString<RegisterCitizenMutation, RegisterCitizenMutationVariables>;
export const RequestVerificationCodeDocument = new TypedDocumentString(`
    mutation RequestVerificationCode($contact: String!) {
  requestVerificationCode(contact: $contact)
}
    `) as unknown as TypedDocumentString<RequestVerificationCodeMutation, RequestVerificationCodeMutationVariables>;
export const VerifyContactDocument = new TypedDocumentString(`
    mutation VerifyContact($contact: String!, $code: String!) {
  verifyContact(contact: $contact, code: $code)
}
    `) as unknown as TypedDocumentString<VerifyContactMutation, VerifyContactMutationVariables>;
export const StatementPageDocument = new TypedDocumentString(`
    query StatementPage($id: ID!, $version: Int) {
  consultation(id: $id) {
    id
    title
    unit
    status
    statusLabel
  }
  statement(consultationId: $id, version: $version) {
    version
    status
    correctsVersion
    correctionNote
    sha256
    publishedAt
    figures
    downloads {
      format
      url
    }
  }
  decision(consultationId: $id) {
    decidedOn
    summary
    documents {
      title
      url
    }
  }
}
    `) as unknown as TypedDocumentString<StatementPageQuery, StatementPageQueryVariables>;
export const StaffConsultationsDocument = new TypedDocumentString(`
    query StaffConsultations($first: Int!, $after: String, $status: ConsultationStatus) {
  consultations(first: $first, after: $after, status: $status) {
    edges {
      node {
        id
        title
        kindLabel
        status
        statusLabel
        unit
        closingDate
        commentCount
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<StaffConsultationsQuery, StaffConsultationsQueryVariables>;
export const StaffUnitsDocument = new TypedDocumentString(`
    query StaffUnits {
  units {
    id
    name
    parentId
  }
}
    `) as unknown as TypedDocumentString<StaffUnitsQuery, StaffUnitsQueryVariables>;
export const CreateConsultationDocument = new TypedDocumentString(`
    mutation CreateConsultation($input: CreateConsultationInput!) {
  createConsultation(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<CreateConsultationMutation, CreateConsultationMutationVariables>;
export const UpdateConsultationDocument = new TypedDocumentString(`
    mutation UpdateConsultation($id: ID!, $input: UpdateConsultationInput!) {
  updateConsultation(consultationId: $id, input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<UpdateConsultationMutation, UpdateConsultationMutationVariables>;
export const WorkbenchDocument = new TypedDocumentString(`
    query Workbench($id: ID!) {
  consultation(id: $id) {
    id
    title
    kind
    kindLabel
    status
    statusLabel
    summary
    explanation
    basis
    offlineChannels
    businessRelated
    disclosure
    disclosureReason
    unitId
    unit
    opensAt
    closesAt
    closingDate
    minimumPeriod
    shortenedReason
    withdrawnReason
    commentCount
    publicationChannels {
      channel
      url
      publishedOn
    }
    reviews {
      id
      draftVersionId
      kind
      reviewer
      reviewedOn
      passed
      notes
    }
    draft {
      id
      number
      structure
      source
      preamble
      articles {
        id
        position
        label
        heading
        body
      }
    }
  }
}
    `) as unknown as TypedDocumentString<WorkbenchQuery, WorkbenchQueryVariables>;
export const ConsultationTitleDocument = new TypedDocumentString(`
    query ConsultationTitle($id: ID!) {
  consultation(id: $id) {
    id
    title
    status
    statusLabel
    unitId
    draft {
      articles {
        id
        label
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ConsultationTitleQuery, ConsultationTitleQueryVariables>;
export const ImportDraftTextDocument = new TypedDocumentString(`
    mutation ImportDraftText($id: ID!, $text: String, $docxBase64: String, $filename: String! = "", $note: String! = "") {
  importDraft(
    consultationId: $id
    text: $text
    docxBase64: $docxBase64
    filename: $filename
    note: $note
  ) {
    id
    number
  }
}
    `) as unknown as TypedDocumentString<ImportDraftTextMutation, ImportDraftTextMutationVariables>;
export const WorkbenchUpdateArticleDocument = new TypedDocumentString(`
    mutation WorkbenchUpdateArticle($articleId: ID!, $label: String, $heading: String, $body: String) {
  updateArticle(
    articleId: $articleId
    label: $label
    heading: $heading
    body: $body
  ) {
    id
  }
}
    `) as unknown as TypedDocumentString<WorkbenchUpdateArticleMutation, WorkbenchUpdateArticleMutationVariables>;
export const WorkbenchSplitArticleDocument = new TypedDocumentString(`
    mutation WorkbenchSplitArticle($articleId: ID!, $at: Int!, $newLabel: String!) {
  splitArticle(articleId: $articleId, at: $at, newLabel: $newLabel) {
    id
  }
}
    `) as unknown as TypedDocumentString<WorkbenchSplitArticleMutation, WorkbenchSplitArticleMutationVariables>;
export const WorkbenchMergeArticleDocument = new TypedDocumentString(`
    mutation WorkbenchMergeArticle($articleId: ID!) {
  mergeArticleWithNext(articleId: $articleId) {
    id
  }
}
    `) as unknown as TypedDocumentString<WorkbenchMergeArticleMutation, WorkbenchMergeArticleMutationVariables>;
export const WorkbenchSubmitForReviewDocument = new TypedDocumentString(`
    mutation WorkbenchSubmitForReview($id: ID!) {
  submitForReview(consultationId: $id) {
    id
  }
}
    `) as unknown as TypedDocumentString<WorkbenchSubmitForReviewMutation, WorkbenchSubmitForReviewMutationVariables>;
export const WorkbenchReturnToDraftDocument = new TypedDocumentString(`
    mutation WorkbenchReturnToDraft($id: ID!, $reason: String!) {
  returnToDraft(consultationId: $id, reason: $reason) {
    id
  }
}
    `) as unknown as TypedDocumentString<WorkbenchReturnToDraftMutation, WorkbenchReturnToDraftMutationVariables>;
export const WorkbenchRecordReviewDocument = new TypedDocumentString(`
    mutation WorkbenchRecordReview($id: ID!, $kind: ReviewKind!, $reviewer: String!, $reviewedOn: Date!, $passed: Boolean!, $notes: String! = "") {
  recordReview(
    consultationId: $id
    kind: $kind
    reviewer: $reviewer
    reviewedOn: $reviewedOn
    passed: $passed
    notes: $notes
  ) {
    id
  }
}
    `) as unknown as TypedDocumentString<WorkbenchRecordReviewMutation, WorkbenchRecordReviewMutationVariables>;
export const PublishChecksDocument = new TypedDocumentString(`
    query PublishChecks($id: ID!, $closingDate: Date, $shortenedReason: String! = "") {
  consultation(id: $id) {
    id
    publishChecks(closingDate: $closingDate, shortenedReason: $shortenedReason) {
      ready
      minimumClosingDate
      closingDate
      shortened
      checks {
        code
        label
        passed
        message
        errorCode
        detail
      }
    }
  }
}
    `) as unknown as TypedDocumentString<PublishChecksQuery, PublishChecksQueryVariables>;
export const WorkbenchPublishDocument = new TypedDocumentString(`
    mutation WorkbenchPublish($id: ID!, $closingDate: Date, $shortenedReason: String! = "", $channels: [PublicationChannelInput!]) {
  publishConsultation(
    consultationId: $id
    closingDate: $closingDate
    shortenedReason: $shortenedReason
    channels: $channels
  ) {
    id
  }
}
    `) as unknown as TypedDocumentString<WorkbenchPublishMutation, WorkbenchPublishMutationVariables>;
export const WorkbenchCloseDocument = new TypedDocumentString(`
    mutation WorkbenchClose($id: ID!, $reason: String! = "") {
  closeConsultation(consultationId: $id, reason: $reason) {
    id
  }
}
    `) as unknown as TypedDocumentString<WorkbenchCloseMutation, WorkbenchCloseMutationVariables>;
export const WorkbenchWithdrawDocument = new TypedDocumentString(`
    mutation WorkbenchWithdraw($id: ID!, $reason: String!) {
  withdrawConsultation(consultationId: $id, reason: $reason) {
    id
  }
}
    `) as unknown as TypedDocumentString<WorkbenchWithdrawMutation, WorkbenchWithdrawMutationVariables>;
export const ModerationQueueDocument = new TypedDocumentString(`
    query ModerationQueue($id: ID!, $first: Int!, $after: String, $moderation: Moderation) {
  consultation(id: $id) {
    id
    comments(first: $first, after: $after, moderation: $moderation) {
      totalCount
      edges {
        node {
          id
          receiptCode
          channel
          body
          submitterName
          submittedAt
          isLate
          moderation
          moderationReason
          flaggedTerms
          article {
            id
            label
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ModerationQueueQuery, ModerationQueueQueryVariables>;
export const WorkbenchModerateDocument = new TypedDocumentString(`
    mutation WorkbenchModerate($id: ID!, $action: ModerationAction!, $reason: String! = "") {
  moderateComment(commentId: $id, action: $action, reason: $reason) {
    id
    moderation
    moderationReason
  }
}
    `) as unknown as TypedDocumentString<WorkbenchModerateMutation, WorkbenchModerateMutationVariables>;
export const WorkbenchRecordOfflineDocument = new TypedDocumentString(`
    mutation WorkbenchRecordOffline($input: OfflineCommentInput!) {
  recordOfflineComment(input: $input) {
    id
    receiptCode
  }
}
    `) as unknown as TypedDocumentString<WorkbenchRecordOfflineMutation, WorkbenchRecordOfflineMutationVariables>;
export const WorkbenchAuditTrailDocument = new TypedDocumentString(`
    query WorkbenchAuditTrail($id: ID!) {
  consultation(id: $id) {
    id
    title
    auditTrail(first: 100) {
      seq
      occurredAt
      actor
      action
      before
      after
    }
  }
}
    `) as unknown as TypedDocumentString<WorkbenchAuditTrailQuery, WorkbenchAuditTrailQueryVariables>;
export const OrganizerHearingsDocument = new TypedDocumentString(`
    query OrganizerHearings($first: Int!, $after: String) {
  hearings(first: $first, after: $after, includeInternal: true) {
    edges {
      node {
        id
        unitId
        unit
        kindLabel
        title
        startsAt
        status
        statusLabel
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<OrganizerHearingsQuery, OrganizerHearingsQueryVariables>;
export const OrganizerUnitsDocument = new TypedDocumentString(`
    query OrganizerUnits {
  units {
    id
    name
    parentId
  }
  consultations(first: 100) {
    edges {
      node {
        id
        title
        unit
      }
    }
  }
}
    `) as unknown as TypedDocumentString<OrganizerUnitsQuery, OrganizerUnitsQueryVariables>;
export const OrganizerHearingDocument = new TypedDocumentString(`
    query OrganizerHearing($id: ID!) {
  hearing(id: $id) {
    ...OrganizerHearingFields
  }
}
    fragment OrganizerHearingFields on Hearing {
  id
  unitId
  unit
  consultationId
  kind
  kindLabel
  decisionKind
  decisionKindLabel
  title
  agenda
  startsAt
  endsAt
  venue
  streamUrl
  registrationOpensAt
  registrationClosesAt
  registrationOpen
  seats
  categories {
    category
    label
    quota
  }
  selectionMethod
  selectionRules
  isPublic
  publicMethods
  publicMethodsLabel
  notPublicReason
  observersInvited
  status
  statusLabel
  noticeDays
  publishedAt
  cancelledReason
  openedAt
  participantListPublishedAt
  registrationCounts {
    category
    label
    quota
    applied
    selected
    waitlisted
  }
  draw {
    seedSha256
    seedCommittedAt
    seed
    drawnAt
    downloadUrl
    categories {
      category
      label
      seatsDrawn
      selected
      waitlist
    }
  }
  materials {
    deliveredAt
    daysBeforeHearing
    requiredDays
    onTime
    overrideReason
    note
  }
}`) as unknown as TypedDocumentString<OrganizerHearingQuery, OrganizerHearingQueryVariables>;
export const OrganizerCreateHearingDocument = new TypedDocumentString(`
    mutation OrganizerCreateHearing($input: CreateHearingInput!) {
  createHearing(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<OrganizerCreateHearingMutation, OrganizerCreateHearingMutationVariables>;
export const OrganizerUpdateHearingDocument = new TypedDocumentString(`
    mutation OrganizerUpdateHearing($hearingId: ID!, $input: UpdateHearingInput!) {
  updateHearing(hearingId: $hearingId, input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<OrganizerUpdateHearingMutation, OrganizerUpdateHearingMutationVariables>;
export const OrganizerPublishHearingDocument = new TypedDocumentString(`
    mutation OrganizerPublishHearing($hearingId: ID!) {
  publishHearing(hearingId: $hearingId) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<OrganizerPublishHearingMutation, OrganizerPublishHearingMutationVariables>;
export const OrganizerCancelHearingDocument = new TypedDocumentString(`
    mutation OrganizerCancelHearing($hearingId: ID!, $reason: String!) {
  cancelHearing(hearingId: $hearingId, reason: $reason) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<OrganizerCancelHearingMutation, OrganizerCancelHearingMutationVariables>;
export const OrganizerRegistrationsDocument = new TypedDocumentString(`
    query OrganizerRegistrations($hearingId: ID!, $category: ParticipantCategory, $status: HearingRegistrationStatus, $first: Int!, $after: String) {
  hearingRegistrations(
    hearingId: $hearingId
    category: $category
    status: $status
    first: $first
    after: $after
  ) {
    totalCount
    edges {
      node {
        id
        applicantCode
        categoryLabel
        name
        organization
        contact
        wishesToSpeak
        status
        statusLabel
        seatNumber
        selectedByLabel
        manualReason
        waitlistRank
        checkedInAt
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<OrganizerRegistrationsQuery, OrganizerRegistrationsQueryVariables>;
export const OrganizerSelectManuallyDocument = new TypedDocumentString(`
    mutation OrganizerSelectManually($registrationId: ID!, $reason: String!) {
  selectParticipantManually(registrationId: $registrationId, reason: $reason) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<OrganizerSelectManuallyMutation, OrganizerSelectManuallyMutationVariables>;
export const OrganizerCommitSeedDocument = new TypedDocumentString(`
    mutation OrganizerCommitSeed($hearingId: ID!, $seedSha256: String!) {
  commitDrawSeed(hearingId: $hearingId, seedSha256: $seedSha256) {
    id
  }
}
    `) as unknown as TypedDocumentString<OrganizerCommitSeedMutation, OrganizerCommitSeedMutationVariables>;
export const OrganizerDrawDocument = new TypedDocumentString(`
    mutation OrganizerDraw($hearingId: ID!, $seed: String!) {
  drawParticipants(hearingId: $hearingId, seed: $seed) {
    id
  }
}
    `) as unknown as TypedDocumentString<OrganizerDrawMutation, OrganizerDrawMutationVariables>;
export const OrganizerPublishListDocument = new TypedDocumentString(`
    mutation OrganizerPublishList($hearingId: ID!) {
  publishParticipantList(hearingId: $hearingId) {
    id
  }
}
    `) as unknown as TypedDocumentString<OrganizerPublishListMutation, OrganizerPublishListMutationVariables>;
export const OrganizerObserversDocument = new TypedDocumentString(`
    query OrganizerObservers($id: ID!, $first: Int!, $after: String) {
  hearing(id: $id) {
    id
    observers(first: $first, after: $after) {
      edges {
        node {
          id
          categoryLabel
          name
          organization
          contact
          status
          statusLabel
          expiresAt
          respondedAt
          responseNote
          withdrawnReason
          checkInCode
          checkedInAt
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
}
    `) as unknown as TypedDocumentString<OrganizerObserversQuery, OrganizerObserversQueryVariables>;
export const OrganizerInviteDocument = new TypedDocumentString(`
    mutation OrganizerInvite($input: InviteObserverInput!) {
  inviteObserver(input: $input) {
    id
    name
    link
  }
}
    `) as unknown as TypedDocumentString<OrganizerInviteMutation, OrganizerInviteMutationVariables>;
export const OrganizerWithdrawInvitationDocument = new TypedDocumentString(`
    mutation OrganizerWithdrawInvitation($invitationId: ID!, $reason: String!) {
  withdrawInvitation(invitationId: $invitationId, reason: $reason) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<OrganizerWithdrawInvitationMutation, OrganizerWithdrawInvitationMutationVariables>;
export const OrganizerReissueLinkDocument = new TypedDocumentString(`
    mutation OrganizerReissueLink($invitationId: ID!) {
  reissueInvitationLink(invitationId: $invitationId) {
    id
    name
    link
  }
}
    `) as unknown as TypedDocumentString<OrganizerReissueLinkMutation, OrganizerReissueLinkMutationVariables>;
export const OrganizerMaterialsDocument = new TypedDocumentString(`
    mutation OrganizerMaterials($hearingId: ID!, $note: String!) {
  recordMaterialsDelivered(hearingId: $hearingId, note: $note) {
    notified
  }
}
    `) as unknown as TypedDocumentString<OrganizerMaterialsMutation, OrganizerMaterialsMutationVariables>;
export const OrganizerOpenHearingDocument = new TypedDocumentString(`
    mutation OrganizerOpenHearing($hearingId: ID!, $overrideReason: String!) {
  openHearing(hearingId: $hearingId, overrideReason: $overrideReason) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<OrganizerOpenHearingMutation, OrganizerOpenHearingMutationVariables>;
export const OrganizerAttendanceDocument = new TypedDocumentString(`
    query OrganizerAttendance($id: ID!) {
  hearing(id: $id) {
    id
    title
    status
    statusLabel
    attendance {
      participantsExpected
      participantsPresent
      observersExpected
      observersPresent
      participants {
        category
        label
        expected
        present
      }
      observers {
        category
        label
        expected
        present
      }
    }
  }
}
    `) as unknown as TypedDocumentString<OrganizerAttendanceQuery, OrganizerAttendanceQueryVariables>;
export const OrganizerCheckInDocument = new TypedDocumentString(`
    mutation OrganizerCheckIn($code: String!, $hearingId: ID) {
  checkIn(code: $code, hearingId: $hearingId) {
    attendee
    name
    organization
    categoryLabel
    checkedInAt
  }
}
    `) as unknown as TypedDocumentString<OrganizerCheckInMutation, OrganizerCheckInMutationVariables>;
export const OrganizerMinutesDocument = new TypedDocumentString(`
    query OrganizerMinutes($id: ID!) {
  hearing(id: $id) {
    id
    title
    status
    statusLabel
    minutes {
      summary
      recordedAt
      signedOffEntries
      unsignedEntries
      entries {
        id
        position
        stageLabel
        speakerName
        speakerCategory
        speakerCategoryLabel
        mainPoints
        reasons
        signedOffAt
        commentReceiptCode
        handling
      }
    }
  }
}
    `) as unknown as TypedDocumentString<OrganizerMinutesQuery, OrganizerMinutesQueryVariables>;
export const OrganizerSpeakersDocument = new TypedDocumentString(`
    query OrganizerSpeakers($hearingId: ID!) {
  hearingRegistrations(hearingId: $hearingId, status: SELECTED, first: 100) {
    edges {
      node {
        id
        name
        categoryLabel
      }
    }
  }
  hearing(id: $hearingId) {
    id
    observers(first: 100) {
      edges {
        node {
          id
          name
          categoryLabel
          status
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<OrganizerSpeakersQuery, OrganizerSpeakersQueryVariables>;
export const OrganizerRecordMinutesDocument = new TypedDocumentString(`
    mutation OrganizerRecordMinutes($input: RecordMinutesInput!) {
  recordMinutes(input: $input) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<OrganizerRecordMinutesMutation, OrganizerRecordMinutesMutationVariables>;
export const OrganizerSignOffDocument = new TypedDocumentString(`
    mutation OrganizerSignOff($hearingId: ID!, $entryIds: [ID!]!) {
  signOffMinutes(hearingId: $hearingId, entryIds: $entryIds) {
    id
  }
}
    `) as unknown as TypedDocumentString<OrganizerSignOffMutation, OrganizerSignOffMutationVariables>;
export const OrganizerPublishReportDocument = new TypedDocumentString(`
    mutation OrganizerPublishReport($input: PublishHearingReportInput!) {
  publishHearingReport(input: $input) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<OrganizerPublishReportMutation, OrganizerPublishReportMutationVariables>;
export const ReviewConsultationDocument = new TypedDocumentString(`
    query ReviewConsultation($id: ID!) {
  consultation(id: $id) {
    id
    title
    status
    statusLabel
    draft {
      articles {
        id
        label
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ReviewConsultationQuery, ReviewConsultationQueryVariables>;
export const ReviewAggregationStatusDocument = new TypedDocumentString(`
    query ReviewAggregationStatus($id: ID!) {
  aggregationStatus(consultationId: $id) {
    run {
      id
      status
      progressDone
      progressTotal
      message
      startedAt
      finishedAt
    }
    comments
    ungroupedComments
    topics
    campaigns
    undecidedComments
  }
}
    `) as unknown as TypedDocumentString<ReviewAggregationStatusQuery, ReviewAggregationStatusQueryVariables>;
export const ReviewRunAggregationDocument = new TypedDocumentString(`
    mutation ReviewRunAggregation($id: ID!) {
  runAggregation(consultationId: $id) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<ReviewRunAggregationMutation, ReviewRunAggregationMutationVariables>;
export const ReviewOpinionGroupsDocument = new TypedDocumentString(`
    query ReviewOpinionGroups($id: ID!, $kind: GroupKind, $articleId: ID, $wholeDraft: Boolean! = false, $undecidedOnly: Boolean! = false, $search: String, $first: Int! = 10, $after: String) {
  opinionGroups(
    consultationId: $id
    kind: $kind
    articleId: $articleId
    wholeDraft: $wholeDraft
    undecidedOnly: $undecidedOnly
    search: $search
    first: $first
    after: $after
  ) {
    totalCount
    edges {
      node {
        id
        kind
        articleId
        articleLabel
        title
        summary
        keywords
        editedByStaff
        representative {
          id
          body
        }
        stats {
          comments
          participants
        }
        disposition {
          id
          outcome
          outcomeLabel
          standardReason
          reason
          status
          proposedBy
          replacesApproved
          revisedArticleId
          revisedAfter
        }
        comments(first: 20) {
          edges {
            node {
              id
              body
              channel
            }
          }
          pageInfo {
            hasNextPage
          }
        }
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<ReviewOpinionGroupsQuery, ReviewOpinionGroupsQueryVariables>;
export const ReviewStandardReasonsDocument = new TypedDocumentString(`
    query ReviewStandardReasons {
  standardReasons {
    code
    label
  }
}
    `) as unknown as TypedDocumentString<ReviewStandardReasonsQuery, ReviewStandardReasonsQueryVariables>;
export const ReviewMergeGroupsDocument = new TypedDocumentString(`
    mutation ReviewMergeGroups($into: ID!, $ids: [ID!]!) {
  mergeGroups(intoGroupId: $into, groupIds: $ids) {
    id
  }
}
    `) as unknown as TypedDocumentString<ReviewMergeGroupsMutation, ReviewMergeGroupsMutationVariables>;
export const ReviewSplitGroupDocument = new TypedDocumentString(`
    mutation ReviewSplitGroup($groupId: ID!, $commentIds: [ID!]!, $title: String! = "") {
  splitGroup(groupId: $groupId, commentIds: $commentIds, title: $title) {
    id
  }
}
    `) as unknown as TypedDocumentString<ReviewSplitGroupMutation, ReviewSplitGroupMutationVariables>;
export const ReviewMoveCommentDocument = new TypedDocumentString(`
    mutation ReviewMoveComment($commentId: ID!, $toGroupId: ID!) {
  moveComment(commentId: $commentId, toGroupId: $toGroupId) {
    id
  }
}
    `) as unknown as TypedDocumentString<ReviewMoveCommentMutation, ReviewMoveCommentMutationVariables>;
export const ReviewUpdateGroupDocument = new TypedDocumentString(`
    mutation ReviewUpdateGroup($groupId: ID!, $title: String, $summary: String) {
  updateGroup(groupId: $groupId, title: $title, summary: $summary) {
    id
  }
}
    `) as unknown as TypedDocumentString<ReviewUpdateGroupMutation, ReviewUpdateGroupMutationVariables>;
export const ReviewSetDispositionDocument = new TypedDocumentString(`
    mutation ReviewSetDisposition($input: DispositionInput!) {
  setDisposition(input: $input) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<ReviewSetDispositionMutation, ReviewSetDispositionMutationVariables>;
export const ReviewSetDispositionForGroupsDocument = new TypedDocumentString(`
    mutation ReviewSetDispositionForGroups($groupIds: [ID!]!, $outcome: Outcome!, $reason: String! = "", $standardReason: String! = "") {
  setDispositionForGroups(
    groupIds: $groupIds
    outcome: $outcome
    reason: $reason
    standardReason: $standardReason
  ) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<ReviewSetDispositionForGroupsMutation, ReviewSetDispositionForGroupsMutationVariables>;
export const ReviewApproveDispositionDocument = new TypedDocumentString(`
    mutation ReviewApproveDisposition($ids: [ID!]!) {
  approveDisposition(dispositionIds: $ids) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<ReviewApproveDispositionMutation, ReviewApproveDispositionMutationVariables>;
export const ReviewStatementDocument = new TypedDocumentString(`
    query ReviewStatement($id: ID!, $version: Int) {
  statement(consultationId: $id, version: $version) {
    version
    status
    correctsVersion
    correctionNote
    sha256
    figures
    generatedAt
    publishedAt
    personalDataFindings {
      kind
      excerpt
    }
    downloads {
      format
      url
    }
  }
  statementGeneration(consultationId: $id) {
    id
    status
    progressDone
    progressTotal
    message
    startedAt
    finishedAt
  }
  decision(consultationId: $id) {
    decidedOn
  }
}
    `) as unknown as TypedDocumentString<ReviewStatementQuery, ReviewStatementQueryVariables>;
export const ReviewGenerateStatementDocument = new TypedDocumentString(`
    mutation ReviewGenerateStatement($id: ID!, $correctionNote: String! = "") {
  generateStatement(consultationId: $id, correctionNote: $correctionNote) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<ReviewGenerateStatementMutation, ReviewGenerateStatementMutationVariables>;
export const ReviewPublishStatementDocument = new TypedDocumentString(`
    mutation ReviewPublishStatement($id: ID!, $version: Int!) {
  publishStatement(consultationId: $id, version: $version) {
    version
    status
  }
}
    `) as unknown as TypedDocumentString<ReviewPublishStatementMutation, ReviewPublishStatementMutationVariables>;
export const ReviewPublishDecisionDocument = new TypedDocumentString(`
    mutation ReviewPublishDecision($input: PublishDecisionInput!) {
  publishDecision(input: $input) {
    decidedOn
  }
}
    `) as unknown as TypedDocumentString<ReviewPublishDecisionMutation, ReviewPublishDecisionMutationVariables>;