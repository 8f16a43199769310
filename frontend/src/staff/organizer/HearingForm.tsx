import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { ApiError } from "../../api/client";
import { ErrorMessage } from "../../components/ErrorMessage";
import { Field } from "../../components/Field";
import { CheckboxField, SelectField, TextAreaField } from "./Controls";
import { DECISION_KINDS, HEARING_KINDS, missingTimes, type HearingFormValues } from "./formState";
import { CategoryQuotas, Publicity } from "./HearingFormParts";

export interface Option {
  id: string;
  label: string;
}

/** The notice of a hearing, for creating one and for editing a draft. */
export function HearingForm({
  initial,
  units,
  consultations,
  unitFixed,
  submitLabel,
  busy,
  error,
  onSubmit,
}: {
  initial: HearingFormValues;
  units: Option[];
  consultations: Option[];
  unitFixed: boolean;
  submitLabel: string;
  busy: boolean;
  error: ApiError | undefined;
  onSubmit: (values: HearingFormValues) => void;
}) {
  const { t } = useTranslation("organizer");
  const [v, setV] = useState(initial);
  const [timesMissing, setTimesMissing] = useState(false);
  const set = <K extends keyof HearingFormValues>(key: K, value: HearingFormValues[K]) =>
    setV((previous) => ({ ...previous, [key]: value }));

  function submit(event: FormEvent) {
    event.preventDefault();
    const missing = missingTimes(v).length > 0;
    setTimesMissing(missing);
    if (!missing) onSubmit(v);
  }

  return (
    <form className="form organizer-form" onSubmit={submit} noValidate>
      <fieldset>
        <legend>{t("form.basics")}</legend>
        <SelectField label={t("form.unit")} value={v.unitId} disabled={unitFixed} onChange={(e) => set("unitId", e.target.value)}>
          {units.map((u) => (
            <option key={u.id} value={u.id}>
              {u.label}
            </option>
          ))}
        </SelectField>
        <SelectField label={t("form.kind")} value={v.kind} onChange={(e) => set("kind", e.target.value as HearingFormValues["kind"])}>
          {HEARING_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`kinds.${kind}`)}
            </option>
          ))}
        </SelectField>
        <Field label={t("form.title")} value={v.title} maxLength={300} required onChange={(e) => set("title", e.target.value)} />
        <SelectField label={t("form.consultation")} value={v.consultationId} onChange={(e) => set("consultationId", e.target.value)}>
          <option value="">{t("form.noConsultation")}</option>
          {consultations.map((c) => (
            <option key={c.id} value={c.id}>
              {c.label}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t("form.decisionKind")}
          hint={t("form.decisionKindHint")}
          value={v.decisionKind}
          onChange={(e) => set("decisionKind", e.target.value as HearingFormValues["decisionKind"])}
        >
          <option value="">{t("form.decisionKindDefault")}</option>
          {DECISION_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`decisionKinds.${kind}`)}
            </option>
          ))}
        </SelectField>
        <TextAreaField label={t("form.agenda")} value={v.agenda} onChange={(e) => set("agenda", e.target.value)} />
      </fieldset>

      <fieldset>
        <legend>{t("form.timeAndPlace")}</legend>
        <p className="hint">{t("form.timeHint")}</p>
        <Field label={t("form.startsAt")} type="datetime-local" value={v.startsAt} required onChange={(e) => set("startsAt", e.target.value)} />
        <Field label={t("form.endsAt")} type="datetime-local" value={v.endsAt} onChange={(e) => set("endsAt", e.target.value)} />
        <Field label={t("form.venue")} value={v.venue} maxLength={300} onChange={(e) => set("venue", e.target.value)} />
        <Field
          label={t("form.registrationOpensAt")}
          hint={t("form.registrationHint")}
          type="datetime-local"
          value={v.registrationOpensAt}
          required
          onChange={(e) => set("registrationOpensAt", e.target.value)}
        />
        <Field
          label={t("form.registrationClosesAt")}
          type="datetime-local"
          value={v.registrationClosesAt}
          required
          onChange={(e) => set("registrationClosesAt", e.target.value)}
        />
      </fieldset>

      <CategoryQuotas values={v} set={set} />
      <Publicity values={v} set={set} />

      <fieldset>
        <legend>{t("form.observers")}</legend>
        <CheckboxField label={t("form.observersInvited")} checked={v.observersInvited} onChange={(checked) => set("observersInvited", checked)} />
      </fieldset>

      {timesMissing ? (
        <div className="notice notice-error" role="alert">
          <p>{t("form.timesMissing")}</p>
        </div>
      ) : null}
      <ErrorMessage error={error} />
      <div className="actions">
        <button type="submit" className="button" disabled={busy}>
          {submitLabel}
        </button>
      </div>
    </form>
  );
}
