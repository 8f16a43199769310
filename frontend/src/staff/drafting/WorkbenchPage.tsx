import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { useQuery } from "../../api/useQuery";
import { useKeptQuery } from "./useKeptQuery";
import { useSession } from "../../auth/session";
import { ErrorMessage } from "../../components/ErrorMessage";
import { Loading } from "../../components/Loading";
import { usePageTitle } from "../../components/usePageTitle";
import type { WorkbenchQuery } from "../../gql/graphql";
import { formatDate, formatDateTime } from "../../lib/format";
import { ArticleEditor } from "./ArticleEditor";
import { DraftImport } from "./DraftImport";
import { EndSection } from "./EndSection";
import { rolesOn } from "../units";
import { reviewStageReached } from "./logic";
import { NoticeSection } from "./NoticeSection";
import { StaffUnitsDocument, WorkbenchDocument } from "./operations";
import { PublishSection } from "./PublishSection";
import { ReviewSection } from "./ReviewSection";

type Consultation = NonNullable<WorkbenchQuery["consultation"]>;

/** /staff/consultations/:id: one consultation from draft to publication, and its end. */
export default function WorkbenchPage() {
  const { t } = useTranslation("drafting");
  const { id = "" } = useParams();
  const { me } = useSession();
  const query = useKeptQuery(WorkbenchDocument, { id });
  const units = useQuery(StaffUnitsDocument, {});
  const consultation = query.data?.consultation;
  const [openedAt] = useState(Date.now);
  usePageTitle(consultation?.title ?? t("workbench.title"));

  if (query.error && !query.data) return <ErrorMessage error={query.error} onRetry={query.refetch} />;
  if (!query.data || !units.data) return <Loading />;
  if (!consultation) return <NotFound />;

  const roles = rolesOn(me, consultation.unitId, units.data.units);
  const canDraft = roles.has("DRAFTER");
  const canReview = canDraft || roles.has("REVIEWER") || roles.has("APPROVER");
  const status = consultation.status;
  const draftEditable = canDraft && (status === "DRAFT" || status === "IN_REVIEW");
  const pastDeadline = consultation.closesAt ? new Date(consultation.closesAt).getTime() <= openedAt : false;
  const refresh = query.refetch;

  return (
    <>
      <p className="breadcrumb">
        <Link to="/staff">{t("list.title")}</Link>
      </p>
      <h1>{consultation.title}</h1>
      <Summary consultation={consultation} />
      <nav aria-label={t("workbench.links")}>
        <ul className="links-row">
          <li>
            <Link to={`/staff/consultations/${id}/moderation`}>{t("workbench.moderation")}</Link>
          </li>
          <li>
            <Link to={`/staff/consultations/${id}/audit`}>{t("workbench.audit")}</Link>
          </li>
          {reviewStageReached(status) ? (
            <li>
              <Link to={`/staff/consultations/${id}/review`}>{t("workbench.review")}</Link>
            </li>
          ) : null}
          {status !== "DRAFT" && status !== "IN_REVIEW" ? (
            <li>
              <Link to={`/consultations/${id}`}>{t("workbench.public")}</Link>
            </li>
          ) : null}
        </ul>
      </nav>
      <NoticeSection key={`${consultation.title}-${status}`} consultation={consultation} editable={canDraft && status === "DRAFT"} onDone={refresh} />
      <section className="section" aria-labelledby="draft-heading">
        <h2 id="draft-heading">{t("draft.title")}</h2>
        {consultation.draft ? (
          <>
            <p className="muted">
              {t("draft.version", { number: consultation.draft.number, n: consultation.draft.articles.length })}
            </p>
            {consultation.draft.preamble ? <p className="draft-preamble">{consultation.draft.preamble}</p> : null}
            <ArticleEditor articles={consultation.draft.articles} editable={draftEditable} onChanged={refresh} />
          </>
        ) : (
          <p className="empty">{t("draft.none")}</p>
        )}
        {canDraft && ["DRAFT", "IN_REVIEW", "OPEN"].includes(status) ? (
          <DraftImport consultationId={id} hasDraft={Boolean(consultation.draft)} onDone={refresh} />
        ) : null}
      </section>
      <ReviewSection
        consultationId={id}
        status={status}
        currentVersionId={consultation.draft?.id}
        reviews={consultation.reviews ?? []}
        canDraft={canDraft}
        canReview={canReview}
        onDone={refresh}
      />
      {status === "IN_REVIEW" && (canDraft || roles.has("APPROVER")) ? (
        <PublishSection
          key={`${consultation.draft?.id}-${(consultation.reviews ?? []).map((r) => r.id).join(",")}`}
          consultationId={id}
          minimumPeriod={consultation.minimumPeriod}
          onDone={refresh}
        />
      ) : null}
      <EndSection consultationId={id} status={status} roles={roles} pastDeadline={pastDeadline} onDone={refresh} />
    </>
  );
}

function Summary({ consultation }: { consultation: Consultation }) {
  const { t } = useTranslation("drafting");
  return (
    <>
      <p className="tags">
        <span className={`tag tag-${consultation.status === "OPEN" ? "open" : "closed"}`} data-testid="status">
          {consultation.statusLabel}
        </span>
        <span className="tag">{consultation.kindLabel}</span>
      </p>
      <dl className="facts">
        <div>
          <dt>{t("facts.unit")}</dt>
          <dd>{consultation.unit}</dd>
        </div>
        <div>
          <dt>{t("facts.window")}</dt>
          <dd>
            {consultation.opensAt && consultation.closingDate
              ? t("facts.windowValue", { from: formatDateTime(consultation.opensAt), date: formatDate(consultation.closingDate) })
              : t("facts.windowNone", { period: consultation.minimumPeriod })}
          </dd>
        </div>
        <div>
          <dt>{t("facts.comments")}</dt>
          <dd>{t("facts.commentCount", { n: consultation.commentCount })}</dd>
        </div>
        {consultation.shortenedReason ? (
          <div>
            <dt>{t("facts.shortenedReason")}</dt>
            <dd>{consultation.shortenedReason}</dd>
          </div>
        ) : null}
        {consultation.withdrawnReason ? (
          <div>
            <dt>{t("facts.withdrawnReason")}</dt>
            <dd>{consultation.withdrawnReason}</dd>
          </div>
        ) : null}
      </dl>
    </>
  );
}

export function NotFound() {
  const { t } = useTranslation("drafting");
  return (
    <>
      <h1>{t("workbench.notFoundTitle")}</h1>
      <p>{t("workbench.notFound")}</p>
      <p>
        <Link to="/staff">{t("list.title")}</Link>
      </p>
    </>
  );
}
