import { graphql } from "../../gql";

// Every GraphQL operation of the drafting workbench, in one place (codegen types them from schema.graphql).

export const StaffConsultationsDocument = graphql(`
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
`);

export const StaffUnitsDocument = graphql(`
  query StaffUnits {
    units {
      id
      name
      parentId
    }
  }
`);

export const CreateConsultationDocument = graphql(`
  mutation CreateConsultation($input: CreateConsultationInput!) {
    createConsultation(input: $input) {
      id
    }
  }
`);

export const UpdateConsultationDocument = graphql(`
  mutation UpdateConsultation($id: ID!, $input: UpdateConsultationInput!) {
    updateConsultation(consultationId: $id, input: $input) {
      id
    }
  }
`);

export const WorkbenchDocument = graphql(`
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
`);

export const ConsultationTitleDocument = graphql(`
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
`);

export const ImportDraftDocument = graphql(`
  mutation ImportDraftText($id: ID!, $text: String, $docxBase64: String, $filename: String! = "", $note: String! = "") {
    importDraft(consultationId: $id, text: $text, docxBase64: $docxBase64, filename: $filename, note: $note) {
      id
      number
    }
  }
`);

export const UpdateArticleDocument = graphql(`
  mutation WorkbenchUpdateArticle($articleId: ID!, $label: String, $heading: String, $body: String) {
    updateArticle(articleId: $articleId, label: $label, heading: $heading, body: $body) {
      id
    }
  }
`);

export const SplitArticleDocument = graphql(`
  mutation WorkbenchSplitArticle($articleId: ID!, $at: Int!, $newLabel: String!) {
    splitArticle(articleId: $articleId, at: $at, newLabel: $newLabel) {
      id
    }
  }
`);

export const MergeArticleDocument = graphql(`
  mutation WorkbenchMergeArticle($articleId: ID!) {
    mergeArticleWithNext(articleId: $articleId) {
      id
    }
  }
`);

export const SubmitForReviewDocument = graphql(`
  mutation WorkbenchSubmitForReview($id: ID!) {
    submitForReview(consultationId: $id) {
      id
    }
  }
`);

export const ReturnToDraftDocument = graphql(`
  mutation WorkbenchReturnToDraft($id: ID!, $reason: String!) {
    returnToDraft(consultationId: $id, reason: $reason) {
      id
    }
  }
`);

export const RecordReviewDocument = graphql(`
  mutation WorkbenchRecordReview(
    $id: ID!
    $kind: ReviewKind!
    $reviewer: String!
    $reviewedOn: Date!
    $passed: Boolean!
    $notes: String! = ""
  ) {
    recordReview(consultationId: $id, kind: $kind, reviewer: $reviewer, reviewedOn: $reviewedOn, passed: $passed, notes: $notes) {
      id
    }
  }
`);

export const PublishChecksDocument = graphql(`
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
`);

export const PublishDocument = graphql(`
  mutation WorkbenchPublish($id: ID!, $closingDate: Date, $shortenedReason: String! = "", $channels: [PublicationChannelInput!]) {
    publishConsultation(consultationId: $id, closingDate: $closingDate, shortenedReason: $shortenedReason, channels: $channels) {
      id
    }
  }
`);

export const CloseDocument = graphql(`
  mutation WorkbenchClose($id: ID!, $reason: String! = "") {
    closeConsultation(consultationId: $id, reason: $reason) {
      id
    }
  }
`);

export const WithdrawDocument = graphql(`
  mutation WorkbenchWithdraw($id: ID!, $reason: String!) {
    withdrawConsultation(consultationId: $id, reason: $reason) {
      id
    }
  }
`);

export const ModerationQueueDocument = graphql(`
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
`);

export const ModerateCommentDocument = graphql(`
  mutation WorkbenchModerate($id: ID!, $action: ModerationAction!, $reason: String! = "") {
    moderateComment(commentId: $id, action: $action, reason: $reason) {
      id
      moderation
      moderationReason
    }
  }
`);

export const RecordOfflineCommentDocument = graphql(`
  mutation WorkbenchRecordOffline($input: OfflineCommentInput!) {
    recordOfflineComment(input: $input) {
      id
      receiptCode
    }
  }
`);

export const AuditTrailDocument = graphql(`
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
`);
