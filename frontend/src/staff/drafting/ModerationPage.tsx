import { useId, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams, useSearchParams } from "react-router";
import { request } from "../../api/client";
import { usePaged } from "../../api/usePaged";
import { useQuery } from "../../api/useQuery";
import { ErrorMessage } from "../../components/ErrorMessage";
import { Loading } from "../../components/Loading";
import { usePageTitle } from "../../components/usePageTitle";
import type { Moderation, ModerationQueueQuery } from "../../gql/graphql";
import { formatDateTime } from "../../lib/format";
import { ConfirmAction } from "./ConfirmAction";
import { OfflineCommentForm } from "./OfflineCommentForm";
import { ConsultationTitleDocument, ModerateCommentDocument, ModerationQueueDocument } from "./operations";
import { useAction } from "../useAction";

type Comment = NonNullable<ModerationQueueQuery["consultation"]>["comments"] extends infer C
  ? C extends { edges: { node: infer N }[] } ? N : never
  : never;

export const MODERATION_FILTERS = ["FLAGGED", "ALL", "HIDDEN"] as const;
type Filter = (typeof MODERATION_FILTERS)[number];
const OFFLINE_STATUSES = ["OPEN", "CLOSED", "REVIEWING"];

const selectPage = (data: ModerationQueueQuery) => ({
  nodes: data.consultation?.comments?.edges.map((edge) => edge.node) ?? [],
  endCursor: data.consultation?.comments?.pageInfo.endCursor,
  hasNextPage: data.consultation?.comments?.pageInfo.hasNextPage ?? false,
});

/** /staff/consultations/:id/moderation: flagged comments first; hide with a reason, restore; offline comments. */
export default function ModerationPage() {
  const { t } = useTranslation("drafting");
  const { id = "" } = useParams();
  const [params, setParams] = useSearchParams();
  const filter: Filter = (MODERATION_FILTERS as readonly string[]).includes(params.get("filter") ?? "") ? (params.get("filter") as Filter) : "FLAGGED";
  const [generation, setGeneration] = useState(0);
  const header = useQuery(ConsultationTitleDocument, { id });
  const consultation = header.data?.consultation;
  usePageTitle(t("moderation.title"));
  const selectId = useId();

  return (
    <>
      <p className="breadcrumb">
        <Link to="/staff">{t("list.title")}</Link> › <Link to={`/staff/consultations/${id}`}>{consultation?.title ?? t("workbench.title")}</Link>
      </p>
      <h1>{t("moderation.title")}</h1>
      <ErrorMessage error={header.error} onRetry={header.refetch} />
      <div className="filter">
        <label htmlFor={selectId}>{t("moderation.filterLabel")}</label>
        <select id={selectId} value={filter} onChange={(event) => setParams(event.target.value === "FLAGGED" ? {} : { filter: event.target.value })}>
          {MODERATION_FILTERS.map((value) => (
            <option key={value} value={value}>
              {t(`moderation.filter.${value}`)}
            </option>
          ))}
        </select>
      </div>
      <CommentQueue key={`${filter}-${generation}`} consultationId={id} filter={filter} />
      {consultation && OFFLINE_STATUSES.includes(consultation.status) ? (
        <OfflineCommentForm consultationId={id} articles={consultation.draft?.articles ?? []} onRecorded={() => setGeneration((n) => n + 1)} />
      ) : null}
    </>
  );
}

function CommentQueue({ consultationId, filter }: { consultationId: string; filter: Filter }) {
  const { t } = useTranslation("drafting");
  const variables = useMemo(
    () => ({ id: consultationId, first: 20, moderation: filter === "ALL" ? null : (filter as Moderation) }),
    [consultationId, filter],
  );
  const { items, error, hasMore, loading, loadMore, retry } = usePaged(ModerationQueueDocument, variables, selectPage);
  return (
    <section className="section" aria-labelledby="queue-heading">
      <h2 id="queue-heading">{t(`moderation.filter.${filter}`)}</h2>
      <ErrorMessage error={error} onRetry={retry} />
      {!loading && !error && items.length === 0 ? <p className="empty">{t("moderation.empty")}</p> : null}
      <ul className="cards" aria-busy={loading}>
        {items.map((comment) => (
          <ModeratedComment key={comment.id} comment={comment} />
        ))}
      </ul>
      {loading ? <Loading /> : null}
      {hasMore && !loading ? (
        <button type="button" className="button button-secondary" onClick={() => void loadMore()}>
          {t("list.more")}
        </button>
      ) : null}
    </section>
  );
}

function ModeratedComment({ comment: initial }: { comment: Comment }) {
  const { t } = useTranslation("drafting");
  const [state, setState] = useState({ moderation: initial.moderation, reason: initial.moderationReason });
  const clear = useAction();
  const comment = { ...initial, moderation: state.moderation, moderationReason: state.reason };
  const moderate = async (action: "HIDE" | "RESTORE" | "CLEAR_FLAG", reason = "") => {
    const result = await request(ModerateCommentDocument, { id: comment.id, action, reason });
    setState({ moderation: result.moderateComment.moderation, reason: result.moderateComment.moderationReason });
  };
  return (
    <li className="card" data-testid={`comment-${comment.receiptCode}`}>
      <p className="tags">
        <span className={`tag ${comment.moderation === "VISIBLE" ? "" : "tag-closed"}`}>{t(`moderationState.${comment.moderation}`)}</span>
        <span className="tag">{t(`channel.${comment.channel}`)}</span>
        <span className="tag">{comment.article?.label ?? t("offline.wholeDraft")}</span>
        {comment.isLate ? <span className="tag">{t("moderation.late")}</span> : null}
      </p>
      <blockquote className="comment-body">{comment.body}</blockquote>
      <p className="muted">
        {t("moderation.meta", { code: comment.receiptCode, at: formatDateTime(comment.submittedAt) })}
        {comment.submitterName ? ` · ${comment.submitterName}` : ""}
      </p>
      {comment.flaggedTerms.length > 0 ? <p>{t("moderation.flagged", { terms: comment.flaggedTerms.join("、") })}</p> : null}
      {comment.moderationReason ? <p>{t("moderation.reason", { reason: comment.moderationReason })}</p> : null}
      <div className="actions">
        {comment.moderation === "HIDDEN" ? (
          <ConfirmAction label={t("moderation.restore")} warning={t("moderation.restoreWarning")} confirmLabel={t("moderation.restoreConfirm")} onConfirm={() => moderate("RESTORE")} />
        ) : (
          <ConfirmAction
            danger
            label={t("moderation.hide")}
            warning={t("moderation.hideWarning")}
            reasonLabel={t("moderation.hideReason")}
            confirmLabel={t("moderation.hideConfirm")}
            onConfirm={(reason) => moderate("HIDE", reason)}
          />
        )}
        {comment.moderation === "FLAGGED" ? (
          <button type="button" className="button button-secondary" disabled={clear.busy} onClick={() => void clear.run(() => moderate("CLEAR_FLAG"))}>
            {t("moderation.clearFlag")}
          </button>
        ) : null}
      </div>
      <ErrorMessage error={clear.error} />
    </li>
  );
}
