import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { request } from "../../api/client";
import { useQuery } from "../../api/useQuery";
import { ErrorMessage } from "../../components/ErrorMessage";
import { Field } from "../../components/Field";
import { Loading } from "../../components/Loading";
import { formatDate } from "../../lib/format";
import { TextAreaField } from "./FormFields";
import { PublishChecksDocument, PublishDocument } from "./operations";
import { PublishCheckList } from "./PublishCheckList";
import { useAction } from "../useAction";

interface ChannelRow {
  channel: string;
  url: string;
}

/** Publishing: the period and channels, the rule checks shown as they stand, then the button. */
export function PublishSection({ consultationId, minimumPeriod, onDone }: { consultationId: string; minimumPeriod: string; onDone: () => void }) {
  const { t } = useTranslation("drafting");
  const [closingDate, setClosingDate] = useState("");
  const [reason, setReason] = useState("");
  // The checks follow the reason once it is typed (on leaving the field), not at every keystroke.
  const [checkedReason, setCheckedReason] = useState("");
  const [channels, setChannels] = useState<ChannelRow[]>([{ channel: t("publish.defaultChannel"), url: "" }]);
  const checksQuery = useQuery(PublishChecksDocument, {
    id: consultationId,
    closingDate: closingDate || null,
    shortenedReason: checkedReason,
  });
  const checks = checksQuery.data?.consultation?.publishChecks;
  const { busy, error, run } = useAction();
  const checksId = useId();

  const publish = () =>
    run(async () => {
      await request(PublishDocument, {
        id: consultationId,
        closingDate: closingDate || null,
        shortenedReason: reason.trim(),
        channels: channels
          .filter((row) => row.channel.trim())
          .map((row) => ({ channel: row.channel.trim(), url: row.url.trim() })),
      });
      onDone();
    });

  const setChannel = (index: number, change: Partial<ChannelRow>) =>
    setChannels((rows) => rows.map((row, i) => (i === index ? { ...row, ...change } : row)));

  return (
    <section className="section" aria-labelledby="publish-heading">
      <h2 id="publish-heading">{t("publish.title")}</h2>
      <p>{t("publish.intro", { period: minimumPeriod })}</p>
      <Field
        label={t("publish.closingDate")}
        hint={checks ? t("publish.closingDateHint", { date: formatDate(checks.minimumClosingDate) }) : undefined}
        type="date"
        value={closingDate}
        onChange={(event) => setClosingDate(event.target.value)}
      />
      {checks?.shortened || reason ? (
        <TextAreaField
          label={t("publish.shortenedReason")}
          hint={t("publish.shortenedReasonHint")}
          rows={2}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          onBlur={() => setCheckedReason(reason.trim())}
        />
      ) : null}
      <fieldset className="fieldset">
        <legend>{t("publish.channels")}</legend>
        {channels.map((row, index) => (
          <div key={index} className="channel-row">
            <Field label={t("publish.channelName", { n: index + 1 })} value={row.channel} onChange={(event) => setChannel(index, { channel: event.target.value })} />
            <Field label={t("publish.channelUrl", { n: index + 1 })} value={row.url} onChange={(event) => setChannel(index, { url: event.target.value })} />
            <button type="button" className="button button-secondary button-small" onClick={() => setChannels((rows) => rows.filter((_, i) => i !== index))}>
              {t("publish.removeChannel", { n: index + 1 })}
            </button>
          </div>
        ))}
        <button type="button" className="button button-secondary button-small" onClick={() => setChannels((rows) => [...rows, { channel: "", url: "" }])}>
          {t("publish.addChannel")}
        </button>
      </fieldset>
      <h3>{t("publish.checksTitle")}</h3>
      <ErrorMessage error={checksQuery.error} onRetry={checksQuery.refetch} />
      {checks ? <PublishCheckList checks={checks} id={checksId} /> : <Loading />}
      <ErrorMessage error={error} />
      <p className="actions">
        <button type="button" className="button" disabled={busy || !checks?.ready} aria-describedby={checksId} onClick={() => void publish()}>
          {t("publish.submit")}
        </button>
      </p>
    </section>
  );
}
