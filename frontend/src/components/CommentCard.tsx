import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { formatDateTime } from "../lib/format";

export interface CommentCardData {
  receiptCode: string;
  consultationId: string;
  consultationTitle: string;
  articleLabel?: string | null;
  body: string;
  submittedAt: string;
  status: string;
  statusLabel: string;
  outcome?: { groupTitle: string; disposition: string; dispositionLabel: string; reason: string } | null;
}

/** One comment with its status and, once the statement is published, what was decided and why. */
export function CommentCard({ comment, headingLevel = 2 }: { comment: CommentCardData; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation();
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <article className="card comment-card">
      <Heading className="card-title">
        <Link to={`/consultations/${comment.consultationId}`}>{comment.consultationTitle}</Link>
      </Heading>
      <p className="tags">
        <span className={`tag tag-status-${comment.status}`}>{comment.statusLabel}</span>
        <span className="tag">{comment.articleLabel ?? t("draft.whole")}</span>
      </p>
      <dl className="facts">
        <div>
          <dt>{t("receipt.codeLabel")}</dt>
          <dd className="mono">{comment.receiptCode}</dd>
        </div>
        <div>
          <dt>{t("myComments.submittedAt")}</dt>
          <dd>{formatDateTime(comment.submittedAt)}</dd>
        </div>
      </dl>
      <blockquote className="comment-body text">{comment.body}</blockquote>
      {comment.outcome ? (
        <div className={`outcome outcome-${comment.outcome.disposition.toLowerCase()}`}>
          <p>
            <strong>{t("outcome.label")}</strong> {comment.outcome.dispositionLabel}
          </p>
          {comment.outcome.reason ? (
            <p className="text">
              <strong>{t("outcome.reason")}</strong> {comment.outcome.reason}
            </p>
          ) : null}
          {comment.outcome.groupTitle ? (
            <p className="muted">{t("outcome.group", { title: comment.outcome.groupTitle })}</p>
          ) : null}
          <p>
            <Link to={`/consultations/${comment.consultationId}/statement`}>{t("outcome.readStatement")}</Link>
          </p>
        </div>
      ) : comment.status !== "received" ? (
        <p className="muted">{t("outcome.pending")}</p>
      ) : null}
    </article>
  );
}
