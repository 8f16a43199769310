import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { request } from "../../api/client";
import { ErrorMessage } from "../../components/ErrorMessage";
import type { Outcome } from "../../gql/graphql";
import { DispositionForm, type StandardReason } from "./DispositionForm";
import { useAction } from "../useAction";
import { ApproveDispositionDocument, MergeGroupsDocument, SetDispositionForGroupsDocument } from "./operations";
import type { ReviewAbilities } from "./roles";
import type { Group } from "./types";

/** What can be done to the selected groups at once: merge, decide (topics), approve. */
export function BulkBar({
  selected,
  can,
  reasons,
  onDone,
  onClear,
}: {
  selected: Group[];
  can: ReviewAbilities;
  reasons: StandardReason[];
  onDone: () => void;
  onClear: () => void;
}) {
  const { t } = useTranslation("review");
  const id = useId();
  const [into, setInto] = useState("");
  const [deciding, setDeciding] = useState(false);
  const action = useAction();
  const topics = selected.filter((group) => group.kind === "TOPIC");
  const proposed = selected.flatMap((group) => (group.disposition?.status === "PROPOSED" ? [group.disposition.id] : []));
  const target = selected.some((group) => group.id === into) ? into : (selected[0]?.id ?? "");

  const finish = (result: unknown) => {
    if (result === undefined) return;
    setDeciding(false);
    onDone();
  };
  const merge = async () =>
    finish(
      await action.run(() =>
        request(MergeGroupsDocument, { into: target, ids: selected.map((group) => group.id).filter((g) => g !== target) }),
      ),
    );
  const approve = async () => finish(await action.run(() => request(ApproveDispositionDocument, { ids: proposed })));
  const decide = async ({ outcome, standardReason, reason }: { outcome: Outcome; standardReason: string; reason: string }) =>
    finish(
      await action.run(() =>
        request(SetDispositionForGroupsDocument, { groupIds: topics.map((g) => g.id), outcome, standardReason, reason }),
      ),
    );

  return (
    <section className="notice notice-info review-bulk" aria-label={t("bulk.label")}>
      <p>
        <strong>{t("bulk.selected", { count: selected.length })}</strong>
      </p>
      <div className="actions">
        {can.organize && selected.length > 1 ? (
          <span className="form-inline">
            <label htmlFor={`${id}-into`}>{t("bulk.mergeInto")}</label>
            <select id={`${id}-into`} value={target} onChange={(event) => setInto(event.target.value)}>
              {selected.map((group) => (
                <option key={group.id} value={group.id}>
                  {`#${group.id} ${group.title}`}
                </option>
              ))}
            </select>
            <button type="button" className="button button-secondary" disabled={action.busy} onClick={merge}>
              {t("bulk.merge")}
            </button>
          </span>
        ) : null}
        {can.propose && topics.length > 0 ? (
          <button type="button" className="button button-secondary" aria-expanded={deciding} onClick={() => setDeciding(!deciding)}>
            {t("bulk.decide")}
          </button>
        ) : null}
        {can.approve ? (
          <button type="button" className="button button-secondary" disabled={action.busy || proposed.length === 0} onClick={approve}>
            {t("bulk.approve")}
          </button>
        ) : null}
        <button type="button" className="button button-link" onClick={onClear}>
          {t("bulk.clear")}
        </button>
      </div>
      {deciding ? (
        <DispositionForm
          reasons={reasons}
          submitLabel={t("disposition.submitMany", { count: topics.length })}
          busy={action.busy}
          onSubmit={decide}
          onCancel={() => setDeciding(false)}
        />
      ) : null}
      <ErrorMessage error={action.error} />
    </section>
  );
}
