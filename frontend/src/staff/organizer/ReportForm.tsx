import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { request } from "../../api/client";
import { ErrorMessage } from "../../components/ErrorMessage";
import { TextAreaField } from "./Controls";
import { OrganizerPublishReportDocument } from "./operations";
import { useAction } from "../useAction";

interface Entry {
  id: string;
  position: number;
  speakerName: string;
  speakerCategoryLabel: string;
}

/** Publish the hearing report: a summary, and the organizer's handling text for views that need one. */
export function ReportForm({ hearingId, entries, onPublished }: { hearingId: string; entries: readonly Entry[]; onPublished: () => void }) {
  const { t } = useTranslation("organizer");
  const [summary, setSummary] = useState("");
  const [handlings, setHandlings] = useState<Record<string, string>>({});
  const publish = useAction();

  function submit(event: FormEvent) {
    event.preventDefault();
    const given = Object.entries(handlings)
      .filter(([, text]) => text.trim())
      .map(([entryId, handling]) => ({ entryId, handling }));
    void publish.run(async () => {
      await request(OrganizerPublishReportDocument, { input: { hearingId, summary, handlings: given } });
      onPublished();
    });
  }

  return (
    <form className="form" onSubmit={submit}>
      <h2>{t("report.heading")}</h2>
      <p className="hint">{t("report.hint")}</p>
      <TextAreaField label={t("report.summary")} value={summary} onChange={(e) => setSummary(e.target.value)} />
      {entries.map((e) => (
        <TextAreaField
          key={e.id}
          label={t("report.handling", { position: e.position, speaker: e.speakerName, category: e.speakerCategoryLabel })}
          value={handlings[e.id] ?? ""}
          rows={2}
          onChange={(event) => setHandlings({ ...handlings, [e.id]: event.target.value })}
        />
      ))}
      <ErrorMessage error={publish.error} />
      <button type="submit" className="button" disabled={publish.busy}>
        {t("report.publish")}
      </button>
    </form>
  );
}
