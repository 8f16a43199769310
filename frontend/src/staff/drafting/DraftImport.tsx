import { useId, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { request } from "../../api/client";
import { ErrorMessage } from "../../components/ErrorMessage";
import { Field } from "../../components/Field";
import { TextAreaField } from "./FormFields";
import { docxProblem, fileToBase64 } from "./logic";
import { ImportDraftDocument } from "./operations";
import { useAction } from "../useAction";

type Source = "text" | "docx";

/** Import the draft as a new version: pasted text, or a .docx sent as base64. */
export function DraftImport({ consultationId, hasDraft, onDone }: { consultationId: string; hasDraft: boolean; onDone: () => void }) {
  const { t } = useTranslation("drafting");
  const [source, setSource] = useState<Source>("text");
  const [text, setText] = useState("");
  const [file, setFile] = useState<File>();
  const [note, setNote] = useState("");
  const [fileError, setFileError] = useState<string>();
  const [done, setDone] = useState<number>();
  const { busy, error, run } = useAction();
  const fileId = useId();

  async function submit(event: FormEvent) {
    event.preventDefault();
    setDone(undefined);
    if (source === "docx") {
      const problem = file ? docxProblem(file) : "missing";
      if (problem) {
        setFileError(t(`import.file.${problem}`));
        return;
      }
    }
    await run(async () => {
      const variables =
        source === "text"
          ? { id: consultationId, text, note: note.trim() }
          : { id: consultationId, docxBase64: await fileToBase64(file!), filename: file!.name, note: note.trim() };
      const result = await request(ImportDraftDocument, variables);
      setText("");
      setDone(result.importDraft.number);
      onDone();
    });
  }

  return (
    <form className="form form-wide" aria-labelledby={`${fileId}-title`} onSubmit={(event) => void submit(event)}>
      <h3 id={`${fileId}-title`}>{hasDraft ? t("import.titleAgain") : t("import.title")}</h3>
      <fieldset className="fieldset">
        <legend>{t("import.source")}</legend>
        {(["text", "docx"] as const).map((value) => (
          <label key={value} className="checkbox">
            <input type="radio" name={`${fileId}-source`} value={value} checked={source === value} onChange={() => setSource(value)} />
            {t(`import.${value}`)}
          </label>
        ))}
      </fieldset>
      {source === "text" ? (
        <TextAreaField label={t("import.textLabel")} hint={t("import.textHint")} rows={10} value={text} onChange={(event) => setText(event.target.value)} />
      ) : (
        <div className="field">
          <label htmlFor={fileId}>{t("import.fileLabel")}</label>
          <p id={`${fileId}-hint`} className="hint">
            {t("import.fileHint")}
          </p>
          <input
            id={fileId}
            type="file"
            accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            aria-describedby={`${fileId}-hint${fileError ? ` ${fileId}-error` : ""}`}
            aria-invalid={fileError ? true : undefined}
            onChange={(event) => {
              setFile(event.target.files?.[0]);
              setFileError(undefined);
            }}
          />
          {fileError ? (
            <p id={`${fileId}-error`} className="field-error">
              {fileError}
            </p>
          ) : null}
        </div>
      )}
      <Field label={t("import.note")} value={note} onChange={(event) => setNote(event.target.value)} />
      <ErrorMessage error={error} />
      {done ? (
        <p role="status" className="notice notice-success">
          {t("import.done", { number: done })}
        </p>
      ) : null}
      <button type="submit" className="button" disabled={busy}>
        {t("import.submit")}
      </button>
    </form>
  );
}
