import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { request } from "../../api/client";
import { ErrorMessage } from "../../components/ErrorMessage";
import { Field } from "../../components/Field";
import type { CommentChannel, SubmitterType } from "../../gql/graphql";
import { newIdempotencyKey } from "../../lib/idempotency";
import { SelectField, TextAreaField } from "./FormFields";
import { RecordOfflineCommentDocument } from "./operations";
import { useAction } from "../useAction";

export const OFFLINE_CHANNELS: CommentChannel[] = ["LETTER", "EMAIL", "PHONE", "SYMPOSIUM", "OTHER"];
const SUBMITTER_TYPES: SubmitterType[] = ["INDIVIDUAL", "ENTERPRISE", "ORGANIZATION", "OTHER"];

interface Draft {
  channel: CommentChannel;
  body: string;
  articleId: string;
  submitterName: string;
  submitterContact: string;
  submitterType: SubmitterType;
  postmarkedOn: string;
  receivedOn: string;
}

const EMPTY: Draft = {
  channel: "LETTER",
  body: "",
  articleId: "",
  submitterName: "",
  submitterContact: "",
  submitterType: "INDIVIDUAL",
  postmarkedOn: "",
  receivedOn: "",
};

/** Record a comment that came by letter, email, phone or at a symposium; it gets a receipt like any other. */
export function OfflineCommentForm({
  consultationId,
  articles,
  onRecorded,
}: {
  consultationId: string;
  articles: readonly { id: string; label: string }[];
  onRecorded: () => void;
}) {
  const { t } = useTranslation("drafting");
  const [draft, setDraft] = useState<Draft>(EMPTY);
  // One key per comment being typed: a retry after a lost answer records it once.
  const [key, setKey] = useState(newIdempotencyKey);
  const [receipt, setReceipt] = useState<string>();
  const { busy, error, run } = useAction();
  const set = <K extends keyof Draft>(name: K, value: Draft[K]) => setDraft((current) => ({ ...current, [name]: value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setReceipt(undefined);
    await run(async () => {
      const result = await request(RecordOfflineCommentDocument, {
        input: {
          consultationId,
          channel: draft.channel,
          body: draft.body,
          articleId: draft.articleId || null,
          submitterName: draft.submitterName.trim(),
          submitterContact: draft.submitterContact.trim(),
          submitterType: draft.submitterType,
          postmarkedOn: draft.postmarkedOn || null,
          receivedOn: draft.receivedOn || null,
          idempotencyKey: key,
        },
      });
      setReceipt(result.recordOfflineComment.receiptCode);
      setDraft(EMPTY);
      setKey(newIdempotencyKey());
      onRecorded();
    });
  }

  return (
    <form className="form" aria-labelledby="offline-heading" onSubmit={(event) => void submit(event)}>
      <h2 id="offline-heading">{t("offline.title")}</h2>
      <SelectField
        label={t("offline.channel")}
        value={draft.channel}
        onChange={(event) => set("channel", event.target.value as CommentChannel)}
        options={OFFLINE_CHANNELS.map((value) => ({ value, label: t(`channel.${value}`) }))}
      />
      {draft.channel === "LETTER" ? (
        <Field label={t("offline.postmarkedOn")} hint={t("offline.postmarkHint")} type="date" value={draft.postmarkedOn} onChange={(event) => set("postmarkedOn", event.target.value)} />
      ) : null}
      <Field label={t("offline.receivedOn")} type="date" value={draft.receivedOn} onChange={(event) => set("receivedOn", event.target.value)} />
      <SelectField
        label={t("offline.article")}
        value={draft.articleId}
        onChange={(event) => set("articleId", event.target.value)}
        options={[{ value: "", label: t("offline.wholeDraft") }, ...articles.map((a) => ({ value: a.id, label: a.label }))]}
      />
      <TextAreaField label={t("offline.body")} rows={5} value={draft.body} onChange={(event) => set("body", event.target.value)} />
      <Field label={t("offline.name")} value={draft.submitterName} onChange={(event) => set("submitterName", event.target.value)} />
      <Field label={t("offline.contact")} hint={t("offline.contactHint")} value={draft.submitterContact} onChange={(event) => set("submitterContact", event.target.value)} />
      <SelectField
        label={t("offline.submitterType")}
        value={draft.submitterType}
        onChange={(event) => set("submitterType", event.target.value as SubmitterType)}
        options={SUBMITTER_TYPES.map((value) => ({ value, label: t(`submitterType.${value}`) }))}
      />
      <ErrorMessage error={error} />
      {receipt ? (
        <p role="status" className="notice notice-success">
          {t("offline.done", { code: receipt })}
        </p>
      ) : null}
      <button type="submit" className="button" disabled={busy}>
        {t("offline.submit")}
      </button>
    </form>
  );
}
