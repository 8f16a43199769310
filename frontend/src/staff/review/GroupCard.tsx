import { useState } from "react";
import { useTranslation } from "react-i18next";
import { request } from "../../api/client";
import { ErrorMessage } from "../../components/ErrorMessage";
import type { Outcome } from "../../gql/graphql";
import type { DispositionValues } from "./disposition";
import { DispositionForm, type StandardReason } from "./DispositionForm";
import { DispositionState } from "./DispositionState";
import { GroupComments } from "./GroupComments";
import { useAction } from "../useAction";
import { ApproveDispositionDocument, SetDispositionDocument } from "./operations";
import { RenameForm } from "./RenameForm";
import type { ReviewAbilities } from "./roles";
import type { Group } from "./types";

type Panel = "none" | "decide" | "rename" | "comments";

/** One opinion group: what it holds, its disposition, and what staff may do with it. */
export function GroupCard({
  group,
  selected,
  onSelect,
  can,
  myId,
  reasons,
  targets,
  onChanged,
}: {
  group: Group;
  selected: boolean;
  onSelect: (on: boolean) => void;
  can: ReviewAbilities;
  myId?: string;
  reasons: StandardReason[];
  targets: Group[];
  onChanged: () => void;
}) {
  const { t } = useTranslation("review");
  const [panel, setPanel] = useState<Panel>("none");
  const action = useAction();
  const headingId = `group-${group.id}-title`;
  const disposition = group.disposition;
  const isTopic = group.kind === "TOPIC";
  const toggle = (next: Panel) => setPanel(panel === next ? "none" : next);
  const done = () => {
    setPanel("none");
    onChanged();
  };

  const decide = async ({ revisedAfter, ...values }: DispositionValues & { outcome: Outcome }) => {
    // A revision names the group's article; adopting without new text revises nothing.
    const revision = revisedAfter && group.articleId ? { revisedArticleId: group.articleId, revisedAfter } : {};
    const input = { groupId: group.id, ...values, ...revision };
    const saved = await action.run(() => request(SetDispositionDocument, { input }));
    if (saved) done();
  };
  const approve = async () => {
    if (!disposition) return;
    const saved = await action.run(() => request(ApproveDispositionDocument, { ids: [disposition.id] }));
    if (saved) onChanged();
  };

  return (
    <article className="card review-group" aria-labelledby={headingId} data-testid={`group-${group.id}`}>
      <div className="review-group-head">
        <input
          type="checkbox"
          aria-label={t("groups.select", { title: group.title })}
          checked={selected}
          onChange={(event) => onSelect(event.target.checked)}
        />
        <h3 id={headingId} className="card-title">
          {group.title}
        </h3>
      </div>
      <p className="tags">
        <span className="tag">{t(`filters.${group.kind}`)}</span>
        <span className="tag">{group.articleLabel ?? t("groups.wholeDraft")}</span>
        <span className="tag">{t("groups.stats", group.stats)}</span>
        {group.editedByStaff ? <span className="tag">{t("groups.edited")}</span> : null}
        <span className="muted">#{group.id}</span>
      </p>
      {group.keywords.length > 0 ? (
        <p className="hint">
          {t("groups.keywords")}：{group.keywords.join("、")}
        </p>
      ) : null}
      {group.summary ? (
        <p className="text">
          {t("groups.summary")}：{group.summary}
        </p>
      ) : null}
      {group.representative ? (
        <blockquote className="text review-representative" aria-label={t("groups.representative")}>
          {group.representative.body}
        </blockquote>
      ) : null}
      <DispositionState group={group} myId={myId} reasons={reasons} />
      <p className="actions">
        <button type="button" className="button button-small button-secondary" aria-expanded={panel === "comments"} onClick={() => toggle("comments")}>
          {panel === "comments" ? t("groups.hideComments") : t("groups.showComments", { count: group.stats.comments })}
        </button>
        {can.organize ? (
          <button type="button" className="button button-small button-secondary" aria-expanded={panel === "rename"} onClick={() => toggle("rename")}>
            {t("groups.rename")}
          </button>
        ) : null}
        {can.propose && isTopic ? (
          <button type="button" className="button button-small" aria-expanded={panel === "decide"} onClick={() => toggle("decide")}>
            {disposition ? t("groups.changeDecision") : t("groups.decide")}
          </button>
        ) : null}
        {can.approve && disposition?.status === "PROPOSED" ? (
          <button type="button" className="button button-small" disabled={action.busy} onClick={approve}>
            {t("groups.approve")}
          </button>
        ) : null}
      </p>
      <ErrorMessage error={action.error} />
      {panel === "decide" ? (
        <DispositionForm
          reasons={reasons}
          initial={disposition ?? undefined}
          revisable={group.articleLabel ?? undefined}
          submitLabel={t("disposition.submit")}
          busy={action.busy}
          onSubmit={decide}
          onCancel={() => setPanel("none")}
        />
      ) : null}
      {panel === "rename" ? <RenameForm group={group} onDone={done} onCancel={() => setPanel("none")} /> : null}
      {panel === "comments" ? (
        <GroupComments group={group} targets={targets} canOrganize={can.organize} onChanged={done} />
      ) : null}
    </article>
  );
}
