import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../api/client";
import { ErrorMessage } from "../../components/ErrorMessage";
import { Field } from "../../components/Field";
import type { ConsultationKind, Disclosure } from "../../gql/graphql";
import { SelectField, TextAreaField } from "./FormFields";
import type { UnitRow } from "../units";
import { noticeFieldOf, type NoticeField } from "./logic";

export interface NoticeValues {
  unitId: string;
  title: string;
  kind: ConsultationKind;
  summary: string;
  explanation: string;
  basis: string;
  offlineChannels: string;
  businessRelated: boolean;
  disclosure: Disclosure;
  disclosureReason: string;
}

export const EMPTY_NOTICE: NoticeValues = {
  unitId: "",
  title: "",
  kind: "MAJOR_DECISION",
  summary: "",
  explanation: "",
  basis: "",
  offlineChannels: "",
  businessRelated: false,
  disclosure: "PROACTIVE",
  disclosureReason: "",
};

const KINDS: ConsultationKind[] = ["MAJOR_DECISION", "REGULATION", "NORMATIVE_DOCUMENT", "OTHER"];
const DISCLOSURES: Disclosure[] = ["PROACTIVE", "ON_REQUEST", "NOT_DISCLOSED"];

/** The notice of a consultation (create, or edit while in draft); the API's errors go beside their field. */
export function NoticeForm({
  initial,
  units,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  initial: NoticeValues;
  /** The units to choose from (creation only); without them the unit is fixed. */
  units?: readonly UnitRow[];
  submitLabel: string;
  onSubmit: (values: NoticeValues) => Promise<void>;
  onCancel?: () => void;
}) {
  const { t } = useTranslation("drafting");
  const [values, setValues] = useState<NoticeValues>(() => ({
    ...initial,
    unitId: initial.unitId || units?.[0]?.id || "",
  }));
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const field = noticeFieldOf(error, {
    title: t("apiFieldNames.title"),
    summary: t("apiFieldNames.summary"),
    explanation: t("apiFieldNames.explanation"),
    basis: t("apiFieldNames.basis"),
    offlineChannels: t("apiFieldNames.offlineChannels"),
  });
  const errorOf = (name: NoticeField) => (field === name ? error?.message : undefined);
  const set = <K extends keyof NoticeValues>(key: K, value: NoticeValues[K]) =>
    setValues((current) => ({ ...current, [key]: value }));
  const text = (key: "summary" | "explanation" | "basis" | "offlineChannels" | "disclosureReason") => ({
    value: values[key],
    onChange: (event: { target: { value: string } }) => set(key, event.target.value),
    error: errorOf(key),
  });

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await onSubmit(values);
    } catch (failure) {
      setError(failure instanceof ApiError ? failure : new ApiError(String(failure), "UNKNOWN"));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="form" onSubmit={(event) => void submit(event)} noValidate>
      {units ? (
        <SelectField
          label={t("notice.unit")}
          value={values.unitId}
          onChange={(event) => set("unitId", event.target.value)}
          options={units.map((unit) => ({ value: unit.id, label: unit.name }))}
          error={errorOf("unit")}
        />
      ) : null}
      <Field
        label={t("notice.title")}
        value={values.title}
        onChange={(event) => set("title", event.target.value)}
        error={errorOf("title")}
        required
      />
      <SelectField
        label={t("notice.kind")}
        hint={t("notice.kindHint")}
        value={values.kind}
        onChange={(event) => set("kind", event.target.value as ConsultationKind)}
        options={KINDS.map((kind) => ({ value: kind, label: t(`kind.${kind}`) }))}
        error={errorOf("kind")}
      />
      <label className="checkbox">
        <input
          type="checkbox"
          checked={values.businessRelated}
          onChange={(event) => set("businessRelated", event.target.checked)}
        />
        {t("notice.businessRelated")}
      </label>
      <TextAreaField label={t("notice.summary")} rows={2} {...text("summary")} />
      <TextAreaField label={t("notice.explanation")} rows={6} {...text("explanation")} />
      <TextAreaField label={t("notice.basis")} {...text("basis")} />
      <TextAreaField label={t("notice.offlineChannels")} hint={t("notice.offlineChannelsHint")} {...text("offlineChannels")} />
      <SelectField
        label={t("notice.disclosure")}
        value={values.disclosure}
        onChange={(event) => set("disclosure", event.target.value as Disclosure)}
        options={DISCLOSURES.map((value) => ({ value, label: t(`disclosure.${value}`) }))}
        error={errorOf("disclosure")}
      />
      {values.disclosure !== "PROACTIVE" || field === "disclosureReason" ? (
        <TextAreaField label={t("notice.disclosureReason")} hint={t("notice.disclosureReasonHint")} rows={2} {...text("disclosureReason")} />
      ) : null}
      {field === undefined ? <ErrorMessage error={error} /> : null}
      <p className="actions">
        <button type="submit" className="button" disabled={busy}>
          {submitLabel}
        </button>
        {onCancel ? (
          <button type="button" className="button button-secondary" onClick={onCancel}>
            {t("common.cancel")}
          </button>
        ) : null}
      </p>
    </form>
  );
}
