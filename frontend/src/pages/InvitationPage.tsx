import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { ApiError, request } from "../api/client";
import { useQuery } from "../api/useQuery";
import { ErrorMessage } from "../components/ErrorMessage";
import { Loading } from "../components/Loading";
import { QrImage } from "../components/QrImage";
import { usePageTitle } from "../components/usePageTitle";
import { graphql } from "../gql";
import type { InvitationQuery, RespondToInvitationMutation } from "../gql/graphql";
import { formatDateTime, safeHref } from "../lib/format";

const InvitationDocument = graphql(`
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
`);

const RespondToInvitationDocument = graphql(`
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
`);

type Invitation = NonNullable<InvitationQuery["invitation"]>;
type Response = RespondToInvitationMutation["respondToInvitation"];

/** Codes whose meaning the page explains beside the API's own message. */
export const INVITATION_ERRORS = ["INVITATION_NOT_FOUND", "INVITATION_EXPIRED", "INVITATION_WITHDRAWN"] as const;

/** The observer's personal invitation link: no account, the token is the key. */
export default function InvitationPage() {
  const { t } = useTranslation();
  const { token = "" } = useParams();
  const { data, error, loading, refetch } = useQuery(InvitationDocument, { token }, { skip: token === "" });
  usePageTitle(t("invitation.title"));

  return (
    <>
      <h1>{t("invitation.title")}</h1>
      {error ? <ErrorMessage error={error} onRetry={refetch} /> : null}
      {!error && (loading || !data) && token ? <Loading /> : null}
      {token === "" || (data && !data.invitation) ? (
        <div className="notice notice-error" role="alert">
          <p>{t("invitation.error.INVITATION_NOT_FOUND")}</p>
        </div>
      ) : null}
      {data?.invitation ? <InvitationView token={token} invitation={data.invitation} onStale={refetch} /> : null}
    </>
  );
}

