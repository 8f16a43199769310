import { useId, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { Outcome } from "../../gql/graphql";
import { dispositionProblem, OUTCOMES, type DispositionValues } from "./disposition";

export interface StandardReason {
  code: string;
  label: string;
}

/** Outcome, standard reason and the reviewer's words, for one group or many; checked before sending. */
export function DispositionForm({
  reasons,
  initial,
  submitLabel,
  busy,
  onSubmit,
  onCancel,
  revisable,
}: {
  reasons: StandardReason[];
  /** The article this disposition may revise (its new text is then published before/after). */
  revisable?: string;
  initial?: Partial<DispositionValues>;
  submitLabel: string;
  busy?: boolean;
  onSubmit: (values: DispositionValues & { outcome: Outcome }) => void;
  onCancel?: () => void;
}) {
  const { t } = useTranslation("review");
  const id = useId();
  const [values, setValues] = useState<DispositionValues>({
    outcome: initial?.outcome ?? "",
    standardReason: initial?.standardReason ?? "",
    reason: initial?.reason ?? "",
    revisedAfter: initial?.revisedAfter ?? "",
  });
  const [shown, setShown] = useState(false);
  const problem = dispositionProblem(values);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setShown(true);
    if (problem || !values.outcome) return;
    const adopting = values.outcome === "ADOPTED" || values.outcome === "PARTLY_ADOPTED";
    const revisedAfter = revisable && adopting ? (values.revisedAfter?.trim() ?? "") : ""; // hidden: not sent
    onSubmit({ ...values, outcome: values.outcome, reason: values.reason.trim(), revisedAfter });
  };
  const errorId = `${id}-error`;
  const outcomeError = shown && problem === "outcomeRequired";
  const reasonError = shown && (problem === "reasonRequired" || problem === "reasonTooLong");

  return (
    <form className="form review-disposition" onSubmit={submit} noValidate>
      <fieldset aria-describedby={outcomeError ? errorId : undefined}>
        <legend>{t("disposition.outcome")}</legend>
        {OUTCOMES.map((outcome) => (
          <label key={outcome} className="checkbox">
            <input
              type="radio"
              name={`${id}-outcome`}
              value={outcome}
              checked={values.outcome === outcome}
              onChange={() => setValues({ ...values, outcome })}
            />
            {t(`disposition.outcomes.${outcome}`)}
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-standard`}>{t("disposition.standardReason")}</label>
        <select
          id={`${id}-standard`}
          value={values.standardReason}
          onChange={(event) => setValues({ ...values, standardReason: event.target.value })}
        >
          <option value="">{t("disposition.standardReasonNone")}</option>
          {reasons.map((reason) => (
            <option key={reason.code} value={reason.code}>
              {reason.label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-reason`}>{t("disposition.reason")}</label>
        <p id={`${id}-hint`} className="hint">
          {t("disposition.reasonHint")}
        </p>
        <textarea
          id={`${id}-reason`}
          rows={3}
          value={values.reason}
          aria-invalid={reasonError ? true : undefined}
          aria-describedby={[`${id}-hint`, reasonError ? errorId : ""].filter(Boolean).join(" ")}
          onChange={(event) => setValues({ ...values, reason: event.target.value })}
        />
      </div>
      {revisable && (values.outcome === "ADOPTED" || values.outcome === "PARTLY_ADOPTED") ? (
        <div className="field">
          <label htmlFor={`${id}-revised`}>{t("disposition.revisedAfter", { article: revisable })}</label>
          <textarea
            id={`${id}-revised`}
            rows={3}
            value={values.revisedAfter}
            onChange={(event) => setValues({ ...values, revisedAfter: event.target.value })}
          />
        </div>
      ) : null}
      {shown && problem ? (
        <p id={errorId} className="field-error" role="alert">
          {t(`disposition.${problem}`)}
        </p>
      ) : null}
      <p className="actions">
        <button type="submit" className="button" disabled={busy}>
          {submitLabel}
        </button>
        {onCancel ? (
          <button type="button" className="button button-secondary" onClick={onCancel}>
            {t("groups.cancel")}
          </button>
        ) : null}
      </p>
    </form>
  );
}
