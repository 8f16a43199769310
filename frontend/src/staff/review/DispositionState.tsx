import { useTranslation } from "react-i18next";
import type { StandardReason } from "./DispositionForm";
import type { Group } from "./types";

/** A group's disposition as it stands: none yet, proposed (waiting for an approver) or approved. */
export function DispositionState({
  group,
  myId,
  reasons,
}: {
  group: Group;
  myId?: string;
  reasons: StandardReason[];
}) {
  const { t } = useTranslation("review");
  if (group.kind === "CAMPAIGN") return <p className="hint">{t("groups.campaignNote")}</p>;
  const disposition = group.disposition;
  if (!disposition) {
    return (
      <p className="review-state" data-state="none">
        <span className="tag">{t("disposition.none")}</span>
      </p>
    );
  }
  // Proposed again after an approval: the approver should see it is a change, not a first decision.
  const state = disposition.status === "APPROVED" ? "APPROVED" : disposition.replacesApproved ? "CHANGED" : "PROPOSED";
  return (
    <div className="review-state" data-state={state.toLowerCase()}>
      <p>
        <span className={state === "APPROVED" ? "tag tag-open" : "tag"}>{t(`disposition.${state}`)}</span>{" "}
        <strong>{disposition.outcomeLabel}</strong>
      </p>
      {disposition.reason || disposition.standardReason ? <p className="text">{reasonLine(disposition, reasons)}</p> : null}
      {state !== "APPROVED" && myId && disposition.proposedBy === myId ? (
        <p className="hint">{t("disposition.ownProposal")}</p>
      ) : null}
    </div>
  );
}

/** As the statement words it: the standard reason, then the reviewer's own. */
function reasonLine(disposition: NonNullable<Group["disposition"]>, reasons: StandardReason[]): string {
  const standard = reasons.find((reason) => reason.code === disposition.standardReason)?.label ?? "";
  return [standard, disposition.reason].filter(Boolean).join("：");
}
