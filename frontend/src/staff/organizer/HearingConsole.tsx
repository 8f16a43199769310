import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { useQuery } from "../../api/useQuery";
import { ErrorMessage } from "../../components/ErrorMessage";
import { Loading } from "../../components/Loading";
import { usePageTitle } from "../../components/usePageTitle";
import { formatDateTime } from "../../lib/format";
import NotFound from "../../pages/NotFound";
import { DrawSection } from "./DrawSection";
import { LifecycleActions } from "./LifecycleActions";
import { ObserversSection } from "./ObserversSection";
import { OrganizerHearingDocument } from "./operations";
import { RegistrationsSection } from "./RegistrationsSection";
import { SessionSection } from "./SessionSection";
import type { ConsoleHearing } from "./types";

/** /staff/hearings/:id — one hearing's console, from the draft to the day. */
export default function HearingConsole() {
  const { t } = useTranslation("organizer");
  const { id = "" } = useParams();
  const valid = /^[1-9]\d*$/.test(id);
  const { data, error, refetch } = useQuery(OrganizerHearingDocument, { id }, { skip: !valid });
  // While a change is read back, keep the page as it was instead of flashing "loading".
  const [shown, setShown] = useState<ConsoleHearing>();
  if (data?.hearing && data.hearing !== shown) setShown(data.hearing);
  const h = data?.hearing ?? (shown?.id === id ? shown : undefined);
  usePageTitle(h?.title ?? t("console.title"));

  if (!valid || (data && !data.hearing)) return <NotFound />;
  if (error && !h) return <ErrorMessage error={error} onRetry={refetch} />;
  if (!h) return <Loading />;
  const published = h.status !== "DRAFT";
  const live = published && h.status !== "CANCELLED";
  return (
    <article>
      <p className="breadcrumb">
        <Link to="/staff/hearings">{t("console.back")}</Link>
      </p>
      <h1>{h.title}</h1>
      <p className="tags">
        <span className="tag">{h.kindLabel}</span>
        <span className="tag" data-testid="hearing-status">
          {h.statusLabel}
        </span>
        {h.registrationOpen ? <span className="tag tag-open">{t("console.registrationOpen")}</span> : null}
      </p>
      <ErrorMessage error={error} onRetry={refetch} />
      <dl className="facts">
        <div>
          <dt>{t("console.time")}</dt>
          <dd>{formatDateTime(h.startsAt)}</dd>
        </div>
        <div>
          <dt>{t("console.venue")}</dt>
          <dd>{h.venue}</dd>
        </div>
        <div>
          <dt>{t("console.window")}</dt>
          <dd>{t("console.windowValue", { opens: formatDateTime(h.registrationOpensAt), closes: formatDateTime(h.registrationClosesAt) })}</dd>
        </div>
        <div>
          <dt>{t("console.seats")}</dt>
          <dd>{h.categories.map((c) => `${c.label} ${c.quota}`).join("、")}</dd>
        </div>
        {h.publishedAt ? (
          <div>
            <dt>{t("console.publishedAt")}</dt>
            <dd>
              {formatDateTime(h.publishedAt)} · <Link to={`/hearings/${h.id}`}>{t("console.publicPage")}</Link>
            </dd>
          </div>
        ) : null}
      </dl>
      <LifecycleActions hearing={h} onChanged={refetch} />
      {published ? <RegistrationsSection hearing={h} onChanged={refetch} /> : null}
      {h.status !== "CANCELLED" ? <DrawSection hearing={h} onChanged={refetch} /> : null}
      {h.status !== "CANCELLED" ? <ObserversSection hearing={h} /> : null}
      {live ? <SessionSection hearing={h} onChanged={refetch} /> : null}
    </article>
  );
}