function InvitationView({ token, invitation, onStale }: { token: string; invitation: Invitation; onStale: () => void }) {
  const { t } = useTranslation();
  const h = invitation.hearing;
  const stream = safeHref(h.streamUrl);
  // The answer as the mutation returned it, until the invitation is read again.
  const [answer, setAnswer] = useState<Response | undefined>();
  const current = { ...invitation, ...answer };

  return (
    <article>
      <p>{t("invitation.greeting", { name: invitation.name })}</p>
      <p className="lead">{t("invitation.intro", { unit: h.unit, category: invitation.categoryLabel, kind: h.kindLabel })}</p>
      {h.cancelledReason ? (
        <div className="notice notice-error">
          <p>{t("invitation.cancelled", { reason: h.cancelledReason })}</p>
        </div>
      ) : null}
      <dl className="facts">
        <div>
          <dt>{t("invitation.hearing")}</dt>
          <dd>{h.title}</dd>
        </div>
        <div>
          <dt>{t("invitation.kind")}</dt>
          <dd>{h.kindLabel}</dd>
        </div>
        <div>
          <dt>{t("invitation.time")}</dt>
          <dd>
            {h.endsAt
              ? t("hearing.timeRange", { starts: formatDateTime(h.startsAt), ends: formatDateTime(h.endsAt) })
              : formatDateTime(h.startsAt)}
          </dd>
        </div>
        <div>
          <dt>{t("invitation.venue")}</dt>
          <dd>{h.venue}</dd>
        </div>
        {stream ? (
          <div>
            <dt>{t("invitation.stream")}</dt>
            <dd>
              <a href={stream} rel="noopener noreferrer">
                {t("hearing.streamLink")}
              </a>
            </dd>
          </div>
        ) : null}
        <div>
          <dt>{t("invitation.category")}</dt>
          <dd>{invitation.categoryLabel}</dd>
        </div>
        {invitation.organization ? (
          <div>
            <dt>{t("invitation.organization")}</dt>
            <dd>{invitation.organization}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t("invitation.hearingStatus")}</dt>
          <dd>{h.statusLabel}</dd>
        </div>
        <div>
          <dt>{t("invitation.status")}</dt>
          <dd data-testid="invitation-status">{current.statusLabel}</dd>
        </div>
        <div>
          <dt>{t("invitation.expiresAt")}</dt>
          <dd>{formatDateTime(invitation.expiresAt)}</dd>
        </div>
      </dl>
      {h.agenda ? (
        <details className="section details">
          <summary>{t("invitation.agenda")}</summary>
          <p className="text">{h.agenda}</p>
        </details>
      ) : null}

      {current.status === "WITHDRAWN" ? (
        <div className="notice notice-error" role="status">
          <p>
            {invitation.withdrawnReason
              ? t("invitation.withdrawn", { reason: invitation.withdrawnReason })
              : t("invitation.withdrawnNoReason")}
          </p>
        </div>
      ) : null}

      {current.status === "ACCEPTED" && current.checkInCode ? (
        <section aria-labelledby="checkin-heading" className="section receipt">
          <h2 id="checkin-heading">{t("invitation.checkIn")}</h2>
          <p className="receipt-code mono" data-testid="check-in-code">
            {current.checkInCode}
          </p>
          {current.checkInQrSvg ? (
            <QrImage svg={current.checkInQrSvg} alt={t("invitation.qrAlt", { code: current.checkInCode })} />
          ) : null}
          <p className="hint">{t("invitation.checkInHint")}</p>
        </section>
      ) : null}

      {current.status !== "WITHDRAWN" ? (
        <RespondForm
          token={token}
          current={current}
          onAnswer={setAnswer}
          onStale={() => {
            setAnswer(undefined);
            onStale();
          }}
        />
      ) : null}
    </article>
  );
}

function RespondForm({
  token,
  current,
  onAnswer,
  onStale,
}: {
  token: string;
  current: Pick<Invitation, "status" | "canRespond" | "responseNote" | "respondedAt">;
  onAnswer: (answer: Response) => void;
  onStale: () => void;
}) {
  const { t } = useTranslation();
  const noteId = useId();
  const hintId = useId();
  const [note, setNote] = useState(current.responseNote);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | undefined>();

  async function respond(accept: boolean) {
    setBusy(true);
    setError(undefined);
    try {
      const result = await request(RespondToInvitationDocument, { token, accept, note: note.trim() });
      onAnswer(result.respondToInvitation);
    } catch (failure) {
      setError(failure instanceof ApiError ? failure : new ApiError(String(failure), "UNKNOWN"));
    } finally {
      setBusy(false);
    }
  }

  const explained = INVITATION_ERRORS.find((code) => code === error?.code);

  return (
    <section aria-labelledby="respond-heading" className="section">
      <h2 id="respond-heading">{t("invitation.respondTitle")}</h2>
      <div aria-live="polite">
        {current.status === "ACCEPTED" ? <p className="notice notice-success">{t("invitation.accepted")}</p> : null}
        {current.status === "DECLINED" ? <p className="notice notice-info">{t("invitation.declined")}</p> : null}
        {current.respondedAt ? <p className="muted">{t("invitation.respondedAt", { time: formatDateTime(current.respondedAt) })}</p> : null}
        {current.responseNote && !current.canRespond ? <p className="text">{t("invitation.yourNote", { note: current.responseNote })}</p> : null}
      </div>
      {error ? (
        <>
          <ErrorMessage error={error} onRetry={() => setError(undefined)} />
          {explained ? (
            <div className="notice notice-info">
              <p>{t(`invitation.error.${explained}`)}</p>
              <button type="button" className="button button-secondary" onClick={onStale}>
                {t("common.retry")}
              </button>
            </div>
          ) : null}
        </>
      ) : null}
      {current.canRespond ? (
        <form className="form" onSubmit={(event) => event.preventDefault()}>
          <div className="field">
            <label htmlFor={noteId}>{t("invitation.note")}</label>
            <p id={hintId} className="hint">
              {t("invitation.noteHint")}
            </p>
            <textarea
              id={noteId}
              value={note}
              maxLength={500}
              rows={3}
              aria-describedby={hintId}
              onChange={(event) => setNote(event.target.value)}
            />
          </div>
          <p className="actions">
            <button type="button" className="button" disabled={busy} onClick={() => void respond(true)}>
              {t("invitation.accept")}
            </button>
            <button type="button" className="button button-secondary" disabled={busy} onClick={() => void respond(false)}>
              {t("invitation.decline")}
            </button>
          </p>
          <p className="hint">{t("invitation.changeHint")}</p>
        </form>
      ) : (
        <p className="notice notice-info">{t("invitation.cannotRespond")}</p>
      )}
    </section>
  );
}
