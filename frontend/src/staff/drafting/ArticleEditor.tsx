import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { request } from "../../api/client";
import { ErrorMessage } from "../../components/ErrorMessage";
import { Field } from "../../components/Field";
import { TextAreaField } from "./FormFields";
import { splitPreview } from "./logic";
import { MergeArticleDocument, SplitArticleDocument, UpdateArticleDocument } from "./operations";
import { useAction } from "../useAction";

export interface ArticleRow {
  id: string;
  position: number;
  label: string;
  heading: string;
  body: string;
}

type Mode = "view" | "edit" | "split";

/** The draft article by article; while editable each can be corrected, split in two or joined with the next. */
export function ArticleEditor({ articles, editable, onChanged }: { articles: readonly ArticleRow[]; editable: boolean; onChanged: () => void }) {
  const { t } = useTranslation("drafting");
  return (
    <ol className="articles" aria-label={t("articles.label")}>
      {articles.map((article, index) => (
        <ArticleItem
          key={article.id}
          article={article}
          heading={article.heading && article.heading !== articles[index - 1]?.heading ? article.heading : ""}
          hasNext={index < articles.length - 1}
          editable={editable}
          onChanged={onChanged}
        />
      ))}
    </ol>
  );
}

function ArticleItem({
  article,
  heading,
  hasNext,
  editable,
  onChanged,
}: {
  article: ArticleRow;
  heading: string;
  hasNext: boolean;
  editable: boolean;
  onChanged: () => void;
}) {
  const { t } = useTranslation("drafting");
  const [mode, setMode] = useState<Mode>("view");
  const merge = useAction();
  const name = article.label || t("articles.unnamed", { n: article.position });
  return (
    <li className="article" data-testid={`article-${article.position}`}>
      {heading ? <p className="chapter">{heading}</p> : null}
      {mode === "edit" ? (
        <EditForm article={article} onDone={() => { setMode("view"); onChanged(); }} onCancel={() => setMode("view")} />
      ) : mode === "split" ? (
        <SplitForm article={article} onDone={() => { setMode("view"); onChanged(); }} onCancel={() => setMode("view")} />
      ) : (
        <>
          <p className="article-body">
            <strong className="article-label">{article.label}</strong> {article.body}
          </p>
          {editable ? (
            <p className="actions">
              <button type="button" className="button button-secondary button-small" onClick={() => setMode("edit")}>
                {t("articles.edit", { name })}
              </button>
              <button type="button" className="button button-secondary button-small" onClick={() => setMode("split")}>
                {t("articles.split", { name })}
              </button>
              {hasNext ? (
                <button
                  type="button"
                  className="button button-secondary button-small"
                  disabled={merge.busy}
                  onClick={() => void merge.run(async () => {
                    await request(MergeArticleDocument, { articleId: article.id });
                    onChanged();
                  })}
                >
                  {t("articles.merge", { name })}
                </button>
              ) : null}
            </p>
          ) : null}
          <ErrorMessage error={merge.error} />
        </>
      )}
    </li>
  );
}

function EditForm({ article, onDone, onCancel }: { article: ArticleRow; onDone: () => void; onCancel: () => void }) {
  const { t } = useTranslation("drafting");
  const [label, setLabel] = useState(article.label);
  const [heading, setHeading] = useState(article.heading);
  const [body, setBody] = useState(article.body);
  const { busy, error, run } = useAction();
  async function save(event: FormEvent) {
    event.preventDefault();
    if (await run(() => request(UpdateArticleDocument, { articleId: article.id, label, heading, body }))) onDone();
  }
  return (
    <form className="form form-wide" aria-label={t("articles.editTitle", { name: article.label })} onSubmit={(event) => void save(event)}>
      <Field label={t("articles.labelField")} value={label} onChange={(event) => setLabel(event.target.value)} />
      <Field label={t("articles.heading")} value={heading} onChange={(event) => setHeading(event.target.value)} />
      <TextAreaField label={t("articles.body")} rows={5} value={body} onChange={(event) => setBody(event.target.value)} />
      <ErrorMessage error={error} />
      <FormButtons busy={busy} submit={t("articles.save")} onCancel={onCancel} />
    </form>
  );
}

function SplitForm({ article, onDone, onCancel }: { article: ArticleRow; onDone: () => void; onCancel: () => void }) {
  const { t } = useTranslation("drafting");
  const [at, setAt] = useState("");
  const [newLabel, setNewLabel] = useState("");
  const { busy, error, run } = useAction();
  const preview = splitPreview(article.body, Number(at));
  async function split(event: FormEvent) {
    event.preventDefault();
    if (await run(() => request(SplitArticleDocument, { articleId: article.id, at: Number(at), newLabel }))) onDone();
  }
  return (
    <form className="form form-wide" aria-label={t("articles.splitTitle", { name: article.label })} onSubmit={(event) => void split(event)}>
      <p className="article-body">{article.body}</p>
      <Field label={t("articles.splitAt")} hint={t("articles.splitAtHint", { n: Array.from(article.body).length })} inputMode="numeric" value={at} onChange={(event) => setAt(event.target.value.replace(/\D/g, ""))} />
      <Field label={t("articles.newLabel")} value={newLabel} onChange={(event) => setNewLabel(event.target.value)} />
      {preview ? (
        <div className="split-preview" aria-live="polite">
          <p>
            <strong>{t("articles.before")}</strong>
            {preview[0]}
          </p>
          <p>
            <strong>{t("articles.after")}</strong>
            {preview[1]}
          </p>
        </div>
      ) : null}
      <ErrorMessage error={error} />
      <FormButtons busy={busy} submit={t("articles.splitSubmit")} onCancel={onCancel} />
    </form>
  );
}

function FormButtons({ busy, submit, onCancel }: { busy: boolean; submit: string; onCancel: () => void }) {
  const { t } = useTranslation("drafting");
  return (
    <p className="actions">
      <button type="submit" className="button" disabled={busy}>
        {submit}
      </button>
      <button type="button" className="button button-secondary" onClick={onCancel}>
        {t("common.cancel")}
      </button>
    </p>
  );
}
