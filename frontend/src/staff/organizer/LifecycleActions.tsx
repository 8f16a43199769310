import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { request } from "../../api/client";
import { ErrorMessage } from "../../components/ErrorMessage";
import { formatDateTime } from "../../lib/format";
import { TextAreaField } from "./Controls";
import { OrganizerCancelHearingDocument, OrganizerPublishHearingDocument } from "./operations";
import { daysUntil } from "./time";
import type { ConsoleHearing } from "./types";
import { useAction } from "../useAction";

/** Edit (draft only), publish the notice (with the notice-period rule) and cancel (with a reason). */
export function LifecycleActions({ hearing: h, onChanged }: { hearing: ConsoleHearing; onChanged: () => void }) {
  const { t } = useTranslation("organizer");
  const publish = useAction();
  const draft = h.status === "DRAFT";
  const [now] = useState(() => Date.now());
  const earliest = new Date(now + h.noticeDays * 86_400_000).toISOString();

  return (
    <section aria-labelledby="lifecycle-heading" className="section">
      <h2 id="lifecycle-heading">{t("lifecycle.heading")}</h2>
      {draft ? (
        <>
          <p className="hint">{t("lifecycle.noticeRule", { days: h.noticeDays, kind: h.decisionKindLabel })}</p>
          <p className="hint">
            {daysUntil(h.startsAt, now) >= h.noticeDays
              ? t("lifecycle.noticeOk", { days: daysUntil(h.startsAt, now) })
              : t("lifecycle.noticeShort", { earliest: formatDateTime(earliest) })}
          </p>
          <p className="hint">{t("lifecycle.rulesFirst", { opens: formatDateTime(h.registrationOpensAt) })}</p>
          <div className="actions">
            <Link className="button button-secondary" to={`/staff/hearings/${h.id}/edit`}>
              {t("lifecycle.edit")}
            </Link>
            <button
              type="button"
              className="button"
              disabled={publish.busy}
              onClick={() =>
                void publish.run(async () => {
                  await request(OrganizerPublishHearingDocument, { hearingId: h.id });
                  onChanged();
                })
              }
            >
              {t("lifecycle.publish")}
            </button>
          </div>
          <ErrorMessage error={publish.error} />
        </>
      ) : null}
      {h.status === "DRAFT" || h.status === "PUBLISHED" ? <CancelHearing hearingId={h.id} onChanged={onChanged} /> : null}
      {h.cancelledReason ? <p className="notice notice-error">{t("lifecycle.cancelled", { reason: h.cancelledReason })}</p> : null}
    </section>
  );
}

function CancelHearing({ hearingId, onChanged }: { hearingId: string; onChanged: () => void }) {
  const { t } = useTranslation("organizer");
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const cancel = useAction();
  if (!open)
    return (
      <div className="actions">
        <button type="button" className="button button-secondary" onClick={() => setOpen(true)}>
          {t("lifecycle.cancel")}
        </button>
      </div>
    );
  return (
    <form
      className="form"
      onSubmit={(event) => {
        event.preventDefault();
        if (!window.confirm(t("lifecycle.cancelConfirm"))) return;
        void cancel.run(async () => {
          await request(OrganizerCancelHearingDocument, { hearingId, reason });
          setOpen(false);
          onChanged();
        });
      }}
    >
      <TextAreaField label={t("lifecycle.cancelReason")} hint={t("lifecycle.cancelHint")} value={reason} rows={2} onChange={(e) => setReason(e.target.value)} />
      <ErrorMessage error={cancel.error} />
      <div className="actions">
        <button type="submit" className="button" disabled={cancel.busy}>
          {t("lifecycle.cancelSubmit")}
        </button>
        <button type="button" className="button button-secondary" onClick={() => setOpen(false)}>
          {t("common.close")}
        </button>
      </div>
    </form>
  );
}
