/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type CommentChannel =
  | 'EMAIL'
  | 'HEARING'
  | 'LETTER'
  | 'ONLINE'
  | 'OTHER'
  | 'PHONE'
  | 'SYMPOSIUM';

export type ConsultationStatus =
  | 'CLOSED'
  | 'DECIDED'
  | 'DRAFT'
  | 'IN_REVIEW'
  | 'OPEN'
  | 'REVIEWING'
  | 'STATEMENT_PUBLISHED'
  | 'WITHDRAWN';

export type DecisionDocumentInput = {
  title: string;
  url?: string;
};

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

export type PublishDecisionInput = {
  /** The adopted text, split into articles like a draft. */
  adoptedText: string;
  consultationId: string | number;
  decidedOn: string;
  documents?: Array<DecisionDocumentInput>;
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

export type Role =
  | 'ADMIN'
  | 'APPROVER'
  | 'DRAFTER'
  | 'ORGANIZER'
  | 'REVIEWER';

export type SelectionMethod =
  | 'DRAW'
  | 'FIRST_COME';

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


export type ConsultationQuery = { consultation: { id: string, title: string, kindLabel: string, status: ConsultationStatus, statusLabel: string, unit: string, summary: string, explanation: string, basis: string, offlineChannels: string, opensAt: string | null, closingDate: string | null, closesAt: string | null, minimumPeriod: string, shortenedReason: string, acceptingComments: boolean, commentCount: number, withdrawnReason: string, publicationChannels: Array<{ channel: string, url: string, publishedOn: string | null }>, draft: { number: number, preamble: string, articles: Array<{ id: string, label: string, heading: string, body: string }> } | null } | null };

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