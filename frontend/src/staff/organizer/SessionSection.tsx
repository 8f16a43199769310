import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { request } from "../../api/client";
import { ErrorMessage } from "../../components/ErrorMessage";
import { formatDateTime } from "../../lib/format";
import { TextAreaField } from "./Controls";
import { OrganizerMaterialsDocument, OrganizerOpenHearingDocument } from "./operations";
import type { ConsoleHearing } from "./types";
import { useAction } from "../useAction";

/** Materials delivered (the 7-day rule), opening the hearing, and the way to check-in and the records. */
export function SessionSection({ hearing: h, onChanged }: { hearing: ConsoleHearing; onChanged: () => void }) {
  const { t } = useTranslation("organizer");
  const m = h.materials;
  return (
    <section aria-labelledby="session-heading" className="section">
      <h2 id="session-heading">{t("session.heading")}</h2>
      {m.requiredDays ? <p className="hint">{t("session.sevenDayRule", { days: m.requiredDays })}</p> : null}
      {m.deliveredAt ? (
        <p className={m.onTime || !m.requiredDays ? "notice notice-success" : "notice notice-error"}>
          {t("session.delivered", { time: formatDateTime(m.deliveredAt), days: m.daysBeforeHearing ?? 0 })}
          {m.note ? ` ${m.note}` : ""}
        </p>
      ) : (
        <p className="muted">{t("session.notDelivered")}</p>
      )}
      {m.overrideReason ? <p className="text">{t("session.overrideRecorded", { reason: m.overrideReason })}</p> : null}
      {h.status === "PUBLISHED" ? (
        <>
          <Materials hearingId={h.id} delivered={Boolean(m.deliveredAt)} onChanged={onChanged} />
          <OpenHearing hearingId={h.id} needsReason={Boolean(m.requiredDays) && !m.onTime} onChanged={onChanged} />
        </>
      ) : null}
      {h.openedAt ? <p>{t("session.openedAt", { time: formatDateTime(h.openedAt) })}</p> : null}
      <ul className="plain organizer-links">
        {h.status === "IN_SESSION" || h.status === "PUBLISHED" ? (
          <li>
            <Link to={`/staff/hearings/${h.id}/check-in`}>{t("session.checkInLink")}</Link>
          </li>
        ) : null}
        {h.status === "IN_SESSION" || h.status === "HELD" || h.status === "REPORTED" ? (
          <li>
            <Link to={`/staff/hearings/${h.id}/records`}>{t("session.recordsLink")}</Link>
          </li>
        ) : null}
      </ul>
    </section>
  );
}

function Materials({ hearingId, delivered, onChanged }: { hearingId: string; delivered: boolean; onChanged: () => void }) {
  const { t } = useTranslation("organizer");
  const [note, setNote] = useState("");
  const [notified, setNotified] = useState<number>();
  const send = useAction();
  return (
    <form
      className="form"
      onSubmit={(event) => {
        event.preventDefault();
        void send.run(async () => {
          const result = await request(OrganizerMaterialsDocument, { hearingId, note: delivered ? "" : note });
          setNotified(result.recordMaterialsDelivered.notified);
          onChanged();
        });
      }}
    >
      <h3>{t("session.materials")}</h3>
      {delivered ? (
        <p className="hint">{t("session.resendHint")}</p>
      ) : (
        <TextAreaField label={t("session.materialsNote")} hint={t("session.materialsHint")} value={note} rows={2} onChange={(e) => setNote(e.target.value)} />
      )}
      <ErrorMessage error={send.error} />
      {notified !== undefined ? <p role="status">{t("session.notified", { count: notified })}</p> : null}
      <button type="submit" className="button button-secondary" disabled={send.busy}>
        {delivered ? t("session.resend") : t("session.recordMaterials")}
      </button>
    </form>
  );
}

function OpenHearing({ hearingId, needsReason, onChanged }: { hearingId: string; needsReason: boolean; onChanged: () => void }) {
  const { t } = useTranslation("organizer");
  const [reason, setReason] = useState("");
  const open = useAction();
  return (
    <form
      className="form"
      onSubmit={(event) => {
        event.preventDefault();
        void open.run(async () => {
          await request(OrganizerOpenHearingDocument, { hearingId, overrideReason: reason });
          onChanged();
        });
      }}
    >
      <h3>{t("session.open")}</h3>
      <p className="hint">{t("session.openHint")}</p>
      <TextAreaField
        label={t("session.overrideReason")}
        hint={needsReason ? t("session.overrideNeeded") : t("session.overrideOptional")}
        value={reason}
        rows={2}
        onChange={(e) => setReason(e.target.value)}
      />
      <ErrorMessage error={open.error} />
      <button type="submit" className="button" disabled={open.busy}>
        {t("session.openSubmit")}
      </button>
    </form>
  );
}
