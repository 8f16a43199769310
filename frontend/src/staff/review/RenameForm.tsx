import { useId, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { request } from "../../api/client";
import { ErrorMessage } from "../../components/ErrorMessage";
import { useAction } from "../useAction";
import { UpdateGroupDocument } from "./operations";
import type { Group } from "./types";

/** Rename a group or write its summary (updateGroup). */
export function RenameForm({ group, onDone, onCancel }: { group: Group; onDone: () => void; onCancel: () => void }) {
  const { t } = useTranslation("review");
  const id = useId();
  const [title, setTitle] = useState(group.title);
  const [summary, setSummary] = useState(group.summary);
  const action = useAction();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const done = await action.run(() => request(UpdateGroupDocument, { groupId: group.id, title, summary }));
    if (done) onDone();
  };

  return (
    <form className="form" onSubmit={submit}>
      <div className="field">
        <label htmlFor={`${id}-title`}>{t("rename.title")}</label>
        <input id={`${id}-title`} value={title} onChange={(event) => setTitle(event.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-summary`}>{t("rename.summary")}</label>
        <textarea id={`${id}-summary`} rows={2} value={summary} onChange={(event) => setSummary(event.target.value)} />
      </div>
      <ErrorMessage error={action.error} />
      <p className="actions">
        <button type="submit" className="button" disabled={action.busy}>
          {t("rename.save")}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t("groups.cancel")}
        </button>
      </p>
    </form>
  );
}
