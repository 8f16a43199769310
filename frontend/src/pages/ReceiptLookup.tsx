import { useId, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { useQuery } from "../api/useQuery";
import { CommentCard } from "../components/CommentCard";
import { ErrorMessage } from "../components/ErrorMessage";
import { Loading } from "../components/Loading";
import { usePageTitle } from "../components/usePageTitle";
import { graphql } from "../gql";

const CommentReceiptDocument = graphql(`
  query CommentReceipt($code: String!) {
    commentReceipt(code: $code) {
      receiptCode
      consultationId
      consultationTitle
      articleLabel
      channel
      body
      submittedAt
      status
      statusLabel
      outcome {
        groupTitle
        disposition
        dispositionLabel
        reason
      }
    }
  }
`);

/** Look a comment up by its receipt code, without signing in. */
export default function ReceiptLookup() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const code = (params.get("code") ?? "").trim();
  const [input, setInput] = useState(code);
  const fieldId = useId();
  const hintId = useId();
  const { data, error, loading, refetch } = useQuery(CommentReceiptDocument, { code }, { skip: code === "" });
  usePageTitle(t("receiptLookup.title"));

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const value = input.trim();
    if (value === code) refetch();
    else setParams(value ? { code: value } : {});
  }

  return (
    <>
      <h1>{t("receiptLookup.title")}</h1>
      <p className="lead">{t("receiptLookup.intro")}</p>
      <form className="form form-inline" onSubmit={onSubmit} role="search">
        <div className="field">
          <label htmlFor={fieldId}>{t("receipt.codeLabel")}</label>
          <input
            id={fieldId}
            name="code"
            value={input}
            onChange={(event) => setInput(event.target.value)}
            aria-describedby={hintId}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            required
          />
          <p id={hintId} className="hint">
            {t("receiptLookup.hint")}
          </p>
        </div>
        <button type="submit" className="button">
          {t("receiptLookup.submit")}
        </button>
      </form>
      <div aria-live="polite">
        {code && loading ? <Loading /> : null}
        <ErrorMessage error={error} onRetry={refetch} />
        {code && !loading && !error && data && !data.commentReceipt ? (
          <div className="notice notice-error" role="alert">
            <p>{t("receiptLookup.notFound")}</p>
          </div>
        ) : null}
        {data?.commentReceipt ? (
          <section aria-label={t("receiptLookup.result")}>
            <CommentCard comment={data.commentReceipt} />
          </section>
        ) : null}
      </div>
    </>
  );
}
