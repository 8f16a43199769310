import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { request } from "../../api/client";
import { ErrorMessage } from "../../components/ErrorMessage";
import { useAction } from "../useAction";
import { MoveCommentDocument, SplitGroupDocument } from "./operations";
import type { Group } from "./types";

/** A group's comments (text, never HTML), with split (choose comments) and move (to another group). */
export function GroupComments({
  group,
  targets,
  canOrganize,
  onChanged,
}: {
  group: Group;
  targets: Group[];
  canOrganize: boolean;
  onChanged: () => void;
}) {
  const { t } = useTranslation("review");
  const id = useId();
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [title, setTitle] = useState("");
  const action = useAction();
  const comments = group.comments.edges.map((edge) => edge.node);

  const toggle = (commentId: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(commentId);
    else next.delete(commentId);
    setChosen(next);
  };
  const split = async () => {
    const done = await action.run(() =>
      request(SplitGroupDocument, { groupId: group.id, commentIds: [...chosen], title: title.trim() }),
    );
    if (done) onChanged();
  };
  const move = async (commentId: string, toGroupId: string) => {
    const done = await action.run(() => request(MoveCommentDocument, { commentId, toGroupId }));
    if (done) onChanged();
  };

  return (
    <div className="review-comments">
      <ol aria-label={t("comments.label")}>
        {comments.map((comment) => (
          <li key={comment.id}>
            <p className="text">{comment.body}</p>
            {canOrganize ? (
              <div className="form-inline">
                <label className="checkbox">
                  <input
                    type="checkbox"
                    checked={chosen.has(comment.id)}
                    onChange={(event) => toggle(comment.id, event.target.checked)}
                  />
                  {t("comments.selectForSplit")}
                </label>
                {targets.length > 0 ? <MoveControl targets={targets} busy={action.busy} onMove={(to) => move(comment.id, to)} /> : null}
              </div>
            ) : null}
          </li>
        ))}
      </ol>
      {group.comments.pageInfo.hasNextPage ? <p className="hint">{t("comments.more")}</p> : null}
      {canOrganize && chosen.size > 0 ? (
        <div className="form-inline">
          <div className="field">
            <label htmlFor={`${id}-title`}>{t("comments.splitTitle")}</label>
            <input id={`${id}-title`} value={title} onChange={(event) => setTitle(event.target.value)} />
          </div>
          <button type="button" className="button button-secondary" disabled={action.busy} onClick={split}>
            {t("comments.split")}
          </button>
        </div>
      ) : null}
      <ErrorMessage error={action.error} />
    </div>
  );
}

function MoveControl({ targets, busy, onMove }: { targets: Group[]; busy: boolean; onMove: (to: string) => void }) {
  const { t } = useTranslation("review");
  const id = useId();
  const [to, setTo] = useState("");
  return (
    <span className="form-inline">
      <label htmlFor={id}>{t("comments.moveTo")}</label>
      <select id={id} value={to} onChange={(event) => setTo(event.target.value)}>
        <option value="">{t("comments.moveChoose")}</option>
        {targets.map((target) => (
          <option key={target.id} value={target.id}>
            {`#${target.id} ${target.title}`}
          </option>
        ))}
      </select>
      <button type="button" className="button button-small button-secondary" disabled={busy || !to} onClick={() => onMove(to)}>
        {t("comments.move")}
      </button>
    </span>
  );
}
