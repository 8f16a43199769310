import { graphql } from "../../gql";

// The review area's operations; codegen types them from schema.graphql.

export const ReviewConsultationDocument = graphql(`
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
`);

export const AggregationStatusDocument = graphql(`
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
`);

export const RunAggregationDocument = graphql(`
  mutation ReviewRunAggregation($id: ID!) {
    runAggregation(consultationId: $id) {
      id
      status
    }
  }
`);

export const OpinionGroupsDocument = graphql(`
  query ReviewOpinionGroups(
    $id: ID!
    $kind: GroupKind
    $articleId: ID
    $wholeDraft: Boolean! = false
    $undecidedOnly: Boolean! = false
    $search: String
    $first: Int! = 10
    $after: String
  ) {
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
`);

export const StandardReasonsDocument = graphql(`
  query ReviewStandardReasons {
    standardReasons {
      code
      label
    }
  }
`);

export const MergeGroupsDocument = graphql(`
  mutation ReviewMergeGroups($into: ID!, $ids: [ID!]!) {
    mergeGroups(intoGroupId: $into, groupIds: $ids) {
      id
    }
  }
`);

export const SplitGroupDocument = graphql(`
  mutation ReviewSplitGroup($groupId: ID!, $commentIds: [ID!]!, $title: String! = "") {
    splitGroup(groupId: $groupId, commentIds: $commentIds, title: $title) {
      id
    }
  }
`);

export const MoveCommentDocument = graphql(`
  mutation ReviewMoveComment($commentId: ID!, $toGroupId: ID!) {
    moveComment(commentId: $commentId, toGroupId: $toGroupId) {
      id
    }
  }
`);

export const UpdateGroupDocument = graphql(`
  mutation ReviewUpdateGroup($groupId: ID!, $title: String, $summary: String) {
    updateGroup(groupId: $groupId, title: $title, summary: $summary) {
      id
    }
  }
`);

export const SetDispositionDocument = graphql(`
  mutation ReviewSetDisposition($input: DispositionInput!) {
    setDisposition(input: $input) {
      id
      status
    }
  }
`);

export const SetDispositionForGroupsDocument = graphql(`
  mutation ReviewSetDispositionForGroups(
    $groupIds: [ID!]!
    $outcome: Outcome!
    $reason: String! = ""
    $standardReason: String! = ""
  ) {
    setDispositionForGroups(groupIds: $groupIds, outcome: $outcome, reason: $reason, standardReason: $standardReason) {
      id
      status
    }
  }
`);

export const ApproveDispositionDocument = graphql(`
  mutation ReviewApproveDisposition($ids: [ID!]!) {
    approveDisposition(dispositionIds: $ids) {
      id
      status
    }
  }
`);

export const ReviewStatementDocument = graphql(`
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
`);

export const GenerateStatementDocument = graphql(`
  mutation ReviewGenerateStatement($id: ID!, $correctionNote: String! = "") {
    generateStatement(consultationId: $id, correctionNote: $correctionNote) {
      id
      status
    }
  }
`);

export const PublishStatementDocument = graphql(`
  mutation ReviewPublishStatement($id: ID!, $version: Int!) {
    publishStatement(consultationId: $id, version: $version) {
      version
      status
    }
  }
`);

export const PublishDecisionDocument = graphql(`
  mutation ReviewPublishDecision($input: PublishDecisionInput!) {
    publishDecision(input: $input) {
      decidedOn
    }
  }
`);
