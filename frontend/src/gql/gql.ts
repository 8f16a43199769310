/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query Me {\n    me {\n      id\n      kind\n      displayName\n      verified\n      roles {\n        role\n        unitId\n      }\n    }\n  }\n": typeof types.MeDocument,
    "\n  mutation Login($identifier: String!, $password: String!) {\n    login(identifier: $identifier, password: $password, useCookie: true) {\n      csrfToken\n      userId\n      kind\n      displayName\n    }\n  }\n": typeof types.LoginDocument,
    "\n  mutation Logout {\n    logout\n  }\n": typeof types.LogoutDocument,
    "\n  mutation SubmitComment($consultationId: ID!, $body: String!, $articleId: ID, $idempotencyKey: String) {\n    submitComment(consultationId: $consultationId, body: $body, articleId: $articleId, idempotencyKey: $idempotencyKey) {\n      receiptCode\n      submittedAt\n      duplicate\n    }\n  }\n": typeof types.SubmitCommentDocument,
    "\n  query Consultations($first: Int!, $after: String, $status: ConsultationStatus) {\n    consultations(first: $first, after: $after, status: $status) {\n      edges {\n        node {\n          id\n          title\n          kindLabel\n          status\n          statusLabel\n          unit\n          summary\n          closingDate\n          acceptingComments\n          commentCount\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.ConsultationsDocument,
    "\n  query Consultation($id: ID!) {\n    consultation(id: $id) {\n      id\n      title\n      kindLabel\n      status\n      statusLabel\n      unit\n      summary\n      explanation\n      basis\n      offlineChannels\n      opensAt\n      closingDate\n      closesAt\n      minimumPeriod\n      shortenedReason\n      acceptingComments\n      commentCount\n      commentLimits {\n        minChars\n        maxChars\n      }\n      withdrawnReason\n      publicationChannels {\n        channel\n        url\n        publishedOn\n      }\n      draft {\n        number\n        preamble\n        articles {\n          id\n          label\n          heading\n          body\n        }\n      }\n    }\n  }\n": typeof types.ConsultationDocument,
    "\n  query Hearings($first: Int!, $after: String) {\n    hearings(first: $first, after: $after) {\n      edges {\n        node {\n          id\n          kindLabel\n          title\n          unit\n          startsAt\n          venue\n          statusLabel\n          registrationOpen\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.HearingsDocument,
    "\n  query Hearing($id: ID!) {\n    hearing(id: $id) {\n      id\n      kind\n      kindLabel\n      title\n      unit\n      consultationId\n      decisionKindLabel\n      agenda\n      startsAt\n      endsAt\n      venue\n      streamUrl\n      registrationOpensAt\n      registrationClosesAt\n      registrationOpen\n      seats\n      categories {\n        category\n        label\n        quota\n      }\n      selectionMethod\n      selectionRules\n      isPublic\n      publicMethodsLabel\n      notPublicReason\n      observersInvited\n      status\n      statusLabel\n      publishedAt\n      cancelledReason\n      participantListPublishedAt\n      participantList {\n        category\n        categoryLabel\n        seatNumber\n        named\n        name\n        organization\n        wishesToSpeak\n        selectedBy\n        selectedByLabel\n        manualReason\n      }\n      draw {\n        seedSha256\n        seedCommittedAt\n        seed\n        drawnAt\n        documentSha256\n        downloadUrl\n        categories {\n          category\n          label\n          quota\n          manuallySelected {\n            applicantCode\n            reason\n          }\n          seatsDrawn\n          applicants\n          selected\n          waitlist\n        }\n      }\n      myRegistration {\n        ...MyRegistrationFields\n      }\n    }\n  }\n": typeof types.HearingDocument,
    "\n  fragment MyRegistrationFields on MyHearingRegistration {\n    id\n    hearingId\n    hearingTitle\n    hearingStartsAt\n    applicantCode\n    category\n    categoryLabel\n    name\n    status\n    statusLabel\n    seatNumber\n    selectedBy\n    selectedByLabel\n    waitlistRank\n    waitlistPosition\n    registeredAt\n    canCancel\n  }\n": typeof types.MyRegistrationFieldsFragmentDoc,
    "\n  mutation RegisterForHearing($input: RegisterForHearingInput!) {\n    registerForHearing(input: $input) {\n      ...MyRegistrationFields\n    }\n  }\n": typeof types.RegisterForHearingDocument,
    "\n  mutation CancelRegistration($registrationId: ID!) {\n    cancelRegistration(registrationId: $registrationId) {\n      ...MyRegistrationFields\n    }\n  }\n": typeof types.CancelRegistrationDocument,
    "\n  query Invitation($token: String!) {\n    invitation(token: $token) {\n      name\n      organization\n      categoryLabel\n      status\n      statusLabel\n      expiresAt\n      canRespond\n      respondedAt\n      responseNote\n      withdrawnReason\n      checkInCode\n      checkInQrSvg\n      hearing {\n        id\n        title\n        kindLabel\n        unit\n        startsAt\n        endsAt\n        venue\n        agenda\n        streamUrl\n        statusLabel\n        cancelledReason\n      }\n    }\n  }\n": typeof types.InvitationDocument,
    "\n  mutation RespondToInvitation($token: String!, $accept: Boolean!, $note: String!) {\n    respondToInvitation(token: $token, accept: $accept, note: $note) {\n      name\n      status\n      statusLabel\n      canRespond\n      respondedAt\n      responseNote\n      checkInCode\n      checkInQrSvg\n    }\n  }\n": typeof types.RespondToInvitationDocument,
    "\n  query MyComments($first: Int!, $after: String) {\n    myComments(first: $first, after: $after) {\n      edges {\n        node {\n          receiptCode\n          consultationId\n          consultationTitle\n          articleLabel\n          body\n          submittedAt\n          status\n          statusLabel\n          outcome {\n            groupTitle\n            disposition\n            dispositionLabel\n            reason\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.MyCommentsDocument,
    "\n  query MyRegistrations($first: Int!, $after: String) {\n    myRegistrations(first: $first, after: $after) {\n      edges {\n        node {\n          ...MyRegistrationFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.MyRegistrationsDocument,
    "\n  query MyCheckIn($hearingId: ID!) {\n    myCheckIn(hearingId: $hearingId) {\n      hearingId\n      code\n      checkedInAt\n      qrSvg\n    }\n  }\n": typeof types.MyCheckInDocument,
    "\n  query CommentReceipt($code: String!) {\n    commentReceipt(code: $code) {\n      receiptCode\n      consultationId\n      consultationTitle\n      articleLabel\n      channel\n      body\n      submittedAt\n      status\n      statusLabel\n      outcome {\n        groupTitle\n        disposition\n        dispositionLabel\n        reason\n      }\n    }\n  }\n": typeof types.CommentReceiptDocument,
    "\n  mutation RegisterCitizen($contact: String!, $password: String!, $displayName: String!) {\n    registerCitizen(contact: $contact, password: $password, displayName: $displayName) {\n      userId\n      contact\n      verificationRequired\n    }\n  }\n": typeof types.RegisterCitizenDocument,
    "\n  mutation RequestVerificationCode($contact: String!) {\n    requestVerificationCode(contact: $contact)\n  }\n": typeof types.RequestVerificationCodeDocument,
    "\n  mutation VerifyContact($contact: String!, $code: String!) {\n    verifyContact(contact: $contact, code: $code)\n  }\n": typeof types.VerifyContactDocument,
    "\n  query StatementPage($id: ID!, $version: Int) {\n    consultation(id: $id) {\n      id\n      title\n      unit\n      status\n      statusLabel\n    }\n    statement(consultationId: $id, version: $version) {\n      version\n      status\n      correctsVersion\n      correctionNote\n      sha256\n      publishedAt\n      figures\n      downloads {\n        format\n        url\n      }\n    }\n    decision(consultationId: $id) {\n      decidedOn\n      summary\n      documents {\n        title\n        url\n      }\n    }\n  }\n": typeof types.StatementPageDocument,
    "\n  query StaffConsultations($first: Int!, $after: String, $status: ConsultationStatus) {\n    consultations(first: $first, after: $after, status: $status) {\n      edges {\n        node {\n          id\n          title\n          kindLabel\n          status\n          statusLabel\n          unit\n          closingDate\n          commentCount\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.StaffConsultationsDocument,
    "\n  query StaffUnits {\n    units {\n      id\n      name\n      parentId\n    }\n  }\n": typeof types.StaffUnitsDocument,
    "\n  mutation CreateConsultation($input: CreateConsultationInput!) {\n    createConsultation(input: $input) {\n      id\n    }\n  }\n": typeof types.CreateConsultationDocument,
    "\n  mutation UpdateConsultation($id: ID!, $input: UpdateConsultationInput!) {\n    updateConsultation(consultationId: $id, input: $input) {\n      id\n    }\n  }\n": typeof types.UpdateConsultationDocument,
    "\n  query Workbench($id: ID!) {\n    consultation(id: $id) {\n      id\n      title\n      kind\n      kindLabel\n      status\n      statusLabel\n      summary\n      explanation\n      basis\n      offlineChannels\n      businessRelated\n      disclosure\n      disclosureReason\n      unitId\n      unit\n      opensAt\n      closesAt\n      closingDate\n      minimumPeriod\n      shortenedReason\n      withdrawnReason\n      commentCount\n      publicationChannels {\n        channel\n        url\n        publishedOn\n      }\n      reviews {\n        id\n        draftVersionId\n        kind\n        reviewer\n        reviewedOn\n        passed\n        notes\n      }\n      draft {\n        id\n        number\n        structure\n        source\n        preamble\n        articles {\n          id\n          position\n          label\n          heading\n          body\n        }\n      }\n    }\n  }\n": typeof types.WorkbenchDocument,
    "\n  query ConsultationTitle($id: ID!) {\n    consultation(id: $id) {\n      id\n      title\n      status\n      statusLabel\n      unitId\n      draft {\n        articles {\n          id\n          label\n        }\n      }\n    }\n  }\n": typeof types.ConsultationTitleDocument,
    "\n  mutation ImportDraftText($id: ID!, $text: String, $docxBase64: String, $filename: String! = \"\", $note: String! = \"\") {\n    importDraft(consultationId: $id, text: $text, docxBase64: $docxBase64, filename: $filename, note: $note) {\n      id\n      number\n    }\n  }\n": typeof types.ImportDraftTextDocument,
    "\n  mutation WorkbenchUpdateArticle($articleId: ID!, $label: String, $heading: String, $body: String) {\n    updateArticle(articleId: $articleId, label: $label, heading: $heading, body: $body) {\n      id\n    }\n  }\n": typeof types.WorkbenchUpdateArticleDocument,
    "\n  mutation WorkbenchSplitArticle($articleId: ID!, $at: Int!, $newLabel: String!) {\n    splitArticle(articleId: $articleId, at: $at, newLabel: $newLabel) {\n      id\n    }\n  }\n": typeof types.WorkbenchSplitArticleDocument,
    "\n  mutation WorkbenchMergeArticle($articleId: ID!) {\n    mergeArticleWithNext(articleId: $articleId) {\n      id\n    }\n  }\n": typeof types.WorkbenchMergeArticleDocument,
    "\n  mutation WorkbenchSubmitForReview($id: ID!) {\n    submitForReview(consultationId: $id) {\n      id\n    }\n  }\n": typeof types.WorkbenchSubmitForReviewDocument,
    "\n  mutation WorkbenchReturnToDraft($id: ID!, $reason: String!) {\n    returnToDraft(consultationId: $id, reason: $reason) {\n      id\n    }\n  }\n": typeof types.WorkbenchReturnToDraftDocument,
    "\n  mutation WorkbenchRecordReview(\n    $id: ID!\n    $kind: ReviewKind!\n    $reviewer: String!\n    $reviewedOn: Date!\n    $passed: Boolean!\n    $notes: String! = \"\"\n  ) {\n    recordReview(consultationId: $id, kind: $kind, reviewer: $reviewer, reviewedOn: $reviewedOn, passed: $passed, notes: $notes) {\n      id\n    }\n  }\n": typeof types.WorkbenchRecordReviewDocument,
    "\n  query PublishChecks($id: ID!, $closingDate: Date, $shortenedReason: String! = \"\") {\n    consultation(id: $id) {\n      id\n      publishChecks(closingDate: $closingDate, shortenedReason: $shortenedReason) {\n        ready\n        minimumClosingDate\n        closingDate\n        shortened\n        checks {\n          code\n          label\n          passed\n          message\n          errorCode\n          detail\n        }\n      }\n    }\n  }\n": typeof types.PublishChecksDocument,
    "\n  mutation WorkbenchPublish($id: ID!, $closingDate: Date, $shortenedReason: String! = \"\", $channels: [PublicationChannelInput!]) {\n    publishConsultation(consultationId: $id, closingDate: $closingDate, shortenedReason: $shortenedReason, channels: $channels) {\n      id\n    }\n  }\n": typeof types.WorkbenchPublishDocument,
    "\n  mutation WorkbenchClose($id: ID!, $reason: String! = \"\") {\n    closeConsultation(consultationId: $id, reason: $reason) {\n      id\n    }\n  }\n": typeof types.WorkbenchCloseDocument,
    "\n  mutation WorkbenchWithdraw($id: ID!, $reason: String!) {\n    withdrawConsultation(consultationId: $id, reason: $reason) {\n      id\n    }\n  }\n": typeof types.WorkbenchWithdrawDocument,
    "\n  query ModerationQueue($id: ID!, $first: Int!, $after: String, $moderation: Moderation) {\n    consultation(id: $id) {\n      id\n      comments(first: $first, after: $after, moderation: $moderation) {\n        totalCount\n        edges {\n          node {\n            id\n            receiptCode\n            channel\n            body\n            submitterName\n            submittedAt\n            isLate\n            moderation\n            moderationReason\n            flaggedTerms\n            article {\n              id\n              label\n            }\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": typeof types.ModerationQueueDocument,
    "\n  mutation WorkbenchModerate($id: ID!, $action: ModerationAction!, $reason: String! = \"\") {\n    moderateComment(commentId: $id, action: $action, reason: $reason) {\n      id\n      moderation\n      moderationReason\n    }\n  }\n": typeof types.WorkbenchModerateDocument,
    "\n  mutation WorkbenchRecordOffline($input: OfflineCommentInput!) {\n    recordOfflineComment(input: $input) {\n      id\n      receiptCode\n    }\n  }\n": typeof types.WorkbenchRecordOfflineDocument,
    "\n  query WorkbenchAuditTrail($id: ID!) {\n    consultation(id: $id) {\n      id\n      title\n      auditTrail(first: 100) {\n        seq\n        occurredAt\n        actor\n        action\n        before\n        after\n      }\n    }\n  }\n": typeof types.WorkbenchAuditTrailDocument,
    "\n  query OrganizerHearings($first: Int!, $after: String) {\n    hearings(first: $first, after: $after, includeInternal: true) {\n      edges {\n        node {\n          id\n          unitId\n          unit\n          kindLabel\n          title\n          startsAt\n          status\n          statusLabel\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.OrganizerHearingsDocument,
    "\n  query OrganizerUnits {\n    units {\n      id\n      name\n      parentId\n    }\n    consultations(first: 100) {\n      edges {\n        node {\n          id\n          title\n          unit\n        }\n      }\n    }\n  }\n": typeof types.OrganizerUnitsDocument,
    "\n  fragment OrganizerHearingFields on Hearing {\n    id\n    unitId\n    unit\n    consultationId\n    kind\n    kindLabel\n    decisionKind\n    decisionKindLabel\n    title\n    agenda\n    startsAt\n    endsAt\n    venue\n    streamUrl\n    registrationOpensAt\n    registrationClosesAt\n    registrationOpen\n    seats\n    categories {\n      category\n      label\n      quota\n    }\n    selectionMethod\n    selectionRules\n    isPublic\n    publicMethods\n    publicMethodsLabel\n    notPublicReason\n    observersInvited\n    status\n    statusLabel\n    noticeDays\n    publishedAt\n    cancelledReason\n    openedAt\n    participantListPublishedAt\n    registrationCounts {\n      category\n      label\n      quota\n      applied\n      selected\n      waitlisted\n    }\n    draw {\n      seedSha256\n      seedCommittedAt\n      seed\n      drawnAt\n      downloadUrl\n      categories {\n        category\n        label\n        seatsDrawn\n        selected\n        waitlist\n      }\n    }\n    materials {\n      deliveredAt\n      daysBeforeHearing\n      requiredDays\n      onTime\n      overrideReason\n      note\n    }\n  }\n": typeof types.OrganizerHearingFieldsFragmentDoc,
    "\n  query OrganizerHearing($id: ID!) {\n    hearing(id: $id) {\n      ...OrganizerHearingFields\n    }\n  }\n": typeof types.OrganizerHearingDocument,
    "\n  mutation OrganizerCreateHearing($input: CreateHearingInput!) {\n    createHearing(input: $input) {\n      id\n    }\n  }\n": typeof types.OrganizerCreateHearingDocument,
    "\n  mutation OrganizerUpdateHearing($hearingId: ID!, $input: UpdateHearingInput!) {\n    updateHearing(hearingId: $hearingId, input: $input) {\n      id\n    }\n  }\n": typeof types.OrganizerUpdateHearingDocument,
    "\n  mutation OrganizerPublishHearing($hearingId: ID!) {\n    publishHearing(hearingId: $hearingId) {\n      id\n      status\n    }\n  }\n": typeof types.OrganizerPublishHearingDocument,
    "\n  mutation OrganizerCancelHearing($hearingId: ID!, $reason: String!) {\n    cancelHearing(hearingId: $hearingId, reason: $reason) {\n      id\n      status\n    }\n  }\n": typeof types.OrganizerCancelHearingDocument,
    "\n  query OrganizerRegistrations(\n    $hearingId: ID!\n    $category: ParticipantCategory\n    $status: HearingRegistrationStatus\n    $first: Int!\n    $after: String\n  ) {\n    hearingRegistrations(hearingId: $hearingId, category: $category, status: $status, first: $first, after: $after) {\n      totalCount\n      edges {\n        node {\n          id\n          applicantCode\n          categoryLabel\n          name\n          organization\n          contact\n          wishesToSpeak\n          status\n          statusLabel\n          seatNumber\n          selectedByLabel\n          manualReason\n          waitlistRank\n          checkedInAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.OrganizerRegistrationsDocument,
    "\n  mutation OrganizerSelectManually($registrationId: ID!, $reason: String!) {\n    selectParticipantManually(registrationId: $registrationId, reason: $reason) {\n      id\n      status\n    }\n  }\n": typeof types.OrganizerSelectManuallyDocument,
    "\n  mutation OrganizerCommitSeed($hearingId: ID!, $seedSha256: String!) {\n    commitDrawSeed(hearingId: $hearingId, seedSha256: $seedSha256) {\n      id\n    }\n  }\n": typeof types.OrganizerCommitSeedDocument,
    "\n  mutation OrganizerDraw($hearingId: ID!, $seed: String!) {\n    drawParticipants(hearingId: $hearingId, seed: $seed) {\n      id\n    }\n  }\n": typeof types.OrganizerDrawDocument,
    "\n  mutation OrganizerPublishList($hearingId: ID!) {\n    publishParticipantList(hearingId: $hearingId) {\n      id\n    }\n  }\n": typeof types.OrganizerPublishListDocument,
    "\n  query OrganizerObservers($id: ID!, $first: Int!, $after: String) {\n    hearing(id: $id) {\n      id\n      observers(first: $first, after: $after) {\n        edges {\n          node {\n            id\n            categoryLabel\n            name\n            organization\n            contact\n            status\n            statusLabel\n            expiresAt\n            respondedAt\n            responseNote\n            withdrawnReason\n            checkInCode\n            checkedInAt\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": typeof types.OrganizerObserversDocument,
    "\n  mutation OrganizerInvite($input: InviteObserverInput!) {\n    inviteObserver(input: $input) {\n      id\n      name\n      link\n    }\n  }\n": typeof types.OrganizerInviteDocument,
    "\n  mutation OrganizerWithdrawInvitation($invitationId: ID!, $reason: String!) {\n    withdrawInvitation(invitationId: $invitationId, reason: $reason) {\n      id\n      status\n    }\n  }\n": typeof types.OrganizerWithdrawInvitationDocument,
    "\n  mutation OrganizerReissueLink($invitationId: ID!) {\n    reissueInvitationLink(invitationId: $invitationId) {\n      id\n      name\n      link\n    }\n  }\n": typeof types.OrganizerReissueLinkDocument,
    "\n  mutation OrganizerMaterials($hearingId: ID!, $note: String!) {\n    recordMaterialsDelivered(hearingId: $hearingId, note: $note) {\n      notified\n    }\n  }\n": typeof types.OrganizerMaterialsDocument,
    "\n  mutation OrganizerOpenHearing($hearingId: ID!, $overrideReason: String!) {\n    openHearing(hearingId: $hearingId, overrideReason: $overrideReason) {\n      id\n      status\n    }\n  }\n": typeof types.OrganizerOpenHearingDocument,
    "\n  query OrganizerAttendance($id: ID!) {\n    hearing(id: $id) {\n      id\n      title\n      status\n      statusLabel\n      attendance {\n        participantsExpected\n        participantsPresent\n        observersExpected\n        observersPresent\n        participants {\n          category\n          label\n          expected\n          present\n        }\n        observers {\n          category\n          label\n          expected\n          present\n        }\n      }\n    }\n  }\n": typeof types.OrganizerAttendanceDocument,
    "\n  mutation OrganizerCheckIn($code: String!, $hearingId: ID) {\n    checkIn(code: $code, hearingId: $hearingId) {\n      attendee\n      name\n      organization\n      categoryLabel\n      checkedInAt\n    }\n  }\n": typeof types.OrganizerCheckInDocument,
    "\n  query OrganizerMinutes($id: ID!) {\n    hearing(id: $id) {\n      id\n      title\n      status\n      statusLabel\n      minutes {\n        summary\n        recordedAt\n        signedOffEntries\n        unsignedEntries\n        entries {\n          id\n          position\n          stageLabel\n          speakerName\n          speakerCategory\n          speakerCategoryLabel\n          mainPoints\n          reasons\n          signedOffAt\n          commentReceiptCode\n          handling\n        }\n      }\n    }\n  }\n": typeof types.OrganizerMinutesDocument,
    "\n  query OrganizerSpeakers($hearingId: ID!) {\n    hearingRegistrations(hearingId: $hearingId, status: SELECTED, first: 100) {\n      edges {\n        node {\n          id\n          name\n          categoryLabel\n        }\n      }\n    }\n    hearing(id: $hearingId) {\n      id\n      observers(first: 100) {\n        edges {\n          node {\n            id\n            name\n            categoryLabel\n            status\n          }\n        }\n      }\n    }\n  }\n": typeof types.OrganizerSpeakersDocument,
    "\n  mutation OrganizerRecordMinutes($input: RecordMinutesInput!) {\n    recordMinutes(input: $input) {\n      id\n      status\n    }\n  }\n": typeof types.OrganizerRecordMinutesDocument,
    "\n  mutation OrganizerSignOff($hearingId: ID!, $entryIds: [ID!]!) {\n    signOffMinutes(hearingId: $hearingId, entryIds: $entryIds) {\n      id\n    }\n  }\n": typeof types.OrganizerSignOffDocument,
    "\n  mutation OrganizerPublishReport($input: PublishHearingReportInput!) {\n    publishHearingReport(input: $input) {\n      id\n      status\n    }\n  }\n": typeof types.OrganizerPublishReportDocument,
    "\n  query ReviewConsultation($id: ID!) {\n    consultation(id: $id) {\n      id\n      title\n      status\n      statusLabel\n      draft {\n        articles {\n          id\n          label\n        }\n      }\n    }\n  }\n": typeof types.ReviewConsultationDocument,
    "\n  query ReviewAggregationStatus($id: ID!) {\n    aggregationStatus(consultationId: $id) {\n      run {\n        id\n        status\n        progressDone\n        progressTotal\n        message\n        startedAt\n        finishedAt\n      }\n      comments\n      ungroupedComments\n      topics\n      campaigns\n      undecidedComments\n    }\n  }\n": typeof types.ReviewAggregationStatusDocument,
    "\n  mutation ReviewRunAggregation($id: ID!) {\n    runAggregation(consultationId: $id) {\n      id\n      status\n    }\n  }\n": typeof types.ReviewRunAggregationDocument,
    "\n  query ReviewOpinionGroups(\n    $id: ID!\n    $kind: GroupKind\n    $articleId: ID\n    $wholeDraft: Boolean! = false\n    $undecidedOnly: Boolean! = false\n    $search: String\n    $first: Int! = 10\n    $after: String\n  ) {\n    opinionGroups(\n      consultationId: $id\n      kind: $kind\n      articleId: $articleId\n      wholeDraft: $wholeDraft\n      undecidedOnly: $undecidedOnly\n      search: $search\n      first: $first\n      after: $after\n    ) {\n      totalCount\n      edges {\n        node {\n          id\n          kind\n          articleId\n          articleLabel\n          title\n          summary\n          keywords\n          editedByStaff\n          representative {\n            id\n            body\n          }\n          stats {\n            comments\n            participants\n          }\n          disposition {\n            id\n            outcome\n            outcomeLabel\n            standardReason\n            reason\n            status\n            proposedBy\n            replacesApproved\n            revisedArticleId\n            revisedAfter\n          }\n          comments(first: 20) {\n            edges {\n              node {\n                id\n                body\n                channel\n              }\n            }\n            pageInfo {\n              hasNextPage\n            }\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.ReviewOpinionGroupsDocument,
    "\n  query ReviewStandardReasons {\n    standardReasons {\n      code\n      label\n    }\n  }\n": typeof types.ReviewStandardReasonsDocument,
    "\n  mutation ReviewMergeGroups($into: ID!, $ids: [ID!]!) {\n    mergeGroups(intoGroupId: $into, groupIds: $ids) {\n      id\n    }\n  }\n": typeof types.ReviewMergeGroupsDocument,
    "\n  mutation ReviewSplitGroup($groupId: ID!, $commentIds: [ID!]!, $title: String! = \"\") {\n    splitGroup(groupId: $groupId, commentIds: $commentIds, title: $title) {\n      id\n    }\n  }\n": typeof types.ReviewSplitGroupDocument,
    "\n  mutation ReviewMoveComment($commentId: ID!, $toGroupId: ID!) {\n    moveComment(commentId: $commentId, toGroupId: $toGroupId) {\n      id\n    }\n  }\n": typeof types.ReviewMoveCommentDocument,
    "\n  mutation ReviewUpdateGroup($groupId: ID!, $title: String, $summary: String) {\n    updateGroup(groupId: $groupId, title: $title, summary: $summary) {\n      id\n    }\n  }\n": typeof types.ReviewUpdateGroupDocument,
    "\n  mutation ReviewSetDisposition($input: DispositionInput!) {\n    setDisposition(input: $input) {\n      id\n      status\n    }\n  }\n": typeof types.ReviewSetDispositionDocument,
    "\n  mutation ReviewSetDispositionForGroups(\n    $groupIds: [ID!]!\n    $outcome: Outcome!\n    $reason: String! = \"\"\n    $standardReason: String! = \"\"\n  ) {\n    setDispositionForGroups(groupIds: $groupIds, outcome: $outcome, reason: $reason, standardReason: $standardReason) {\n      id\n      status\n    }\n  }\n": typeof types.ReviewSetDispositionForGroupsDocument,
    "\n  mutation ReviewApproveDisposition($ids: [ID!]!) {\n    approveDisposition(dispositionIds: $ids) {\n      id\n      status\n    }\n  }\n": typeof types.ReviewApproveDispositionDocument,
    "\n  query ReviewStatement($id: ID!, $version: Int) {\n    statement(consultationId: $id, version: $version) {\n      version\n      status\n      correctsVersion\n      correctionNote\n      sha256\n      figures\n      generatedAt\n      publishedAt\n      personalDataFindings {\n        kind\n        excerpt\n      }\n      downloads {\n        format\n        url\n      }\n    }\n    statementGeneration(consultationId: $id) {\n      id\n      status\n      progressDone\n      progressTotal\n      message\n      startedAt\n      finishedAt\n    }\n    decision(consultationId: $id) {\n      decidedOn\n    }\n  }\n": typeof types.ReviewStatementDocument,
    "\n  mutation ReviewGenerateStatement($id: ID!, $correctionNote: String! = \"\") {\n    generateStatement(consultationId: $id, correctionNote: $correctionNote) {\n      id\n      status\n    }\n  }\n": typeof types.ReviewGenerateStatementDocument,
    "\n  mutation ReviewPublishStatement($id: ID!, $version: Int!) {\n    publishStatement(consultationId: $id, version: $version) {\n      version\n      status\n    }\n  }\n": typeof types.ReviewPublishStatementDocument,
    "\n  mutation ReviewPublishDecision($input: PublishDecisionInput!) {\n    publishDecision(input: $input) {\n      decidedOn\n    }\n  }\n": typeof types.ReviewPublishDecisionDocument,
};
const documents: Documents = {
    "\n  query Me {\n    me {\n      id\n      kind\n      displayName\n      verified\n      roles {\n        role\n        unitId\n      }\n    }\n  }\n": types.MeDocument,
    "\n  mutation Login($identifier: String!, $password: String!) {\n    login(identifier: $identifier, password: $password, useCookie: true) {\n      csrfToken\n      userId\n      kind\n      displayName\n    }\n  }\n": types.LoginDocument,
    "\n  mutation Logout {\n    logout\n  }\n": types.LogoutDocument,
    "\n  mutation SubmitComment($consultationId: ID!, $body: String!, $articleId: ID, $idempotencyKey: String) {\n    submitComment(consultationId: $consultationId, body: $body, articleId: $articleId, idempotencyKey: $idempotencyKey) {\n      receiptCode\n      submittedAt\n      duplicate\n    }\n  }\n": types.SubmitCommentDocument,
    "\n  query Consultations($first: Int!, $after: String, $status: ConsultationStatus) {\n    consultations(first: $first, after: $after, status: $status) {\n      edges {\n        node {\n          id\n          title\n          kindLabel\n          status\n          statusLabel\n          unit\n          summary\n          closingDate\n          acceptingComments\n          commentCount\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.ConsultationsDocument,
    "\n  query Consultation($id: ID!) {\n    consultation(id: $id) {\n      id\n      title\n      kindLabel\n      status\n      statusLabel\n      unit\n      summary\n      explanation\n      basis\n      offlineChannels\n      opensAt\n      closingDate\n      closesAt\n      minimumPeriod\n      shortenedReason\n      acceptingComments\n      commentCount\n      commentLimits {\n        minChars\n        maxChars\n      }\n      withdrawnReason\n      publicationChannels {\n        channel\n        url\n        publishedOn\n      }\n      draft {\n        number\n        preamble\n        articles {\n          id\n          label\n          heading\n          body\n        }\n      }\n    }\n  }\n": types.ConsultationDocument,
    "\n  query Hearings($first: Int!, $after: String) {\n    hearings(first: $first, after: $after) {\n      edges {\n        node {\n          id\n          kindLabel\n          title\n          unit\n          startsAt\n          venue\n          statusLabel\n          registrationOpen\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.HearingsDocument,
    "\n  query Hearing($id: ID!) {\n    hearing(id: $id) {\n      id\n      kind\n      kindLabel\n      title\n      unit\n      consultationId\n      decisionKindLabel\n      agenda\n      startsAt\n      endsAt\n      venue\n      streamUrl\n      registrationOpensAt\n      registrationClosesAt\n      registrationOpen\n      seats\n      categories {\n        category\n        label\n        quota\n      }\n      selectionMethod\n      selectionRules\n      isPublic\n      publicMethodsLabel\n      notPublicReason\n      observersInvited\n      status\n      statusLabel\n      publishedAt\n      cancelledReason\n      participantListPublishedAt\n      participantList {\n        category\n        categoryLabel\n        seatNumber\n        named\n        name\n        organization\n        wishesToSpeak\n        selectedBy\n        selectedByLabel\n        manualReason\n      }\n      draw {\n        seedSha256\n        seedCommittedAt\n        seed\n        drawnAt\n        documentSha256\n        downloadUrl\n        categories {\n          category\n          label\n          quota\n          manuallySelected {\n            applicantCode\n            reason\n          }\n          seatsDrawn\n          applicants\n          selected\n          waitlist\n        }\n      }\n      myRegistration {\n        ...MyRegistrationFields\n      }\n    }\n  }\n": types.HearingDocument,
    "\n  fragment MyRegistrationFields on MyHearingRegistration {\n    id\n    hearingId\n    hearingTitle\n    hearingStartsAt\n    applicantCode\n    category\n    categoryLabel\n    name\n    status\n    statusLabel\n    seatNumber\n    selectedBy\n    selectedByLabel\n    waitlistRank\n    waitlistPosition\n    registeredAt\n    canCancel\n  }\n": types.MyRegistrationFieldsFragmentDoc,
    "\n  mutation RegisterForHearing($input: RegisterForHearingInput!) {\n    registerForHearing(input: $input) {\n      ...MyRegistrationFields\n    }\n  }\n": types.RegisterForHearingDocument,
    "\n  mutation CancelRegistration($registrationId: ID!) {\n    cancelRegistration(registrationId: $registrationId) {\n      ...MyRegistrationFields\n    }\n  }\n": types.CancelRegistrationDocument,
    "\n  query Invitation($token: String!) {\n    invitation(token: $token) {\n      name\n      organization\n      categoryLabel\n      status\n      statusLabel\n      expiresAt\n      canRespond\n      respondedAt\n      responseNote\n      withdrawnReason\n      checkInCode\n      checkInQrSvg\n      hearing {\n        id\n        title\n        kindLabel\n        unit\n        startsAt\n        endsAt\n        venue\n        agenda\n        streamUrl\n        statusLabel\n        cancelledReason\n      }\n    }\n  }\n": types.InvitationDocument,
    "\n  mutation RespondToInvitation($token: String!, $accept: Boolean!, $note: String!) {\n    respondToInvitation(token: $token, accept: $accept, note: $note) {\n      name\n      status\n      statusLabel\n      canRespond\n      respondedAt\n      responseNote\n      checkInCode\n      checkInQrSvg\n    }\n  }\n": types.RespondToInvitationDocument,
    "\n  query MyComments($first: Int!, $after: String) {\n    myComments(first: $first, after: $after) {\n      edges {\n        node {\n          receiptCode\n          consultationId\n          consultationTitle\n          articleLabel\n          body\n          submittedAt\n          status\n          statusLabel\n          outcome {\n            groupTitle\n            disposition\n            dispositionLabel\n            reason\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.MyCommentsDocument,
    "\n  query MyRegistrations($first: Int!, $after: String) {\n    myRegistrations(first: $first, after: $after) {\n      edges {\n        node {\n          ...MyRegistrationFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.MyRegistrationsDocument,
    "\n  query MyCheckIn($hearingId: ID!) {\n    myCheckIn(hearingId: $hearingId) {\n      hearingId\n      code\n      checkedInAt\n      qrSvg\n    }\n  }\n": types.MyCheckInDocument,
    "\n  query CommentReceipt($code: String!) {\n    commentReceipt(code: $code) {\n      receiptCode\n      consultationId\n      consultationTitle\n      articleLabel\n      channel\n      body\n      submittedAt\n      status\n      statusLabel\n      outcome {\n        groupTitle\n        disposition\n        dispositionLabel\n        reason\n      }\n    }\n  }\n": types.CommentReceiptDocument,
    "\n  mutation RegisterCitizen($contact: String!, $password: String!, $displayName: String!) {\n    registerCitizen(contact: $contact, password: $password, displayName: $displayName) {\n      userId\n      contact\n      verificationRequired\n    }\n  }\n": types.RegisterCitizenDocument,
    "\n  mutation RequestVerificationCode($contact: String!) {\n    requestVerificationCode(contact: $contact)\n  }\n": types.RequestVerificationCodeDocument,
    "\n  mutation VerifyContact($contact: String!, $code: String!) {\n    verifyContact(contact: $contact, code: $code)\n  }\n": types.VerifyContactDocument,
    "\n  query StatementPage($id: ID!, $version: Int) {\n    consultation(id: $id) {\n      id\n      title\n      unit\n      status\n      statusLabel\n    }\n    statement(consultationId: $id, version: $version) {\n      version\n      status\n      correctsVersion\n      correctionNote\n      sha256\n      publishedAt\n      figures\n      downloads {\n        format\n        url\n      }\n    }\n    decision(consultationId: $id) {\n      decidedOn\n      summary\n      documents {\n        title\n        url\n      }\n    }\n  }\n": types.StatementPageDocument,
    "\n  query StaffConsultations($first: Int!, $after: String, $status: ConsultationStatus) {\n    consultations(first: $first, after: $after, status: $status) {\n      edges {\n        node {\n          id\n          title\n          kindLabel\n          status\n          statusLabel\n          unit\n          closingDate\n          commentCount\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.StaffConsultationsDocument,
    "\n  query StaffUnits {\n    units {\n      id\n      name\n      parentId\n    }\n  }\n": types.StaffUnitsDocument,
    "\n  mutation CreateConsultation($input: CreateConsultationInput!) {\n    createConsultation(input: $input) {\n      id\n    }\n  }\n": types.CreateConsultationDocument,
    "\n  mutation UpdateConsultation($id: ID!, $input: UpdateConsultationInput!) {\n    updateConsultation(consultationId: $id, input: $input) {\n      id\n    }\n  }\n": types.UpdateConsultationDocument,
    "\n  query Workbench($id: ID!) {\n    consultation(id: $id) {\n      id\n      title\n      kind\n      kindLabel\n      status\n      statusLabel\n      summary\n      explanation\n      basis\n      offlineChannels\n      businessRelated\n      disclosure\n      disclosureReason\n      unitId\n      unit\n      opensAt\n      closesAt\n      closingDate\n      minimumPeriod\n      shortenedReason\n      withdrawnReason\n      commentCount\n      publicationChannels {\n        channel\n        url\n        publishedOn\n      }\n      reviews {\n        id\n        draftVersionId\n        kind\n        reviewer\n        reviewedOn\n        passed\n        notes\n      }\n      draft {\n        id\n        number\n        structure\n        source\n        preamble\n        articles {\n          id\n          position\n          label\n          heading\n          body\n        }\n      }\n    }\n  }\n": types.WorkbenchDocument,
    "\n  query ConsultationTitle($id: ID!) {\n    consultation(id: $id) {\n      id\n      title\n      status\n      statusLabel\n      unitId\n      draft {\n        articles {\n          id\n          label\n        }\n      }\n    }\n  }\n": types.ConsultationTitleDocument,
    "\n  mutation ImportDraftText($id: ID!, $text: String, $docxBase64: String, $filename: String! = \"\", $note: String! = \"\") {\n    importDraft(consultationId: $id, text: $text, docxBase64: $docxBase64, filename: $filename, note: $note) {\n      id\n      number\n    }\n  }\n": types.ImportDraftTextDocument,
    "\n  mutation WorkbenchUpdateArticle($articleId: ID!, $label: String, $heading: String, $body: String) {\n    updateArticle(articleId: $articleId, label: $label, heading: $heading, body: $body) {\n      id\n    }\n  }\n": types.WorkbenchUpdateArticleDocument,
    "\n  mutation WorkbenchSplitArticle($articleId: ID!, $at: Int!, $newLabel: String!) {\n    splitArticle(articleId: $articleId, at: $at, newLabel: $newLabel) {\n      id\n    }\n  }\n": types.WorkbenchSplitArticleDocument,
    "\n  mutation WorkbenchMergeArticle($articleId: ID!) {\n    mergeArticleWithNext(articleId: $articleId) {\n      id\n    }\n  }\n": types.WorkbenchMergeArticleDocument,
    "\n  mutation WorkbenchSubmitForReview($id: ID!) {\n    submitForReview(consultationId: $id) {\n      id\n    }\n  }\n": types.WorkbenchSubmitForReviewDocument,
    "\n  mutation WorkbenchReturnToDraft($id: ID!, $reason: String!) {\n    returnToDraft(consultationId: $id, reason: $reason) {\n      id\n    }\n  }\n": types.WorkbenchReturnToDraftDocument,
    "\n  mutation WorkbenchRecordReview(\n    $id: ID!\n    $kind: ReviewKind!\n    $reviewer: String!\n    $reviewedOn: Date!\n    $passed: Boolean!\n    $notes: String! = \"\"\n  ) {\n    recordReview(consultationId: $id, kind: $kind, reviewer: $reviewer, reviewedOn: $reviewedOn, passed: $passed, notes: $notes) {\n      id\n    }\n  }\n": types.WorkbenchRecordReviewDocument,
    "\n  query PublishChecks($id: ID!, $closingDate: Date, $shortenedReason: String! = \"\") {\n    consultation(id: $id) {\n      id\n      publishChecks(closingDate: $closingDate, shortenedReason: $shortenedReason) {\n        ready\n        minimumClosingDate\n        closingDate\n        shortened\n        checks {\n          code\n          label\n          passed\n          message\n          errorCode\n          detail\n        }\n      }\n    }\n  }\n": types.PublishChecksDocument,
    "\n  mutation WorkbenchPublish($id: ID!, $closingDate: Date, $shortenedReason: String! = \"\", $channels: [PublicationChannelInput!]) {\n    publishConsultation(consultationId: $id, closingDate: $closingDate, shortenedReason: $shortenedReason, channels: $channels) {\n      id\n    }\n  }\n": types.WorkbenchPublishDocument,
    "\n  mutation WorkbenchClose($id: ID!, $reason: String! = \"\") {\n    closeConsultation(consultationId: $id, reason: $reason) {\n      id\n    }\n  }\n": types.WorkbenchCloseDocument,
    "\n  mutation WorkbenchWithdraw($id: ID!, $reason: String!) {\n    withdrawConsultation(consultationId: $id, reason: $reason) {\n      id\n    }\n  }\n": types.WorkbenchWithdrawDocument,
    "\n  query ModerationQueue($id: ID!, $first: Int!, $after: String, $moderation: Moderation) {\n    consultation(id: $id) {\n      id\n      comments(first: $first, after: $after, moderation: $moderation) {\n        totalCount\n        edges {\n          node {\n            id\n            receiptCode\n            channel\n            body\n            submitterName\n            submittedAt\n            isLate\n            moderation\n            moderationReason\n            flaggedTerms\n            article {\n              id\n              label\n            }\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": types.ModerationQueueDocument,
    "\n  mutation WorkbenchModerate($id: ID!, $action: ModerationAction!, $reason: String! = \"\") {\n    moderateComment(commentId: $id, action: $action, reason: $reason) {\n      id\n      moderation\n      moderationReason\n    }\n  }\n": types.WorkbenchModerateDocument,
    "\n  mutation WorkbenchRecordOffline($input: OfflineCommentInput!) {\n    recordOfflineComment(input: $input) {\n      id\n      receiptCode\n    }\n  }\n": types.WorkbenchRecordOfflineDocument,
    "\n  query WorkbenchAuditTrail($id: ID!) {\n    consultation(id: $id) {\n      id\n      title\n      auditTrail(first: 100) {\n        seq\n        occurredAt\n        actor\n        action\n        before\n        after\n      }\n    }\n  }\n": types.WorkbenchAuditTrailDocument,
    "\n  query OrganizerHearings($first: Int!, $after: String) {\n    hearings(first: $first, after: $after, includeInternal: true) {\n      edges {\n        node {\n          id\n          unitId\n          unit\n          kindLabel\n          title\n          startsAt\n          status\n          statusLabel\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.OrganizerHearingsDocument,
    "\n  query OrganizerUnits {\n    units {\n      id\n      name\n      parentId\n    }\n    consultations(first: 100) {\n      edges {\n        node {\n          id\n          title\n          unit\n        }\n      }\n    }\n  }\n": types.OrganizerUnitsDocument,
    "\n  fragment OrganizerHearingFields on Hearing {\n    id\n    unitId\n    unit\n    consultationId\n    kind\n    kindLabel\n    decisionKind\n    decisionKindLabel\n    title\n    agenda\n    startsAt\n    endsAt\n    venue\n    streamUrl\n    registrationOpensAt\n    registrationClosesAt\n    registrationOpen\n    seats\n    categories {\n      category\n      label\n      quota\n    }\n    selectionMethod\n    selectionRules\n    isPublic\n    publicMethods\n    publicMethodsLabel\n    notPublicReason\n    observersInvited\n    status\n    statusLabel\n    noticeDays\n    publishedAt\n    cancelledReason\n    openedAt\n    participantListPublishedAt\n    registrationCounts {\n      category\n      label\n      quota\n      applied\n      selected\n      waitlisted\n    }\n    draw {\n      seedSha256\n      seedCommittedAt\n      seed\n      drawnAt\n      downloadUrl\n      categories {\n        category\n        label\n        seatsDrawn\n        selected\n        waitlist\n      }\n    }\n    materials {\n      deliveredAt\n      daysBeforeHearing\n      requiredDays\n      onTime\n      overrideReason\n      note\n    }\n  }\n": types.OrganizerHearingFieldsFragmentDoc,
    "\n  query OrganizerHearing($id: ID!) {\n    hearing(id: $id) {\n      ...OrganizerHearingFields\n    }\n  }\n": types.OrganizerHearingDocument,
    "\n  mutation OrganizerCreateHearing($input: CreateHearingInput!) {\n    createHearing(input: $input) {\n      id\n    }\n  }\n": types.OrganizerCreateHearingDocument,
    "\n  mutation OrganizerUpdateHearing($hearingId: ID!, $input: UpdateHearingInput!) {\n    updateHearing(hearingId: $hearingId, input: $input) {\n      id\n    }\n  }\n": types.OrganizerUpdateHearingDocument,
    "\n  mutation OrganizerPublishHearing($hearingId: ID!) {\n    publishHearing(hearingId: $hearingId) {\n      id\n      status\n    }\n  }\n": types.OrganizerPublishHearingDocument,
    "\n  mutation OrganizerCancelHearing($hearingId: ID!, $reason: String!) {\n    cancelHearing(hearingId: $hearingId, reason: $reason) {\n      id\n      status\n    }\n  }\n": types.OrganizerCancelHearingDocument,
    "\n  query OrganizerRegistrations(\n    $hearingId: ID!\n    $category: ParticipantCategory\n    $status: HearingRegistrationStatus\n    $first: Int!\n    $after: String\n  ) {\n    hearingRegistrations(hearingId: $hearingId, category: $category, status: $status, first: $first, after: $after) {\n      totalCount\n      edges {\n        node {\n          id\n          applicantCode\n          categoryLabel\n          name\n          organization\n          contact\n          wishesToSpeak\n          status\n          statusLabel\n          seatNumber\n          selectedByLabel\n          manualReason\n          waitlistRank\n          checkedInAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.OrganizerRegistrationsDocument,
    "\n  mutation OrganizerSelectManually($registrationId: ID!, $reason: String!) {\n    selectParticipantManually(registrationId: $registrationId, reason: $reason) {\n      id\n      status\n    }\n  }\n": types.OrganizerSelectManuallyDocument,
    "\n  mutation OrganizerCommitSeed($hearingId: ID!, $seedSha256: String!) {\n    commitDrawSeed(hearingId: $hearingId, seedSha256: $seedSha256) {\n      id\n    }\n  }\n": types.OrganizerCommitSeedDocument,
    "\n  mutation OrganizerDraw($hearingId: ID!, $seed: String!) {\n    drawParticipants(hearingId: $hearingId, seed: $seed) {\n      id\n    }\n  }\n": types.OrganizerDrawDocument,
    "\n  mutation OrganizerPublishList($hearingId: ID!) {\n    publishParticipantList(hearingId: $hearingId) {\n      id\n    }\n  }\n": types.OrganizerPublishListDocument,
    "\n  query OrganizerObservers($id: ID!, $first: Int!, $after: String) {\n    hearing(id: $id) {\n      id\n      observers(first: $first, after: $after) {\n        edges {\n          node {\n            id\n            categoryLabel\n            name\n            organization\n            contact\n            status\n            statusLabel\n            expiresAt\n            respondedAt\n            responseNote\n            withdrawnReason\n            checkInCode\n            checkedInAt\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": types.OrganizerObserversDocument,
    "\n  mutation OrganizerInvite($input: InviteObserverInput!) {\n    inviteObserver(input: $input) {\n      id\n      name\n      link\n    }\n  }\n": types.OrganizerInviteDocument,
    "\n  mutation OrganizerWithdrawInvitation($invitationId: ID!, $reason: String!) {\n    withdrawInvitation(invitationId: $invitationId, reason: $reason) {\n      id\n      status\n    }\n  }\n": types.OrganizerWithdrawInvitationDocument,
    "\n  mutation OrganizerReissueLink($invitationId: ID!) {\n    reissueInvitationLink(invitationId: $invitationId) {\n      id\n      name\n      link\n    }\n  }\n": types.OrganizerReissueLinkDocument,
    "\n  mutation OrganizerMaterials($hearingId: ID!, $note: String!) {\n    recordMaterialsDelivered(hearingId: $hearingId, note: $note) {\n      notified\n    }\n  }\n": types.OrganizerMaterialsDocument,
    "\n  mutation OrganizerOpenHearing($hearingId: ID!, $overrideReason: String!) {\n    openHearing(hearingId: $hearingId, overrideReason: $overrideReason) {\n      id\n      status\n    }\n  }\n": types.OrganizerOpenHearingDocument,
    "\n  query OrganizerAttendance($id: ID!) {\n    hearing(id: $id) {\n      id\n      title\n      status\n      statusLabel\n      attendance {\n        participantsExpected\n        participantsPresent\n        observersExpected\n        observersPresent\n        participants {\n          category\n          label\n          expected\n          present\n        }\n        observers {\n          category\n          label\n          expected\n          present\n        }\n      }\n    }\n  }\n": types.OrganizerAttendanceDocument,
    "\n  mutation OrganizerCheckIn($code: String!, $hearingId: ID) {\n    checkIn(code: $code, hearingId: $hearingId) {\n      attendee\n      name\n      organization\n      categoryLabel\n      checkedInAt\n    }\n  }\n": types.OrganizerCheckInDocument,
    "\n  query OrganizerMinutes($id: ID!) {\n    hearing(id: $id) {\n      id\n      title\n      status\n      statusLabel\n      minutes {\n        summary\n        recordedAt\n        signedOffEntries\n        unsignedEntries\n        entries {\n          id\n          position\n          stageLabel\n          speakerName\n          speakerCategory\n          speakerCategoryLabel\n          mainPoints\n          reasons\n          signedOffAt\n          commentReceiptCode\n          handling\n        }\n      }\n    }\n  }\n": types.OrganizerMinutesDocument,
    "\n  query OrganizerSpeakers($hearingId: ID!) {\n    hearingRegistrations(hearingId: $hearingId, status: SELECTED, first: 100) {\n      edges {\n        node {\n          id\n          name\n          categoryLabel\n        }\n      }\n    }\n    hearing(id: $hearingId) {\n      id\n      observers(first: 100) {\n        edges {\n          node {\n            id\n            name\n            categoryLabel\n            status\n          }\n        }\n      }\n    }\n  }\n": types.OrganizerSpeakersDocument,
    "\n  mutation OrganizerRecordMinutes($input: RecordMinutesInput!) {\n    recordMinutes(input: $input) {\n      id\n      status\n    }\n  }\n": types.OrganizerRecordMinutesDocument,
    "\n  mutation OrganizerSignOff($hearingId: ID!, $entryIds: [ID!]!) {\n    signOffMinutes(hearingId: $hearingId, entryIds: $entryIds) {\n      id\n    }\n  }\n": types.OrganizerSignOffDocument,
    "\n  mutation OrganizerPublishReport($input: PublishHearingReportInput!) {\n    publishHearingReport(input: $input) {\n      id\n      status\n    }\n  }\n": types.OrganizerPublishReportDocument,
    "\n  query ReviewConsultation($id: ID!) {\n    consultation(id: $id) {\n      id\n      title\n      status\n      statusLabel\n      draft {\n        articles {\n          id\n          label\n        }\n      }\n    }\n  }\n": types.ReviewConsultationDocument,
    "\n  query ReviewAggregationStatus($id: ID!) {\n    aggregationStatus(consultationId: $id) {\n      run {\n        id\n        status\n        progressDone\n        progressTotal\n        message\n        startedAt\n        finishedAt\n      }\n      comments\n      ungroupedComments\n      topics\n      campaigns\n      undecidedComments\n    }\n  }\n": types.ReviewAggregationStatusDocument,
    "\n  mutation ReviewRunAggregation($id: ID!) {\n    runAggregation(consultationId: $id) {\n      id\n      status\n    }\n  }\n": types.ReviewRunAggregationDocument,
    "\n  query ReviewOpinionGroups(\n    $id: ID!\n    $kind: GroupKind\n    $articleId: ID\n    $wholeDraft: Boolean! = false\n    $undecidedOnly: Boolean! = false\n    $search: String\n    $first: Int! = 10\n    $after: String\n  ) {\n    opinionGroups(\n      consultationId: $id\n      kind: $kind\n      articleId: $articleId\n      wholeDraft: $wholeDraft\n      undecidedOnly: $undecidedOnly\n      search: $search\n      first: $first\n      after: $after\n    ) {\n      totalCount\n      edges {\n        node {\n          id\n          kind\n          articleId\n          articleLabel\n          title\n          summary\n          keywords\n          editedByStaff\n          representative {\n            id\n            body\n          }\n          stats {\n            comments\n            participants\n          }\n          disposition {\n            id\n            outcome\n            outcomeLabel\n            standardReason\n            reason\n            status\n            proposedBy\n            replacesApproved\n            revisedArticleId\n            revisedAfter\n          }\n          comments(first: 20) {\n            edges {\n              node {\n                id\n                body\n                channel\n              }\n            }\n            pageInfo {\n              hasNextPage\n            }\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.ReviewOpinionGroupsDocument,
    "\n  query ReviewStandardReasons {\n    standardReasons {\n      code\n      label\n    }\n  }\n": types.ReviewStandardReasonsDocument,
    "\n  mutation ReviewMergeGroups($into: ID!, $ids: [ID!]!) {\n    mergeGroups(intoGroupId: $into, groupIds: $ids) {\n      id\n    }\n  }\n": types.ReviewMergeGroupsDocument,
    "\n  mutation ReviewSplitGroup($groupId: ID!, $commentIds: [ID!]!, $title: String! = \"\") {\n    splitGroup(groupId: $groupId, commentIds: $commentIds, title: $title) {\n      id\n    }\n  }\n": types.ReviewSplitGroupDocument,
    "\n  mutation ReviewMoveComment($commentId: ID!, $toGroupId: ID!) {\n    moveComment(commentId: $commentId, toGroupId: $toGroupId) {\n      id\n    }\n  }\n": types.ReviewMoveCommentDocument,
    "\n  mutation ReviewUpdateGroup($groupId: ID!, $title: String, $summary: String) {\n    updateGroup(groupId: $groupId, title: $title, summary: $summary) {\n      id\n    }\n  }\n": types.ReviewUpdateGroupDocument,
    "\n  mutation ReviewSetDisposition($input: DispositionInput!) {\n    setDisposition(input: $input) {\n      id\n      status\n    }\n  }\n": types.ReviewSetDispositionDocument,
    "\n  mutation ReviewSetDispositionForGroups(\n    $groupIds: [ID!]!\n    $outcome: Outcome!\n    $reason: String! = \"\"\n    $standardReason: String! = \"\"\n  ) {\n    setDispositionForGroups(groupIds: $groupIds, outcome: $outcome, reason: $reason, standardReason: $standardReason) {\n      id\n      status\n    }\n  }\n": types.ReviewSetDispositionForGroupsDocument,
    "\n  mutation ReviewApproveDisposition($ids: [ID!]!) {\n    approveDisposition(dispositionIds: $ids) {\n      id\n      status\n    }\n  }\n": types.ReviewApproveDispositionDocument,
    "\n  query ReviewStatement($id: ID!, $version: Int) {\n    statement(consultationId: $id, version: $version) {\n      version\n      status\n      correctsVersion\n      correctionNote\n      sha256\n      figures\n      generatedAt\n      publishedAt\n      personalDataFindings {\n        kind\n        excerpt\n      }\n      downloads {\n        format\n        url\n      }\n    }\n    statementGeneration(consultationId: $id) {\n      id\n      status\n      progressDone\n      progressTotal\n      message\n      startedAt\n      finishedAt\n    }\n    decision(consultationId: $id) {\n      decidedOn\n    }\n  }\n": types.ReviewStatementDocument,
    "\n  mutation ReviewGenerateStatement($id: ID!, $correctionNote: String! = \"\") {\n    generateStatement(consultationId: $id, correctionNote: $correctionNote) {\n      id\n      status\n    }\n  }\n": types.ReviewGenerateStatementDocument,
    "\n  mutation ReviewPublishStatement($id: ID!, $version: Int!) {\n    publishStatement(consultationId: $id, version: $version) {\n      version\n      status\n    }\n  }\n": types.ReviewPublishStatementDocument,
    "\n  mutation ReviewPublishDecision($input: PublishDecisionInput!) {\n    publishDecision(input: $input) {\n      decidedOn\n    }\n  }\n": types.ReviewPublishDecisionDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me {\n      id\n      kind\n      displayName\n      verified\n      roles {\n        role\n        unitId\n      }\n    }\n  }\n"): typeof import('./graphql').MeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($identifier: String!, $password: String!) {\n    login(identifier: $identifier, password: $password, useCookie: true) {\n      csrfToken\n      userId\n      kind\n      displayName\n    }\n  }\n"): typeof import('./graphql').LoginDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Logout {\n    logout\n  }\n"): typeof import('./graphql').LogoutDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubmitComment($consultationId: ID!, $body: String!, $articleId: ID, $idempotencyKey: String) {\n    submitComment(consultationId: $consultationId, body: $body, articleId: $articleId, idempotencyKey: $idempotencyKey) {\n      receiptCode\n      submittedAt\n      duplicate\n    }\n  }\n"): typeof import('./graphql').SubmitCommentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Consultations($first: Int!, $after: String, $status: ConsultationStatus) {\n    consultations(first: $first, after: $after, status: $status) {\n      edges {\n        node {\n          id\n          title\n          kindLabel\n          status\n          statusLabel\n          unit\n          summary\n          closingDate\n          acceptingComments\n          commentCount\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): typeof import('./graphql').ConsultationsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Consultation($id: ID!) {\n    consultation(id: $id) {\n      id\n      title\n      kindLabel\n      status\n      statusLabel\n      unit\n      summary\n      explanation\n      basis\n      offlineChannels\n      opensAt\n      closingDate\n      closesAt\n      minimumPeriod\n      shortenedReason\n      acceptingComments\n      commentCount\n      commentLimits {\n        minChars\n        maxChars\n      }\n      withdrawnReason\n      publicationChannels {\n        channel\n        url\n        publishedOn\n      }\n      draft {\n        number\n        preamble\n        articles {\n          id\n          label\n          heading\n          body\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').ConsultationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Hearings($first: Int!, $after: String) {\n    hearings(first: $first, after: $after) {\n      edges {\n        node {\n          id\n          kindLabel\n          title\n          unit\n          startsAt\n          venue\n          statusLabel\n          registrationOpen\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): typeof import('./graphql').HearingsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Hearing($id: ID!) {\n    hearing(id: $id) {\n      id\n      kind\n      kindLabel\n      title\n      unit\n      consultationId\n      decisionKindLabel\n      agenda\n      startsAt\n      endsAt\n      venue\n      streamUrl\n      registrationOpensAt\n      registrationClosesAt\n      registrationOpen\n      seats\n      categories {\n        category\n        label\n        quota\n      }\n      selectionMethod\n      selectionRules\n      isPublic\n      publicMethodsLabel\n      notPublicReason\n      observersInvited\n      status\n      statusLabel\n      publishedAt\n      cancelledReason\n      participantListPublishedAt\n      participantList {\n        category\n        categoryLabel\n        seatNumber\n        named\n        name\n        organization\n        wishesToSpeak\n        selectedBy\n        selectedByLabel\n        manualReason\n      }\n      draw {\n        seedSha256\n        seedCommittedAt\n        seed\n        drawnAt\n        documentSha256\n        downloadUrl\n        categories {\n          category\n          label\n          quota\n          manuallySelected {\n            applicantCode\n            reason\n          }\n          seatsDrawn\n          applicants\n          selected\n          waitlist\n        }\n      }\n      myRegistration {\n        ...MyRegistrationFields\n      }\n    }\n  }\n"): typeof import('./graphql').HearingDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MyRegistrationFields on MyHearingRegistration {\n    id\n    hearingId\n    hearingTitle\n    hearingStartsAt\n    applicantCode\n    category\n    categoryLabel\n    name\n    status\n    statusLabel\n    seatNumber\n    selectedBy\n    selectedByLabel\n    waitlistRank\n    waitlistPosition\n    registeredAt\n    canCancel\n  }\n"): typeof import('./graphql').MyRegistrationFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RegisterForHearing($input: RegisterForHearingInput!) {\n    registerForHearing(input: $input) {\n      ...MyRegistrationFields\n    }\n  }\n"): typeof import('./graphql').RegisterForHearingDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelRegistration($registrationId: ID!) {\n    cancelRegistration(registrationId: $registrationId) {\n      ...MyRegistrationFields\n    }\n  }\n"): typeof import('./graphql').CancelRegistrationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Invitation($token: String!) {\n    invitation(token: $token) {\n      name\n      organization\n      categoryLabel\n      status\n      statusLabel\n      expiresAt\n      canRespond\n      respondedAt\n      responseNote\n      withdrawnReason\n      checkInCode\n      checkInQrSvg\n      hearing {\n        id\n        title\n        kindLabel\n        unit\n        startsAt\n        endsAt\n        venue\n        agenda\n        streamUrl\n        statusLabel\n        cancelledReason\n      }\n    }\n  }\n"): typeof import('./graphql').InvitationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RespondToInvitation($token: String!, $accept: Boolean!, $note: String!) {\n    respondToInvitation(token: $token, accept: $accept, note: $note) {\n      name\n      status\n      statusLabel\n      canRespond\n      respondedAt\n      responseNote\n      checkInCode\n      checkInQrSvg\n    }\n  }\n"): typeof import('./graphql').RespondToInvitationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyComments($first: Int!, $after: String) {\n    myComments(first: $first, after: $after) {\n      edges {\n        node {\n          receiptCode\n          consultationId\n          consultationTitle\n          articleLabel\n          body\n          submittedAt\n          status\n          statusLabel\n          outcome {\n            groupTitle\n            disposition\n            dispositionLabel\n            reason\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): typeof import('./graphql').MyCommentsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyRegistrations($first: Int!, $after: String) {\n    myRegistrations(first: $first, after: $after) {\n      edges {\n        node {\n          ...MyRegistrationFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): typeof import('./graphql').MyRegistrationsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyCheckIn($hearingId: ID!) {\n    myCheckIn(hearingId: $hearingId) {\n      hearingId\n      code\n      checkedInAt\n      qrSvg\n    }\n  }\n"): typeof import('./graphql').MyCheckInDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CommentReceipt($code: String!) {\n    commentReceipt(code: $code) {\n      receiptCode\n      consultationId\n      consultationTitle\n      articleLabel\n      channel\n      body\n      submittedAt\n      status\n      statusLabel\n      outcome {\n        groupTitle\n        disposition\n        dispositionLabel\n        reason\n      }\n    }\n  }\n"): typeof import('./graphql').CommentReceiptDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RegisterCitizen($contact: String!, $password: String!, $displayName: String!) {\n    registerCitizen(contact: $contact, password: $password, displayName: $displayName) {\n      userId\n      contact\n      verificationRequired\n    }\n  }\n"): typeof import('./graphql').RegisterCitizenDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestVerificationCode($contact: String!) {\n    requestVerificationCode(contact: $contact)\n  }\n"): typeof import('./graphql').RequestVerificationCodeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation VerifyContact($contact: String!, $code: String!) {\n    verifyContact(contact: $contact, code: $code)\n  }\n"): typeof import('./graphql').VerifyContactDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StatementPage($id: ID!, $version: Int) {\n    consultation(id: $id) {\n      id\n      title\n      unit\n      status\n      statusLabel\n    }\n    statement(consultationId: $id, version: $version) {\n      version\n      status\n      correctsVersion\n      correctionNote\n      sha256\n      publishedAt\n      figures\n      downloads {\n        format\n        url\n      }\n    }\n    decision(consultationId: $id) {\n      decidedOn\n      summary\n      documents {\n        title\n        url\n      }\n    }\n  }\n"): typeof import('./graphql').StatementPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StaffConsultations($first: Int!, $after: String, $status: ConsultationStatus) {\n    consultations(first: $first, after: $after, status: $status) {\n      edges {\n        node {\n          id\n          title\n          kindLabel\n          status\n          statusLabel\n          unit\n          closingDate\n          commentCount\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): typeof import('./graphql').StaffConsultationsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StaffUnits {\n    units {\n      id\n      name\n      parentId\n    }\n  }\n"): typeof import('./graphql').StaffUnitsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateConsultation($input: CreateConsultationInput!) {\n    createConsultation(input: $input) {\n      id\n    }\n  }\n"): typeof import('./graphql').CreateConsultationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateConsultation($id: ID!, $input: UpdateConsultationInput!) {\n    updateConsultation(consultationId: $id, input: $input) {\n      id\n    }\n  }\n"): typeof import('./graphql').UpdateConsultationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Workbench($id: ID!) {\n    consultation(id: $id) {\n      id\n      title\n      kind\n      kindLabel\n      status\n      statusLabel\n      summary\n      explanation\n      basis\n      offlineChannels\n      businessRelated\n      disclosure\n      disclosureReason\n      unitId\n      unit\n      opensAt\n      closesAt\n      closingDate\n      minimumPeriod\n      shortenedReason\n      withdrawnReason\n      commentCount\n      publicationChannels {\n        channel\n        url\n        publishedOn\n      }\n      reviews {\n        id\n        draftVersionId\n        kind\n        reviewer\n        reviewedOn\n        passed\n        notes\n      }\n      draft {\n        id\n        number\n        structure\n        source\n        preamble\n        articles {\n          id\n          position\n          label\n          heading\n          body\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').WorkbenchDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsultationTitle($id: ID!) {\n    consultation(id: $id) {\n      id\n      title\n      status\n      statusLabel\n      unitId\n      draft {\n        articles {\n          id\n          label\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').ConsultationTitleDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ImportDraftText($id: ID!, $text: String, $docxBase64: String, $filename: String! = \"\", $note: String! = \"\") {\n    importDraft(consultationId: $id, text: $text, docxBase64: $docxBase64, filename: $filename, note: $note) {\n      id\n      number\n    }\n  }\n"): typeof import('./graphql').ImportDraftTextDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WorkbenchUpdateArticle($articleId: ID!, $label: String, $heading: String, $body: String) {\n    updateArticle(articleId: $articleId, label: $label, heading: $heading, body: $body) {\n      id\n    }\n  }\n"): typeof import('./graphql').WorkbenchUpdateArticleDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WorkbenchSplitArticle($articleId: ID!, $at: Int!, $newLabel: String!) {\n    splitArticle(articleId: $articleId, at: $at, newLabel: $newLabel) {\n      id\n    }\n  }\n"): typeof import('./graphql').WorkbenchSplitArticleDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WorkbenchMergeArticle($articleId: ID!) {\n    mergeArticleWithNext(articleId: $articleId) {\n      id\n    }\n  }\n"): typeof import('./graphql').WorkbenchMergeArticleDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WorkbenchSubmitForReview($id: ID!) {\n    submitForReview(consultationId: $id) {\n      id\n    }\n  }\n"): typeof import('./graphql').WorkbenchSubmitForReviewDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WorkbenchReturnToDraft($id: ID!, $reason: String!) {\n    returnToDraft(consultationId: $id, reason: $reason) {\n      id\n    }\n  }\n"): typeof import('./graphql').WorkbenchReturnToDraftDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WorkbenchRecordReview(\n    $id: ID!\n    $kind: ReviewKind!\n    $reviewer: String!\n    $reviewedOn: Date!\n    $passed: Boolean!\n    $notes: String! = \"\"\n  ) {\n    recordReview(consultationId: $id, kind: $kind, reviewer: $reviewer, reviewedOn: $reviewedOn, passed: $passed, notes: $notes) {\n      id\n    }\n  }\n"): typeof import('./graphql').WorkbenchRecordReviewDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PublishChecks($id: ID!, $closingDate: Date, $shortenedReason: String! = \"\") {\n    consultation(id: $id) {\n      id\n      publishChecks(closingDate: $closingDate, shortenedReason: $shortenedReason) {\n        ready\n        minimumClosingDate\n        closingDate\n        shortened\n        checks {\n          code\n          label\n          passed\n          message\n          errorCode\n          detail\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').PublishChecksDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WorkbenchPublish($id: ID!, $closingDate: Date, $shortenedReason: String! = \"\", $channels: [PublicationChannelInput!]) {\n    publishConsultation(consultationId: $id, closingDate: $closingDate, shortenedReason: $shortenedReason, channels: $channels) {\n      id\n    }\n  }\n"): typeof import('./graphql').WorkbenchPublishDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WorkbenchClose($id: ID!, $reason: String! = \"\") {\n    closeConsultation(consultationId: $id, reason: $reason) {\n      id\n    }\n  }\n"): typeof import('./graphql').WorkbenchCloseDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WorkbenchWithdraw($id: ID!, $reason: String!) {\n    withdrawConsultation(consultationId: $id, reason: $reason) {\n      id\n    }\n  }\n"): typeof import('./graphql').WorkbenchWithdrawDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ModerationQueue($id: ID!, $first: Int!, $after: String, $moderation: Moderation) {\n    consultation(id: $id) {\n      id\n      comments(first: $first, after: $after, moderation: $moderation) {\n        totalCount\n        edges {\n          node {\n            id\n            receiptCode\n            channel\n            body\n            submitterName\n            submittedAt\n            isLate\n            moderation\n            moderationReason\n            flaggedTerms\n            article {\n              id\n              label\n            }\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').ModerationQueueDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WorkbenchModerate($id: ID!, $action: ModerationAction!, $reason: String! = \"\") {\n    moderateComment(commentId: $id, action: $action, reason: $reason) {\n      id\n      moderation\n      moderationReason\n    }\n  }\n"): typeof import('./graphql').WorkbenchModerateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WorkbenchRecordOffline($input: OfflineCommentInput!) {\n    recordOfflineComment(input: $input) {\n      id\n      receiptCode\n    }\n  }\n"): typeof import('./graphql').WorkbenchRecordOfflineDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WorkbenchAuditTrail($id: ID!) {\n    consultation(id: $id) {\n      id\n      title\n      auditTrail(first: 100) {\n        seq\n        occurredAt\n        actor\n        action\n        before\n        after\n      }\n    }\n  }\n"): typeof import('./graphql').WorkbenchAuditTrailDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrganizerHearings($first: Int!, $after: String) {\n    hearings(first: $first, after: $after, includeInternal: true) {\n      edges {\n        node {\n          id\n          unitId\n          unit\n          kindLabel\n          title\n          startsAt\n          status\n          statusLabel\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): typeof import('./graphql').OrganizerHearingsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrganizerUnits {\n    units {\n      id\n      name\n      parentId\n    }\n    consultations(first: 100) {\n      edges {\n        node {\n          id\n          title\n          unit\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').OrganizerUnitsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment OrganizerHearingFields on Hearing {\n    id\n    unitId\n    unit\n    consultationId\n    kind\n    kindLabel\n    decisionKind\n    decisionKindLabel\n    title\n    agenda\n    startsAt\n    endsAt\n    venue\n    streamUrl\n    registrationOpensAt\n    registrationClosesAt\n    registrationOpen\n    seats\n    categories {\n      category\n      label\n      quota\n    }\n    selectionMethod\n    selectionRules\n    isPublic\n    publicMethods\n    publicMethodsLabel\n    notPublicReason\n    observersInvited\n    status\n    statusLabel\n    noticeDays\n    publishedAt\n    cancelledReason\n    openedAt\n    participantListPublishedAt\n    registrationCounts {\n      category\n      label\n      quota\n      applied\n      selected\n      waitlisted\n    }\n    draw {\n      seedSha256\n      seedCommittedAt\n      seed\n      drawnAt\n      downloadUrl\n      categories {\n        category\n        label\n        seatsDrawn\n        selected\n        waitlist\n      }\n    }\n    materials {\n      deliveredAt\n      daysBeforeHearing\n      requiredDays\n      onTime\n      overrideReason\n      note\n    }\n  }\n"): typeof import('./graphql').OrganizerHearingFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrganizerHearing($id: ID!) {\n    hearing(id: $id) {\n      ...OrganizerHearingFields\n    }\n  }\n"): typeof import('./graphql').OrganizerHearingDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OrganizerCreateHearing($input: CreateHearingInput!) {\n    createHearing(input: $input) {\n      id\n    }\n  }\n"): typeof import('./graphql').OrganizerCreateHearingDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OrganizerUpdateHearing($hearingId: ID!, $input: UpdateHearingInput!) {\n    updateHearing(hearingId: $hearingId, input: $input) {\n      id\n    }\n  }\n"): typeof import('./graphql').OrganizerUpdateHearingDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OrganizerPublishHearing($hearingId: ID!) {\n    publishHearing(hearingId: $hearingId) {\n      id\n      status\n    }\n  }\n"): typeof import('./graphql').OrganizerPublishHearingDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OrganizerCancelHearing($hearingId: ID!, $reason: String!) {\n    cancelHearing(hearingId: $hearingId, reason: $reason) {\n      id\n      status\n    }\n  }\n"): typeof import('./graphql').OrganizerCancelHearingDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrganizerRegistrations(\n    $hearingId: ID!\n    $category: ParticipantCategory\n    $status: HearingRegistrationStatus\n    $first: Int!\n    $after: String\n  ) {\n    hearingRegistrations(hearingId: $hearingId, category: $category, status: $status, first: $first, after: $after) {\n      totalCount\n      edges {\n        node {\n          id\n          applicantCode\n          categoryLabel\n          name\n          organization\n          contact\n          wishesToSpeak\n          status\n          statusLabel\n          seatNumber\n          selectedByLabel\n          manualReason\n          waitlistRank\n          checkedInAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): typeof import('./graphql').OrganizerRegistrationsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OrganizerSelectManually($registrationId: ID!, $reason: String!) {\n    selectParticipantManually(registrationId: $registrationId, reason: $reason) {\n      id\n      status\n    }\n  }\n"): typeof import('./graphql').OrganizerSelectManuallyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OrganizerCommitSeed($hearingId: ID!, $seedSha256: String!) {\n    commitDrawSeed(hearingId: $hearingId, seedSha256: $seedSha256) {\n      id\n    }\n  }\n"): typeof import('./graphql').OrganizerCommitSeedDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OrganizerDraw($hearingId: ID!, $seed: String!) {\n    drawParticipants(hearingId: $hearingId, seed: $seed) {\n      id\n    }\n  }\n"): typeof import('./graphql').OrganizerDrawDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OrganizerPublishList($hearingId: ID!) {\n    publishParticipantList(hearingId: $hearingId) {\n      id\n    }\n  }\n"): typeof import('./graphql').OrganizerPublishListDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrganizerObservers($id: ID!, $first: Int!, $after: String) {\n    hearing(id: $id) {\n      id\n      observers(first: $first, after: $after) {\n        edges {\n          node {\n            id\n            categoryLabel\n            name\n            organization\n            contact\n            status\n            statusLabel\n            expiresAt\n            respondedAt\n            responseNote\n            withdrawnReason\n            checkInCode\n            checkedInAt\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').OrganizerObserversDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OrganizerInvite($input: InviteObserverInput!) {\n    inviteObserver(input: $input) {\n      id\n      name\n      link\n    }\n  }\n"): typeof import('./graphql').OrganizerInviteDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OrganizerWithdrawInvitation($invitationId: ID!, $reason: String!) {\n    withdrawInvitation(invitationId: $invitationId, reason: $reason) {\n      id\n      status\n    }\n  }\n"): typeof import('./graphql').OrganizerWithdrawInvitationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OrganizerReissueLink($invitationId: ID!) {\n    reissueInvitationLink(invitationId: $invitationId) {\n      id\n      name\n      link\n    }\n  }\n"): typeof import('./graphql').OrganizerReissueLinkDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OrganizerMaterials($hearingId: ID!, $note: String!) {\n    recordMaterialsDelivered(hearingId: $hearingId, note: $note) {\n      notified\n    }\n  }\n"): typeof import('./graphql').OrganizerMaterialsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OrganizerOpenHearing($hearingId: ID!, $overrideReason: String!) {\n    openHearing(hearingId: $hearingId, overrideReason: $overrideReason) {\n      id\n      status\n    }\n  }\n"): typeof import('./graphql').OrganizerOpenHearingDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrganizerAttendance($id: ID!) {\n    hearing(id: $id) {\n      id\n      title\n      status\n      statusLabel\n      attendance {\n        participantsExpected\n        participantsPresent\n        observersExpected\n        observersPresent\n        participants {\n          category\n          label\n          expected\n          present\n        }\n        observers {\n          category\n          label\n          expected\n          present\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').OrganizerAttendanceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OrganizerCheckIn($code: String!, $hearingId: ID) {\n    checkIn(code: $code, hearingId: $hearingId) {\n      attendee\n      name\n      organization\n      categoryLabel\n      checkedInAt\n    }\n  }\n"): typeof import('./graphql').OrganizerCheckInDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrganizerMinutes($id: ID!) {\n    hearing(id: $id) {\n      id\n      title\n      status\n      statusLabel\n      minutes {\n        summary\n        recordedAt\n        signedOffEntries\n        unsignedEntries\n        entries {\n          id\n          position\n          stageLabel\n          speakerName\n          speakerCategory\n          speakerCategoryLabel\n          mainPoints\n          reasons\n          signedOffAt\n          commentReceiptCode\n          handling\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').OrganizerMinutesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrganizerSpeakers($hearingId: ID!) {\n    hearingRegistrations(hearingId: $hearingId, status: SELECTED, first: 100) {\n      edges {\n        node {\n          id\n          name\n          categoryLabel\n        }\n      }\n    }\n    hearing(id: $hearingId) {\n      id\n      observers(first: 100) {\n        edges {\n          node {\n            id\n            name\n            categoryLabel\n            status\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').OrganizerSpeakersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OrganizerRecordMinutes($input: RecordMinutesInput!) {\n    recordMinutes(input: $input) {\n      id\n      status\n    }\n  }\n"): typeof import('./graphql').OrganizerRecordMinutesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OrganizerSignOff($hearingId: ID!, $entryIds: [ID!]!) {\n    signOffMinutes(hearingId: $hearingId, entryIds: $entryIds) {\n      id\n    }\n  }\n"): typeof import('./graphql').OrganizerSignOffDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OrganizerPublishReport($input: PublishHearingReportInput!) {\n    publishHearingReport(input: $input) {\n      id\n      status\n    }\n  }\n"): typeof import('./graphql').OrganizerPublishReportDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReviewConsultation($id: ID!) {\n    consultation(id: $id) {\n      id\n      title\n      status\n      statusLabel\n      draft {\n        articles {\n          id\n          label\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').ReviewConsultationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReviewAggregationStatus($id: ID!) {\n    aggregationStatus(consultationId: $id) {\n      run {\n        id\n        status\n        progressDone\n        progressTotal\n        message\n        startedAt\n        finishedAt\n      }\n      comments\n      ungroupedComments\n      topics\n      campaigns\n      undecidedComments\n    }\n  }\n"): typeof import('./graphql').ReviewAggregationStatusDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReviewRunAggregation($id: ID!) {\n    runAggregation(consultationId: $id) {\n      id\n      status\n    }\n  }\n"): typeof import('./graphql').ReviewRunAggregationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReviewOpinionGroups(\n    $id: ID!\n    $kind: GroupKind\n    $articleId: ID\n    $wholeDraft: Boolean! = false\n    $undecidedOnly: Boolean! = false\n    $search: String\n    $first: Int! = 10\n    $after: String\n  ) {\n    opinionGroups(\n      consultationId: $id\n      kind: $kind\n      articleId: $articleId\n      wholeDraft: $wholeDraft\n      undecidedOnly: $undecidedOnly\n      search: $search\n      first: $first\n      after: $after\n    ) {\n      totalCount\n      edges {\n        node {\n          id\n          kind\n          articleId\n          articleLabel\n          title\n          summary\n          keywords\n          editedByStaff\n          representative {\n            id\n            body\n          }\n          stats {\n            comments\n            participants\n          }\n          disposition {\n            id\n            outcome\n            outcomeLabel\n            standardReason\n            reason\n            status\n            proposedBy\n            replacesApproved\n            revisedArticleId\n            revisedAfter\n          }\n          comments(first: 20) {\n            edges {\n              node {\n                id\n                body\n                channel\n              }\n            }\n            pageInfo {\n              hasNextPage\n            }\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): typeof import('./graphql').ReviewOpinionGroupsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReviewStandardReasons {\n    standardReasons {\n      code\n      label\n    }\n  }\n"): typeof import('./graphql').ReviewStandardReasonsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReviewMergeGroups($into: ID!, $ids: [ID!]!) {\n    mergeGroups(intoGroupId: $into, groupIds: $ids) {\n      id\n    }\n  }\n"): typeof import('./graphql').ReviewMergeGroupsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReviewSplitGroup($groupId: ID!, $commentIds: [ID!]!, $title: String! = \"\") {\n    splitGroup(groupId: $groupId, commentIds: $commentIds, title: $title) {\n      id\n    }\n  }\n"): typeof import('./graphql').ReviewSplitGroupDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReviewMoveComment($commentId: ID!, $toGroupId: ID!) {\n    moveComment(commentId: $commentId, toGroupId: $toGroupId) {\n      id\n    }\n  }\n"): typeof import('./graphql').ReviewMoveCommentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReviewUpdateGroup($groupId: ID!, $title: String, $summary: String) {\n    updateGroup(groupId: $groupId, title: $title, summary: $summary) {\n      id\n    }\n  }\n"): typeof import('./graphql').ReviewUpdateGroupDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReviewSetDisposition($input: DispositionInput!) {\n    setDisposition(input: $input) {\n      id\n      status\n    }\n  }\n"): typeof import('./graphql').ReviewSetDispositionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReviewSetDispositionForGroups(\n    $groupIds: [ID!]!\n    $outcome: Outcome!\n    $reason: String! = \"\"\n    $standardReason: String! = \"\"\n  ) {\n    setDispositionForGroups(groupIds: $groupIds, outcome: $outcome, reason: $reason, standardReason: $standardReason) {\n      id\n      status\n    }\n  }\n"): typeof import('./graphql').ReviewSetDispositionForGroupsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReviewApproveDisposition($ids: [ID!]!) {\n    approveDisposition(dispositionIds: $ids) {\n      id\n      status\n    }\n  }\n"): typeof import('./graphql').ReviewApproveDispositionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReviewStatement($id: ID!, $version: Int) {\n    statement(consultationId: $id, version: $version) {\n      version\n      status\n      correctsVersion\n      correctionNote\n      sha256\n      figures\n      generatedAt\n      publishedAt\n      personalDataFindings {\n        kind\n        excerpt\n      }\n      downloads {\n        format\n        url\n      }\n    }\n    statementGeneration(consultationId: $id) {\n      id\n      status\n      progressDone\n      progressTotal\n      message\n      startedAt\n      finishedAt\n    }\n    decision(consultationId: $id) {\n      decidedOn\n    }\n  }\n"): typeof import('./graphql').ReviewStatementDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReviewGenerateStatement($id: ID!, $correctionNote: String! = \"\") {\n    generateStatement(consultationId: $id, correctionNote: $correctionNote) {\n      id\n      status\n    }\n  }\n"): typeof import('./graphql').ReviewGenerateStatementDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReviewPublishStatement($id: ID!, $version: Int!) {\n    publishStatement(consultationId: $id, version: $version) {\n      version\n      status\n    }\n  }\n"): typeof import('./graphql').ReviewPublishStatementDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReviewPublishDecision($input: PublishDecisionInput!) {\n    publishDecision(input: $input) {\n      decidedOn\n    }\n  }\n"): typeof import('./graphql').ReviewPublishDecisionDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
