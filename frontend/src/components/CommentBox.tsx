import { useId, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation } from "react-router";
import { ApiError, request } from "../api/client";
import { useSession } from "../auth/session";
import { graphql } from "../gql";
import { DEFAULT_COMMENT_LIMITS, countChars, lengthState, type CommentLimits } from "../lib/chars";
import { draftStorageKey, useCommentDraft } from "../lib/draft";
import { CharCounter } from "./CharCounter";
import { ErrorMessage } from "./ErrorMessage";
import { ReceiptPanel } from "./ReceiptPanel";

export const SubmitCommentDocument = graphql(`
  mutation SubmitComment($consultationId: ID!, $body: String!, $articleId: ID, $idempotencyKey: String) {
    submitComment(consultationId: $consultationId, body: $body, articleId: $articleId, idempotencyKey: $idempotencyKey) {
      receiptCode
      submittedAt
      duplicate
    }
  }
`);

interface Receipt {
  receiptCode: string;
  submittedAt: string;
  duplicate: boolean;
}

/**
 * A comment on one article or on the whole draft. The text is kept on this device until the API
 * acknowledges it with a receipt code; errors show the API's own Chinese message.
 */
export function CommentBox({
  consultationId,
  articleId,
  targetLabel,
  limits = DEFAULT_COMMENT_LIMITS,
}: {
  consultationId: string;
  articleId: string | null;
  /** 第五条, or 草案整体 */
  targetLabel: string;
  limits?: CommentLimits;
}) {
  const { t } = useTranslation();
  const { me } = useSession();
  const location = useLocation();
  const draft = useCommentDraft(draftStorageKey(consultationId, articleId));
  const [error, setError] = useState<ApiError | undefined>();
  const [submitting, setSubmitting] = useState(false);
  const [receipt, setReceipt] = useState<Receipt | undefined>();
  const baseId = useId();
  const fieldId = `${baseId}-body`;
  const counterId = `${baseId}-counter`;
  const hintId = `${baseId}-hint`;
  const errorId = `${baseId}-error`;
  const count = countChars(draft.body);
  const next = `${location.pathname}${location.search}${articleId ? `#article-${articleId}` : "#whole-draft"}`;

  if (receipt) {
    return (
      <ReceiptPanel
        code={receipt.receiptCode}
        submittedAt={receipt.submittedAt}
        duplicate={receipt.duplicate}
        onAnother={() => setReceipt(undefined)}
      />
    );
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (submitting) return;
    const state = lengthState(count, limits);
    if (state !== "ok") {
      const message =
        state === "long"
          ? t("comment.tooLong", { max: limits.maxChars, chars: count })
          : t("comment.tooShort", { min: limits.minChars });
      setError(new ApiError(message, state === "long" ? "TEXT_TOO_LONG" : "TEXT_TOO_SHORT"));
      return;
    }
    setSubmitting(true);
    setError(undefined);
    const idempotencyKey = draft.keyForSubmit();
    try {
      const result = await request(SubmitCommentDocument, {
        consultationId,
        articleId,
        body: draft.body,
        idempotencyKey,
      });
      // Committed on the server: only now is the local copy let go.
      draft.clear();
      setReceipt(result.submitComment);
    } catch (failure) {
      setError(failure instanceof ApiError ? failure : new ApiError(String(failure), "UNKNOWN"));
    } finally {
      setSubmitting(false);
    }
  }

  const describedBy = [hintId, counterId, error ? errorId : ""].filter(Boolean).join(" ");
  return (
    <form className="comment-box" onSubmit={onSubmit} noValidate>
      <label htmlFor={fieldId} className="comment-label">
        {t("comment.label", { target: targetLabel })}
      </label>
      <p id={hintId} className="hint">
        {draft.restored ? t("comment.restored") : t("comment.hint")}
      </p>
      <textarea
        id={fieldId}
        name="body"
        rows={5}
        value={draft.body}
        onChange={(event) => draft.setBody(event.target.value)}
        aria-describedby={describedBy}
        aria-invalid={error && (error.code === "TEXT_TOO_LONG" || error.code === "TEXT_TOO_SHORT") ? true : undefined}
      />
      <CharCounter id={counterId} count={count} limits={limits} />
      {!draft.persisted ? <p className="hint">{t("comment.notPersisted")}</p> : null}
      {error ? (
        <div id={errorId}>
          <ErrorMessage error={error} />
          {error.isTransient ? <p className="hint">{t("comment.keptLocally")}</p> : null}
          {error.code === "CONTACT_NOT_VERIFIED" ? (
            <p>
              <Link to={`/register?step=verify&next=${encodeURIComponent(next)}`}>{t("comment.verifyNow")}</Link>
            </p>
          ) : null}
          {error.code === "UNAUTHENTICATED" ? (
            <p>
              <Link to={`/login?next=${encodeURIComponent(next)}`}>{t("comment.loginToSubmit")}</Link>
            </p>
          ) : null}
        </div>
      ) : null}
      <div className="actions">
        {me ? (
          <button
            type="submit"
            className="button"
            disabled={submitting}
            // Many boxes on one page: the name says which one this submits (and starts with the visible text).
            aria-label={submitting ? undefined : t("comment.submitLabel", { target: targetLabel })}
          >
            {submitting ? t("comment.submitting") : t("comment.submit")}
          </button>
        ) : (
          <Link className="button" to={`/login?next=${encodeURIComponent(next)}`}>
            {t("comment.loginToSubmit")}
          </Link>
        )}
        {draft.body !== "" ? (
          <span className="hint" aria-live="polite">
            {t("comment.savedLocally")}
          </span>
        ) : null}
      </div>
    </form>
  );
}
