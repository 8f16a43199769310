import { graphql } from "../../gql";

// Every operation of the organizer console (names start with "Organizer" so they never clash).

export const OrganizerHearingsDocument = graphql(`
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
`);

export const OrganizerUnitsDocument = graphql(`
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
`);

export const OrganizerHearingFields = graphql(`
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
`);

export const OrganizerHearingDocument = graphql(`
  query OrganizerHearing($id: ID!) {
    hearing(id: $id) {
      ...OrganizerHearingFields
    }
  }
`);

export const OrganizerCreateHearingDocument = graphql(`
  mutation OrganizerCreateHearing($input: CreateHearingInput!) {
    createHearing(input: $input) {
      id
    }
  }
`);

export const OrganizerUpdateHearingDocument = graphql(`
  mutation OrganizerUpdateHearing($hearingId: ID!, $input: UpdateHearingInput!) {
    updateHearing(hearingId: $hearingId, input: $input) {
      id
    }
  }
`);

export const OrganizerPublishHearingDocument = graphql(`
  mutation OrganizerPublishHearing($hearingId: ID!) {
    publishHearing(hearingId: $hearingId) {
      id
      status
    }
  }
`);

export const OrganizerCancelHearingDocument = graphql(`
  mutation OrganizerCancelHearing($hearingId: ID!, $reason: String!) {
    cancelHearing(hearingId: $hearingId, reason: $reason) {
      id
      status
    }
  }
`);

export const OrganizerRegistrationsDocument = graphql(`
  query OrganizerRegistrations(
    $hearingId: ID!
    $category: ParticipantCategory
    $status: HearingRegistrationStatus
    $first: Int!
    $after: String
  ) {
    hearingRegistrations(hearingId: $hearingId, category: $category, status: $status, first: $first, after: $after) {
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
`);

export const OrganizerSelectManuallyDocument = graphql(`
  mutation OrganizerSelectManually($registrationId: ID!, $reason: String!) {
    selectParticipantManually(registrationId: $registrationId, reason: $reason) {
      id
      status
    }
  }
`);

export const OrganizerCommitSeedDocument = graphql(`
  mutation OrganizerCommitSeed($hearingId: ID!, $seedSha256: String!) {
    commitDrawSeed(hearingId: $hearingId, seedSha256: $seedSha256) {
      id
    }
  }
`);

export const OrganizerDrawDocument = graphql(`
  mutation OrganizerDraw($hearingId: ID!, $seed: String!) {
    drawParticipants(hearingId: $hearingId, seed: $seed) {
      id
    }
  }
`);

export const OrganizerPublishListDocument = graphql(`
  mutation OrganizerPublishList($hearingId: ID!) {
    publishParticipantList(hearingId: $hearingId) {
      id
    }
  }
`);

export const OrganizerObserversDocument = graphql(`
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
`);

export const OrganizerInviteDocument = graphql(`
  mutation OrganizerInvite($input: InviteObserverInput!) {
    inviteObserver(input: $input) {
      id
      name
      link
    }
  }
`);

export const OrganizerWithdrawInvitationDocument = graphql(`
  mutation OrganizerWithdrawInvitation($invitationId: ID!, $reason: String!) {
    withdrawInvitation(invitationId: $invitationId, reason: $reason) {
      id
      status
    }
  }
`);

export const OrganizerReissueLinkDocument = graphql(`
  mutation OrganizerReissueLink($invitationId: ID!) {
    reissueInvitationLink(invitationId: $invitationId) {
      id
      name
      link
    }
  }
`);

export const OrganizerMaterialsDocument = graphql(`
  mutation OrganizerMaterials($hearingId: ID!, $note: String!) {
    recordMaterialsDelivered(hearingId: $hearingId, note: $note) {
      notified
    }
  }
`);

export const OrganizerOpenHearingDocument = graphql(`
  mutation OrganizerOpenHearing($hearingId: ID!, $overrideReason: String!) {
    openHearing(hearingId: $hearingId, overrideReason: $overrideReason) {
      id
      status
    }
  }
`);

export const OrganizerAttendanceDocument = graphql(`
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
`);

export const OrganizerCheckInDocument = graphql(`
  mutation OrganizerCheckIn($code: String!, $hearingId: ID) {
    checkIn(code: $code, hearingId: $hearingId) {
      attendee
      name
      organization
      categoryLabel
      checkedInAt
    }
  }
`);

export const OrganizerMinutesDocument = graphql(`
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
`);

export const OrganizerSpeakersDocument = graphql(`
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
`);

export const OrganizerRecordMinutesDocument = graphql(`
  mutation OrganizerRecordMinutes($input: RecordMinutesInput!) {
    recordMinutes(input: $input) {
      id
      status
    }
  }
`);

export const OrganizerSignOffDocument = graphql(`
  mutation OrganizerSignOff($hearingId: ID!, $entryIds: [ID!]!) {
    signOffMinutes(hearingId: $hearingId, entryIds: $entryIds) {
      id
    }
  }
`);

export const OrganizerPublishReportDocument = graphql(`
  mutation OrganizerPublishReport($input: PublishHearingReportInput!) {
    publishHearingReport(input: $input) {
      id
      status
    }
  }
`);
