import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { request } from "../../api/client";
import { ErrorMessage } from "../../components/ErrorMessage";
import { Field } from "../../components/Field";
import type { ObserverCategory } from "../../gql/graphql";
import { SelectField } from "./Controls";
import { OrganizerInviteDocument } from "./operations";
import { useAction } from "../useAction";

const OBSERVER_CATEGORIES: readonly ObserverCategory[] = [
  "PUBLIC_REPRESENTATIVE",
  "EXPERT",
  "MEDIA",
  "STAKEHOLDER",
  "NPC_DEPUTY",
  "CPPCC_MEMBER",
];

/** Invite a named observer; the personal link comes back once. */
export function InviteObserverForm({ hearingId, onInvited }: { hearingId: string; onInvited: (found: { name: string; link?: string | null }) => void }) {
  const { t } = useTranslation("organizer");
  const [category, setCategory] = useState<ObserverCategory>("PUBLIC_REPRESENTATIVE");
  const [name, setName] = useState("");
  const [organization, setOrganization] = useState("");
  const [contact, setContact] = useState("");
  const invite = useAction();

  function submit(event: FormEvent) {
    event.preventDefault();
    void invite.run(async () => {
      const result = await request(OrganizerInviteDocument, { input: { hearingId, category, name, organization, contact } });
      setName("");
      setOrganization("");
      setContact("");
      onInvited(result.inviteObserver);
    });
  }

  return (
    <form className="form" onSubmit={submit}>
      <h3>{t("observers.invite")}</h3>
      <SelectField label={t("observers.category")} value={category} onChange={(e) => setCategory(e.target.value as ObserverCategory)}>
        {OBSERVER_CATEGORIES.map((c) => (
          <option key={c} value={c}>
            {t(`observerCategories.${c}`)}
          </option>
        ))}
      </SelectField>
      <Field label={t("observers.name")} value={name} onChange={(e) => setName(e.target.value)} />
      <Field label={t("observers.organization")} value={organization} onChange={(e) => setOrganization(e.target.value)} />
      <Field label={t("observers.contact")} hint={t("observers.contactHint")} value={contact} onChange={(e) => setContact(e.target.value)} />
      <ErrorMessage error={invite.error} />
      <button type="submit" className="button" disabled={invite.busy}>
        {t("observers.inviteSubmit")}
      </button>
    </form>
  );
}
