import { useTranslation } from "react-i18next";
import { request } from "../../api/client";
import type { ConsultationStatus, Role } from "../../gql/graphql";
import { ConfirmAction } from "./ConfirmAction";
import { CloseDocument, WithdrawDocument } from "./operations";

const WITHDRAWABLE: ConsultationStatus[] = ["DRAFT", "IN_REVIEW", "OPEN", "CLOSED", "REVIEWING"];

/** Close the window early (an approver, with a reason) and withdraw (with a reason), each confirmed first. */
export function EndSection({
  consultationId,
  status,
  roles,
  pastDeadline,
  onDone,
}: {
  consultationId: string;
  status: ConsultationStatus;
  roles: Set<Role>;
  pastDeadline: boolean;
  onDone: () => void;
}) {
  const { t } = useTranslation("drafting");
  const canClose = status === "OPEN" && (pastDeadline ? roles.has("DRAFTER") || roles.has("APPROVER") : roles.has("APPROVER"));
  const canWithdraw = WITHDRAWABLE.includes(status) && (roles.has("DRAFTER") || roles.has("APPROVER"));
  if (!canClose && !canWithdraw) return null;
  return (
    <section className="section" aria-labelledby="end-heading">
      <h2 id="end-heading">{t("end.title")}</h2>
      <div className="actions">
        {canClose ? (
          <ConfirmAction
            label={pastDeadline ? t("end.close") : t("end.closeEarly")}
            warning={t("end.closeWarning")}
            reasonLabel={pastDeadline ? undefined : t("end.closeReason")}
            confirmLabel={t("end.closeConfirm")}
            onConfirm={async (reason) => {
              await request(CloseDocument, { id: consultationId, reason });
              onDone();
            }}
          />
        ) : null}
        {canWithdraw ? (
          <ConfirmAction
            danger
            label={t("end.withdraw")}
            warning={t("end.withdrawWarning")}
            reasonLabel={t("end.withdrawReason")}
            confirmLabel={t("end.withdrawConfirm")}
            onConfirm={async (reason) => {
              await request(WithdrawDocument, { id: consultationId, reason });
              onDone();
            }}
          />
        ) : null}
      </div>
    </section>
  );
}
