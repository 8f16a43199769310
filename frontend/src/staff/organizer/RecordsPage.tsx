import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { request } from "../../api/client";
import { useQuery } from "../../api/useQuery";
import { ErrorMessage } from "../../components/ErrorMessage";
import { Loading } from "../../components/Loading";
import { usePageTitle } from "../../components/usePageTitle";
import { formatDateTime } from "../../lib/format";
import NotFound from "../../pages/NotFound";
import { MinutesEntryForm } from "./MinutesEntryForm";
import { OrganizerMinutesDocument, OrganizerSignOffDocument } from "./operations";
import { ReportForm } from "./ReportForm";
import { useAction } from "../useAction";

/** /staff/hearings/:id/records — the minutes (append, sign off) and the hearing report. */
export default function RecordsPage() {
  const { t } = useTranslation("organizer");
  const { id = "" } = useParams();
  const valid = /^[1-9]\d*$/.test(id);
  const { data, error, refetch } = useQuery(OrganizerMinutesDocument, { id }, { skip: !valid });
  const [checked, setChecked] = useState<Set<string>>(new Set());
  const signOff = useAction();
  usePageTitle(t("minutes.title"));
  if (!valid || (data && !data.hearing)) return <NotFound />;
  if (error) return <ErrorMessage error={error} onRetry={refetch} />;
  const h = data?.hearing;
  if (!h) return <Loading />;
  const entries = h.minutes?.entries ?? [];
  const recording = h.status === "IN_SESSION" || h.status === "HELD";
  const toggle = (entryId: string, on: boolean) => {
    const next = new Set(checked);
    if (on) next.add(entryId);
    else next.delete(entryId);
    setChecked(next);
  };

  return (
    <>
      <p className="breadcrumb">
        <Link to={`/staff/hearings/${id}`}>{t("common.back")}</Link>
      </p>
      <h1>{t("minutes.title")}</h1>
      <p className="lead">
        {h.title} · {h.statusLabel}
      </p>
      {h.minutes?.summary ? <p className="text">{h.minutes.summary}</p> : null}
      {entries.length === 0 ? <p className="empty">{t("minutes.empty")}</p> : null}
      <ol className="plain">
        {entries.map((e) => (
          <li key={e.id} className="card">
            <p>
              <strong>
                {t("minutes.entryHead", { position: e.position, stage: e.stageLabel, speaker: e.speakerName, category: e.speakerCategoryLabel })}
              </strong>
            </p>
            <p className="text">{e.mainPoints}</p>
            {e.reasons ? <p className="text">{t("minutes.reasonsValue", { reasons: e.reasons })}</p> : null}
            <p className="muted">
              {e.signedOffAt ? t("minutes.signedAt", { time: formatDateTime(e.signedOffAt) }) : t("minutes.unsigned")}
              {e.commentReceiptCode ? ` · ${t("minutes.receipt", { code: e.commentReceiptCode })}` : ""}
            </p>
            {!e.signedOffAt && recording ? (
              <div className="checkbox">
                <input id={`sign-${e.id}`} type="checkbox" checked={checked.has(e.id)} onChange={(event) => toggle(e.id, event.target.checked)} />
                <label htmlFor={`sign-${e.id}`}>{t("minutes.signThis", { position: e.position })}</label>
              </div>
            ) : null}
          </li>
        ))}
      </ol>
      {checked.size > 0 ? (
        <div className="actions">
          <button
            type="button"
            className="button button-secondary"
            disabled={signOff.busy}
            onClick={() =>
              void signOff.run(async () => {
                await request(OrganizerSignOffDocument, { hearingId: id, entryIds: [...checked] });
                setChecked(new Set());
                refetch();
              })
            }
          >
            {t("minutes.signOff", { count: checked.size })}
          </button>
        </div>
      ) : null}
      <ErrorMessage error={signOff.error} />
      {recording ? <MinutesEntryForm hearingId={id} entries={entries.length} onRecorded={refetch} /> : null}
      {h.status === "HELD" ? (
        <ReportForm hearingId={id} entries={entries.filter((e) => e.speakerCategory !== "DRAFTING_UNIT")} onPublished={refetch} />
      ) : null}
      {h.status === "REPORTED" ? (
        <p className="notice notice-success">
          {t("report.published")} <Link to={`/hearings/${id}`}>{t("console.publicPage")}</Link>
        </p>
      ) : null}
    </>
  );
}
