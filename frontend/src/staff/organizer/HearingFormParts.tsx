import { useTranslation } from "react-i18next";
import { Field } from "../../components/Field";
import { CheckboxField, SelectField, TextAreaField } from "./Controls";
import { PARTICIPANT_CATEGORIES, PUBLIC_METHODS, type HearingFormValues } from "./formState";

type Setter = <K extends keyof HearingFormValues>(key: K, value: HearingFormValues[K]) => void;

/** Seats per interest group and how they are filled (rules C3). */
export function CategoryQuotas({ values: v, set }: { values: HearingFormValues; set: Setter }) {
  const { t } = useTranslation("organizer");
  return (
    <fieldset>
      <legend>{t("form.quotas")}</legend>
      <p className="hint">{t("form.quotasHint")}</p>
      <div className="organizer-quotas">
        {PARTICIPANT_CATEGORIES.map((category) => (
          <Field
            key={category}
            label={t(`categories.${category}`)}
            inputMode="numeric"
            value={v.quotas[category]}
            onChange={(e) => set("quotas", { ...v.quotas, [category]: e.target.value })}
          />
        ))}
      </div>
      <SelectField
        label={t("form.selectionMethod")}
        value={v.selectionMethod}
        onChange={(e) => set("selectionMethod", e.target.value as HearingFormValues["selectionMethod"])}
      >
        <option value="DRAW">{t("selection.DRAW")}</option>
        <option value="FIRST_COME">{t("selection.FIRST_COME")}</option>
      </SelectField>
      <TextAreaField
        label={t("form.selectionRules")}
        hint={t("form.selectionRulesHint")}
        value={v.selectionRules}
        rows={5}
        onChange={(e) => set("selectionRules", e.target.value)}
      />
    </fieldset>
  );
}

/** Whether the hearing is public, and how; or why not. */
export function Publicity({ values: v, set }: { values: HearingFormValues; set: Setter }) {
  const { t } = useTranslation("organizer");
  const toggle = (method: string, on: boolean) =>
    set("publicMethods", on ? [...v.publicMethods.filter((m) => m !== method), method] : v.publicMethods.filter((m) => m !== method));
  return (
    <fieldset>
      <legend>{t("form.publicity")}</legend>
      <CheckboxField label={t("form.isPublic")} checked={v.isPublic} onChange={(checked) => set("isPublic", checked)} />
      {v.isPublic ? (
        <fieldset className="organizer-subset">
          <legend>{t("form.publicMethods")}</legend>
          {PUBLIC_METHODS.map((method) => (
            <CheckboxField
              key={method}
              label={t(`publicMethods.${method}`)}
              checked={v.publicMethods.includes(method)}
              onChange={(checked) => toggle(method, checked)}
            />
          ))}
          {v.publicMethods.includes("livestream") ? (
            <Field label={t("form.streamUrl")} type="url" value={v.streamUrl} onChange={(e) => set("streamUrl", e.target.value)} />
          ) : null}
        </fieldset>
      ) : (
        <TextAreaField label={t("form.notPublicReason")} value={v.notPublicReason} rows={2} onChange={(e) => set("notPublicReason", e.target.value)} />
      )}
    </fieldset>
  );
}
