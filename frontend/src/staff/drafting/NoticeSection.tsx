import { useState } from "react";
import { useTranslation } from "react-i18next";
import { request } from "../../api/client";
import type { WorkbenchQuery } from "../../gql/graphql";
import { NoticeForm, type NoticeValues } from "./NoticeForm";
import { UpdateConsultationDocument } from "./operations";

type Consultation = NonNullable<WorkbenchQuery["consultation"]>;

/** The notice's fields; a drafter edits them while the consultation is a draft. */
export function NoticeSection({ consultation, editable, onDone }: { consultation: Consultation; editable: boolean; onDone: () => void }) {
  const { t } = useTranslation("drafting");
  const [editing, setEditing] = useState(false);
  const initial: NoticeValues = {
    unitId: consultation.unitId,
    title: consultation.title,
    kind: consultation.kind,
    summary: consultation.summary,
    explanation: consultation.explanation,
    basis: consultation.basis,
    offlineChannels: consultation.offlineChannels,
    businessRelated: consultation.businessRelated,
    disclosure: consultation.disclosure,
    disclosureReason: consultation.disclosureReason,
  };
  const rows: [string, string][] = [
    [t("notice.kind"), consultation.kindLabel + (consultation.businessRelated ? t("notice.businessRelatedTag") : "")],
    [t("notice.summary"), consultation.summary],
    [t("notice.explanation"), consultation.explanation],
    [t("notice.basis"), consultation.basis],
    [t("notice.offlineChannels"), consultation.offlineChannels],
    [t("notice.disclosure"), t(`disclosure.${consultation.disclosure}`) + (consultation.disclosureReason ? `（${consultation.disclosureReason}）` : "")],
  ];
  return (
    <section className="section" aria-labelledby="notice-heading">
      <h2 id="notice-heading">{t("notice.heading")}</h2>
      {editing ? (
        <NoticeForm
          initial={initial}
          submitLabel={t("notice.save")}
          onCancel={() => setEditing(false)}
          onSubmit={async (values) => {
            const input: Partial<NoticeValues> = { ...values };
            delete input.unitId; // the unit of a consultation does not change
            await request(UpdateConsultationDocument, { id: consultation.id, input });
            setEditing(false);
            onDone();
          }}
        />
      ) : (
        <>
          <dl className="facts facts-wide">
            {rows.map(([label, value]) => (
              <div key={label}>
                <dt>{label}</dt>
                <dd className="text">{value || t("notice.empty")}</dd>
              </div>
            ))}
          </dl>
          {editable ? (
            <button type="button" className="button button-secondary" onClick={() => setEditing(true)}>
              {t("notice.edit")}
            </button>
          ) : null}
        </>
      )}
    </section>
  );
}
