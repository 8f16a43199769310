import { useId, useState, type FormEvent, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { ApiError, request } from "../api/client";
import { useQuery } from "../api/useQuery";
import { useSession } from "../auth/session";
import { ErrorMessage } from "../components/ErrorMessage";
import { Loading } from "../components/Loading";
import { usePageTitle } from "../components/usePageTitle";
import { graphql } from "../gql";
import type { HearingQuery, ParticipantCategory } from "../gql/graphql";
import { formatDateTime, safeHref } from "../lib/format";
import NotFound from "./NotFound";

const HearingDocument = graphql(`
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
`);

export const MyRegistrationFields = graphql(`
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
`);

const RegisterForHearingDocument = graphql(`
  mutation RegisterForHearing($input: RegisterForHearingInput!) {
    registerForHearing(input: $input) {
      ...MyRegistrationFields
    }
  }
`);

export const CancelRegistrationDocument = graphql(`
  mutation CancelRegistration($registrationId: ID!) {
    cancelRegistration(registrationId: $registrationId) {
      ...MyRegistrationFields
    }
  }
`);

type Hearing = NonNullable<HearingQuery["hearing"]>;
export type MyRegistration = NonNullable<Hearing["myRegistration"]>;

/** Categories whose applicants must name the organization they represent. */
const NEEDS_ORGANIZATION: readonly ParticipantCategory[] = ["ENTERPRISE", "SOCIAL_ORGANIZATION"];

export default function HearingPage() {
  const { id = "" } = useParams();
  const valid = /^[1-9]\d*$/.test(id);
  const { data, error, loading, refetch } = useQuery(HearingDocument, { id }, { skip: !valid });
  // After registering or cancelling, the notice is read again: keep showing it meanwhile.
  const [shown, setShown] = useState<{ id: string; hearing: Hearing }>();
  if (data?.hearing && data.hearing !== shown?.hearing) setShown({ id, hearing: data.hearing });
  const hearing = data?.hearing ?? (shown?.id === id ? shown.hearing : undefined);
  usePageTitle(hearing?.title);

  if (!valid || (data && !data.hearing)) return <NotFound />;
  if (error) return <ErrorMessage error={error} onRetry={refetch} />;
  if (!hearing) return <Loading />;
  return (
    <div aria-busy={loading}>
      <HearingView hearing={hearing} onChanged={refetch} />
    </div>
  );
}

function HearingView({ hearing: h, onChanged }: { hearing: Hearing; onChanged: () => void }) {
  const { t } = useTranslation();
  const stream = safeHref(h.streamUrl);
  const [now] = useState(() => Date.now());
  const windowState = h.registrationOpen
    ? "windowOpen"
    : new Date(h.registrationOpensAt).getTime() > now
      ? "windowNotYet"
      : "windowClosed";

  return (
    <article>
      <p className="breadcrumb">
        <Link to="/hearings">{t("hearing.back")}</Link>
      </p>
      <h1>{h.title}</h1>
      <p className="tags">
        <span className="tag">{h.kindLabel}</span>
        <span className="tag">{h.statusLabel}</span>
        {h.registrationOpen ? <span className="tag tag-open">{t("hearing.windowOpen")}</span> : null}
      </p>
      {h.cancelledReason ? (
        <div className="notice notice-error">
          <p>{t("hearing.cancelled", { reason: h.cancelledReason })}</p>
        </div>
      ) : null}

      <section aria-labelledby="notice-heading" className="section">
        <h2 id="notice-heading">{t("hearing.notice")}</h2>
        <dl className="facts">
          <div>
            <dt>{t("hearing.kind")}</dt>
            <dd>{h.kindLabel}</dd>
          </div>
          <div>
            <dt>{t("hearing.unit")}</dt>
            <dd>{h.unit}</dd>
          </div>
          <div>
            <dt>{t("hearing.decisionKind")}</dt>
            <dd>{h.decisionKindLabel}</dd>
          </div>
          <div>
            <dt>{t("hearing.time")}</dt>
            <dd>
              {h.endsAt
                ? t("hearing.timeRange", { starts: formatDateTime(h.startsAt), ends: formatDateTime(h.endsAt) })
                : formatDateTime(h.startsAt)}
            </dd>
          </div>
          <div>
            <dt>{t("hearing.venue")}</dt>
            <dd>{h.venue}</dd>
          </div>
          <div>
            <dt>{t("hearing.public")}</dt>
            <dd>
              {h.isPublic
                ? t("hearing.publicYes", { methods: h.publicMethodsLabel })
                : t("hearing.publicNo", { reason: h.notPublicReason })}
            </dd>
          </div>
          {stream ? (
            <div>
              <dt>{t("hearing.stream")}</dt>
              <dd>
                <a href={stream} rel="noopener noreferrer">
                  {t("hearing.streamLink")}
                </a>
              </dd>
            </div>
          ) : null}
          <div>
            <dt>{t("hearing.window")}</dt>
            <dd>
              {t("hearing.windowValue", {
                opens: formatDateTime(h.registrationOpensAt),
                closes: formatDateTime(h.registrationClosesAt),
              })}{" "}
              <strong>{t(`hearing.${windowState}`)}</strong>
            </dd>
          </div>
          <div>
            <dt>{t("hearing.selectionMethod")}</dt>
            <dd>{t(`hearing.selection.${h.selectionMethod}`)}</dd>
          </div>
          <div>
            <dt>{t("hearing.observers")}</dt>
            <dd>{h.observersInvited ? t("hearing.observersYes") : t("hearing.observersNo")}</dd>
          </div>
          {h.publishedAt ? (
            <div>
              <dt>{t("hearing.publishedAt")}</dt>
              <dd>{formatDateTime(h.publishedAt)}</dd>
            </div>
          ) : null}
          {h.consultationId ? (
            <div>
              <dt>{t("hearing.consultation")}</dt>
              <dd>
                <Link to={`/consultations/${h.consultationId}`}>{t("hearing.consultationLink")}</Link>
              </dd>
            </div>
          ) : null}
        </dl>

        <h3>{t("hearing.categories")}</h3>
        {/* The categories table is narrow: no need to scroll it. */}
        <div>
          <table className="data-table">
            <caption id="categories-caption">{t("hearing.categoriesCaption", { seats: h.seats })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("hearing.category")}</th>
                <th scope="col" className="num">
                  {t("hearing.quota")}
                </th>
              </tr>
            </thead>
            <tbody>
              {h.categories.map((c) => (
                <tr key={c.category}>
                  <th scope="row">{c.label}</th>
                  <td className="num">{c.quota}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>

        {h.selectionRules ? (
          <>
            <h3>{t("hearing.selectionRules")}</h3>
            <p className="text">{h.selectionRules}</p>
          </>
        ) : null}
        {h.agenda ? (
          <>
            <h3>{t("hearing.agenda")}</h3>
            <p className="text">{h.agenda}</p>
          </>
        ) : null}
      </section>

      <RegistrationSection hearing={h} onChanged={onChanged} />
      <ParticipantList hearing={h} />
      {h.draw ? <DrawData draw={h.draw} /> : null}
    </article>
  );
}

function ParticipantList({ hearing: h }: { hearing: Hearing }) {
  const { t } = useTranslation();
  const list = h.participantList;
  return (
    <section aria-labelledby="participants-heading" className="section">
      <h2 id="participants-heading">{t("hearing.participants")}</h2>
      {!list || !h.participantListPublishedAt ? (
        <p className="muted">{t("hearing.participantsNotYet")}</p>
      ) : (
        <>
          <p className="muted">{t("hearing.participantsPublished", { time: formatDateTime(h.participantListPublishedAt) })}</p>
          <p className="hint">{t("hearing.participantsNote")}</p>
          {list.length === 0 ? (
            <p className="empty">{t("hearing.participantsEmpty")}</p>
          ) : (
            // A wide table scrolls sideways on a phone: focusable, so the keyboard can scroll it too.
            // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
            <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="participants-caption">
              <table className="data-table">
                <caption id="participants-caption">{t("hearing.participantsCaption")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("hearing.category")}</th>
                    <th scope="col" className="num">
                      {t("hearing.seat")}
                    </th>
                    <th scope="col">{t("hearing.name")}</th>
                    <th scope="col">{t("hearing.organization")}</th>
                    <th scope="col">{t("hearing.speaks")}</th>
                    <th scope="col">{t("hearing.selectedBy")}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((p) => (
                    <tr key={`${p.category}-${p.seatNumber}`}>
                      <td>{p.categoryLabel}</td>
                      <td className="num">{p.seatNumber}</td>
                      <td>{p.name}</td>
                      <td>{p.organization}</td>
                      <td>{p.wishesToSpeak ? t("hearing.yes") : t("hearing.no")}</td>
                      <td>
                        {p.selectedByLabel}
                        {p.manualReason ? <span className="muted text"> {p.manualReason}</span> : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </section>
  );
}

function CodeList({ codes, label }: { codes: readonly string[] | null | undefined; label: string }) {
  const { t } = useTranslation();
  return (
    <>
      <dt>{label}</dt>
      <dd>
        {codes && codes.length > 0 ? (
          <ol className="codes mono">
            {codes.map((code) => (
              <li key={code}>{code}</li>
            ))}
          </ol>
        ) : (
          t("hearing.none")
        )}
      </dd>
    </>
  );
}

function DrawData({ draw }: { draw: NonNullable<Hearing["draw"]> }) {
  const { t } = useTranslation();
  const download = safeHref(draw.downloadUrl);
  return (
    <section aria-labelledby="draw-heading" className="section">
      <h2 id="draw-heading">{t("hearing.draw")}</h2>
      <p className="text">{t("hearing.drawIntro")}</p>
      <dl className="facts">
        <div>
          <dt>{t("hearing.seedSha256")}</dt>
          <dd className="hash" data-testid="seed-sha256">
            {draw.seedSha256 ?? t("hearing.notCommitted")}
          </dd>
        </div>
        {draw.seedCommittedAt ? (
          <div>
            <dt>{t("hearing.seedCommittedAt")}</dt>
            <dd>{formatDateTime(draw.seedCommittedAt)}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t("hearing.seed")}</dt>
          <dd className="hash" data-testid="seed">
            {draw.seed ?? t("hearing.notDrawn")}
          </dd>
        </div>
        {draw.drawnAt ? (
          <div>
            <dt>{t("hearing.drawnAt")}</dt>
            <dd>{formatDateTime(draw.drawnAt)}</dd>
          </div>
        ) : null}
        {draw.drawnAt ? (
          <div>
            <dt>{t("hearing.documentSha256")}</dt>
            <dd className="hash">{draw.documentSha256}</dd>
          </div>
        ) : null}
      </dl>
      {draw.categories.map((c) => (
        <div key={c.category} className="section">
          <h3>{t("hearing.drawCategory", { label: c.label, quota: c.quota, seats: c.seatsDrawn })}</h3>
          <dl className="facts">
            <div>
              <CodeList codes={c.applicants} label={t("hearing.applicants", { n: c.applicants.length })} />
            </div>
            {c.manuallySelected.length > 0 ? (
              <div>
                <dt>{t("hearing.manuallySelected")}</dt>
                <dd>
                  <ul className="plain">
                    {c.manuallySelected.map((m) => (
                      <li key={m.applicantCode}>{t("hearing.manualReason", { code: m.applicantCode, reason: m.reason })}</li>
                    ))}
                  </ul>
                </dd>
              </div>
            ) : null}
            {c.selected ? (
              <div>
                <CodeList codes={c.selected} label={t("hearing.drawSelected")} />
              </div>
            ) : null}
            {c.waitlist ? (
              <div>
                <CodeList codes={c.waitlist} label={t("hearing.drawWaitlist")} />
              </div>
            ) : null}
          </dl>
        </div>
      ))}
      {download ? (
        <p>
          <a className="button button-secondary" href={download} download>
            {t("hearing.download")}
          </a>
        </p>
      ) : null}
      <h3>{t("hearing.verifyTitle")}</h3>
      <ol>
        <li>{t("hearing.verifyStep1")}</li>
        <li>{t("hearing.verifyStep2")}</li>
        <li>{t("hearing.verifyStep3")}</li>
      </ol>
      <p className="hint">{t("hearing.verifyNote")}</p>
    </section>
  );
}

function RegistrationSection({ hearing: h, onChanged }: { hearing: Hearing; onChanged: () => void }) {
  const { t } = useTranslation();
  const { me } = useSession();
  const mine = h.myRegistration && h.myRegistration.status !== "CANCELLED" ? h.myRegistration : undefined;
  const [notice, setNotice] = useState<string | undefined>();
  const [now] = useState(() => Date.now());

  let body;
  if (mine) {
    body = (
      <RegistrationCard
        registration={mine}
        onCancelled={() => {
          setNotice(t("registration.cancelled"));
          onChanged();
        }}
      />
    );
  } else if (!h.registrationOpen) {
    const opens = new Date(h.registrationOpensAt).getTime();
    body = (
      <p className="muted">
        {opens > now ? t("registration.notOpen", { time: formatDateTime(h.registrationOpensAt) }) : t("registration.closed")}
      </p>
    );
  } else if (!me) {
    body = (
      <div className="notice">
        <p>{t("registration.signIn")}</p>
        <p className="actions">
          <Link className="button" to={`/login?next=${encodeURIComponent(`/hearings/${h.id}`)}`}>
            {t("nav.login")}
          </Link>
          <Link className="button button-secondary" to="/register">
            {t("nav.register")}
          </Link>
        </p>
      </div>
    );
  } else {
    body = (
      <RegistrationForm
        hearing={h}
        onRegistered={() => {
          setNotice(t("registration.registered"));
          onChanged();
        }}
      />
    );
  }

  // A closed window with nothing of the caller's to show: nothing to say beyond the notice above.
  return (
    <section aria-labelledby="registration-heading" className="section">
      <h2 id="registration-heading">{mine ? t("registration.mine") : t("registration.title")}</h2>
      <div aria-live="polite">{notice ? <p className="notice notice-success">{notice}</p> : null}</div>
      {body}
    </section>
  );
}

/** A citizen's own registration: status, applicant code, waitlist place, and cancelling it. */
export function RegistrationCard({
  registration: r,
  onCancelled,
  showHearing = false,
  children,
}: {
  registration: MyRegistration;
  onCancelled: () => void;
  showHearing?: boolean;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | undefined>();

  async function cancel() {
    if (!window.confirm(t("registration.confirmCancel"))) return;
    setBusy(true);
    setError(undefined);
    try {
      await request(CancelRegistrationDocument, { registrationId: r.id });
      onCancelled();
    } catch (failure) {
      setError(failure instanceof ApiError ? failure : new ApiError(String(failure), "UNKNOWN"));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="card">
      {showHearing ? (
        <h2 className="card-title">
          <Link to={`/hearings/${r.hearingId}`}>{r.hearingTitle}</Link>
        </h2>
      ) : null}
      <p className="tags">
        <span className="tag">{r.statusLabel}</span>
      </p>
      <dl className="facts">
        {showHearing ? (
          <div>
            <dt>{t("hearing.time")}</dt>
            <dd>{formatDateTime(r.hearingStartsAt)}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t("registration.categoryLabel")}</dt>
          <dd>{r.categoryLabel}</dd>
        </div>
        <div>
          <dt>{t("registration.applicantCode")}</dt>
          <dd className="mono" data-testid="applicant-code">
            {r.applicantCode}
          </dd>
        </div>
        {r.seatNumber != null ? (
          <div>
            <dt>{t("registration.seatNumber")}</dt>
            <dd>{r.seatNumber}</dd>
          </div>
        ) : null}
        {r.selectedByLabel && r.status === "SELECTED" ? (
          <div>
            <dt>{t("registration.selectedBy")}</dt>
            <dd>{r.selectedByLabel}</dd>
          </div>
        ) : null}
        {r.waitlistPosition != null ? (
          <div>
            <dt>{t("registration.waitlistPosition")}</dt>
            <dd>{t("registration.waitlistValue", { position: r.waitlistPosition, rank: r.waitlistRank ?? "" })}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t("registration.registeredAt")}</dt>
          <dd>{formatDateTime(r.registeredAt)}</dd>
        </div>
      </dl>
      <p className="hint">{t("registration.applicantCodeHint")}</p>
      {children}
      <ErrorMessage error={error} />
      {r.canCancel ? (
        <button type="button" className="button button-secondary" disabled={busy} onClick={() => void cancel()}>
          {t("registration.cancel")}
        </button>
      ) : null}
    </div>
  );
}

type FieldName = "category" | "name" | "organization" | "contact" | "positionSummary";

/** Which field an API error concerns, so it is shown beside that field. */
const ERROR_FIELDS: Record<string, FieldName> = {
  CATEGORY_NOT_OFFERED: "category",
  NAME_INVALID: "name",
  NAME_REQUIRED: "name",
  ORGANIZATION_REQUIRED: "organization",
  CONTACT_INVALID: "contact",
  POSITION_SUMMARY_REQUIRED: "positionSummary",
};

function RegistrationForm({ hearing: h, onRegistered }: { hearing: Hearing; onRegistered: () => void }) {
  const { t } = useTranslation();
  const base = useId();
  const [category, setCategory] = useState<ParticipantCategory>(h.categories[0]?.category ?? "PUBLIC");
  const [name, setName] = useState("");
  const [organization, setOrganization] = useState("");
  const [contact, setContact] = useState("");
  const [wishesToSpeak, setWishesToSpeak] = useState(false);
  const [positionSummary, setPositionSummary] = useState("");
  const [consent, setConsent] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | undefined>();
  const needsOrganization = NEEDS_ORGANIZATION.includes(category);
  const categoryLabel = h.categories.find((c) => c.category === category)?.label ?? "";
  const errorField = error ? ERROR_FIELDS[error.code] : undefined;

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await request(RegisterForHearingDocument, {
        input: {
          hearingId: h.id,
          category,
          name: name.trim(),
          organization: organization.trim(),
          contact: contact.trim() || null,
          wishesToSpeak,
          positionSummary: wishesToSpeak ? positionSummary.trim() : "",
          consentToBeNamed: consent,
        },
      });
      onRegistered();
    } catch (failure) {
      setError(failure instanceof ApiError ? failure : new ApiError(String(failure), "UNKNOWN"));
    } finally {
      setBusy(false);
    }
  }

  const id = (field: string) => `${base}-${field}`;
  const fieldError = (field: FieldName) =>
    errorField === field && error ? (
      <p id={id(`${field}-error`)} className="field-error">
        {error.message}
      </p>
    ) : null;
  const describedBy = (field: FieldName, hint: boolean) =>
    [hint ? id(`${field}-hint`) : "", errorField === field ? id(`${field}-error`) : ""].filter(Boolean).join(" ") || undefined;
  const invalid = (field: FieldName) => (errorField === field ? true : undefined);

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <div className="field">
        <label htmlFor={id("category")}>{t("registration.category")}</label>
        <p id={id("category-hint")} className="hint">
          {t("registration.categoryHint")}
        </p>
        <select
          id={id("category")}
          value={category}
          aria-describedby={describedBy("category", true)}
          aria-invalid={invalid("category")}
          onChange={(event) => setCategory(event.target.value as ParticipantCategory)}
        >
          {h.categories.map((c) => (
            <option key={c.category} value={c.category}>
              {t("registration.categoryOption", { label: c.label, quota: c.quota })}
            </option>
          ))}
        </select>
        {fieldError("category")}
      </div>
      <div className="field">
        <label htmlFor={id("name")}>{t("registration.name")}</label>
        <p id={id("name-hint")} className="hint">
          {t("registration.nameHint")}
        </p>
        <input
          id={id("name")}
          value={name}
          required
          maxLength={100}
          autoComplete="name"
          aria-describedby={describedBy("name", true)}
          aria-invalid={invalid("name")}
          onChange={(event) => setName(event.target.value)}
        />
        {fieldError("name")}
      </div>
      <div className="field">
        <label htmlFor={id("organization")}>{t("registration.organization")}</label>
        <p id={id("organization-hint")} className="hint">
          {needsOrganization
            ? t("registration.organizationRequired", { label: categoryLabel })
            : t("registration.organizationOptional")}
        </p>
        <input
          id={id("organization")}
          value={organization}
          required={needsOrganization}
          maxLength={200}
          autoComplete="organization"
          aria-describedby={describedBy("organization", true)}
          aria-invalid={invalid("organization")}
          onChange={(event) => setOrganization(event.target.value)}
        />
        {fieldError("organization")}
      </div>
      <div className="field">
        <label htmlFor={id("contact")}>{t("registration.contact")}</label>
        <p id={id("contact-hint")} className="hint">
          {t("registration.contactHint")}
        </p>
        <input
          id={id("contact")}
          value={contact}
          autoComplete="tel"
          aria-describedby={describedBy("contact", true)}
          aria-invalid={invalid("contact")}
          onChange={(event) => setContact(event.target.value)}
        />
        {fieldError("contact")}
      </div>
      <div className="field">
        <label className="checkbox">
          <input type="checkbox" checked={wishesToSpeak} onChange={(event) => setWishesToSpeak(event.target.checked)} />
          {t("registration.wishesToSpeak")}
        </label>
      </div>
      {wishesToSpeak ? (
        <div className="field">
          <label htmlFor={id("positionSummary")}>{t("registration.positionSummary")}</label>
          <p id={id("positionSummary-hint")} className="hint">
            {t("registration.positionSummaryHint")}
          </p>
          <textarea
            id={id("positionSummary")}
            value={positionSummary}
            rows={4}
            maxLength={2000}
            required
            aria-describedby={describedBy("positionSummary", true)}
            aria-invalid={invalid("positionSummary")}
            onChange={(event) => setPositionSummary(event.target.value)}
          />
          {fieldError("positionSummary")}
        </div>
      ) : null}
      <fieldset className="field">
        <legend>{t("registration.consentTitle")}</legend>
        <p id={id("consent-hint")} className="hint">
          {t("registration.consentHint")}
        </p>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={consent}
            aria-describedby={id("consent-hint")}
            onChange={(event) => setConsent(event.target.checked)}
          />
          {t("registration.consent")}
        </label>
      </fieldset>
      {error && !errorField ? <ErrorMessage error={error} /> : null}
      <button type="submit" className="button" disabled={busy}>
        {busy ? t("registration.submitting") : t("registration.submit")}
      </button>
    </form>
  );
}
