import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { request } from "../../api/client";
import { ErrorMessage } from "../../components/ErrorMessage";
import { ConfirmAction } from "./ConfirmAction";
import { useAction } from "../useAction";
import { PublishDecisionDocument } from "./operations";

function today(): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date());
}

/** The approver publishes the decision with the adopted text (publishDecision), after a confirmation. */
export function DecisionForm({ consultationId, onDone }: { consultationId: string; onDone: () => void }) {
  const { t } = useTranslation("review");
  const id = useId();
  const [adoptedText, setAdoptedText] = useState("");
  const [decidedOn, setDecidedOn] = useState(today);
  const [summary, setSummary] = useState("");
  const action = useAction();

  const publish = async () => {
    const done = await action.run(() =>
      request(PublishDecisionDocument, { input: { consultationId, adoptedText, decidedOn, summary, documents: [] } }),
    );
    if (done) onDone();
  };

  return (
    <section className="section" aria-labelledby="decision-heading">
      <h2 id="decision-heading">{t("decision.heading")}</h2>
      <form className="form" onSubmit={(event) => event.preventDefault()}>
        <div className="field">
          <label htmlFor={`${id}-text`}>{t("decision.adoptedText")}</label>
          <textarea id={`${id}-text`} rows={8} value={adoptedText} onChange={(event) => setAdoptedText(event.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-date`}>{t("decision.decidedOn")}</label>
          <input id={`${id}-date`} type="date" value={decidedOn} onChange={(event) => setDecidedOn(event.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-summary`}>{t("decision.summary")}</label>
          <textarea id={`${id}-summary`} rows={2} value={summary} onChange={(event) => setSummary(event.target.value)} />
        </div>
        <ConfirmAction
          label={t("decision.publish")}
          question={t("decision.confirm")}
          confirmLabel={t("decision.confirmYes")}
          busy={action.busy}
          onConfirm={publish}
        />
      </form>
      <ErrorMessage error={action.error} />
    </section>
  );
}
