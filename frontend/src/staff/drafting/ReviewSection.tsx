import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { request } from "../../api/client";
import { ErrorMessage } from "../../components/ErrorMessage";
import { Field } from "../../components/Field";
import type { ConsultationStatus, ReviewKind, WorkbenchQuery } from "../../gql/graphql";
import { formatDate, TIME_ZONE } from "../../lib/format";
import { ConfirmAction } from "./ConfirmAction";
import { SelectField, TextAreaField } from "./FormFields";
import { RecordReviewDocument, ReturnToDraftDocument, SubmitForReviewDocument } from "./operations";
import { useAction } from "../useAction";
import { ScrollRegion } from "./ScrollRegion";

type Review = NonNullable<NonNullable<WorkbenchQuery["consultation"]>["reviews"]>[number];

/** Today in the deployment's time zone, as a calendar date (a review may not be dated later). */
export function todayIso(now: Date = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: TIME_ZONE }).format(now);
}

/** Send to review, take back, and record the legality and secrecy reviews. */
export function ReviewSection({
  consultationId,
  status,
  currentVersionId,
  reviews,
  canDraft,
  canReview,
  onDone,
}: {
  consultationId: string;
  status: ConsultationStatus;
  currentVersionId: string | undefined;
  reviews: readonly Review[];
  canDraft: boolean;
  canReview: boolean;
  onDone: () => void;
}) {
  const { t } = useTranslation("drafting");
  const submit = useAction();
  if (status !== "DRAFT" && status !== "IN_REVIEW" && reviews.length === 0) return null;
  return (
    <section className="section" aria-labelledby="review-heading">
      <h2 id="review-heading">{t("review.title")}</h2>
      {status === "DRAFT" && canDraft ? (
        <>
          <p>{t("review.submitIntro")}</p>
          <ErrorMessage error={submit.error} />
          <button
            type="button"
            className="button"
            disabled={submit.busy}
            onClick={() => void submit.run(async () => {
              await request(SubmitForReviewDocument, { id: consultationId });
              onDone();
            })}
          >
            {t("review.submit")}
          </button>
        </>
      ) : null}
      {reviews.length > 0 ? (
        <ScrollRegion labelledBy="reviews-caption">
          <table className="data-table">
            <caption id="reviews-caption">{t("review.recorded")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("review.kind")}</th>
                <th scope="col">{t("review.reviewer")}</th>
                <th scope="col">{t("review.date")}</th>
                <th scope="col">{t("review.result")}</th>
                <th scope="col">{t("review.notes")}</th>
              </tr>
            </thead>
            <tbody>
              {reviews.map((review) => (
                <tr key={review.id}>
                  <td>
                    {t(`reviewKind.${review.kind}`)}
                    {review.draftVersionId !== currentVersionId ? <span className="muted">{t("review.earlierVersion")}</span> : null}
                  </td>
                  <td>{review.reviewer}</td>
                  <td>{formatDate(review.reviewedOn)}</td>
                  <td>{review.passed ? t("review.passed") : t("review.notPassed")}</td>
                  <td>{review.notes}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      ) : null}
      {status === "IN_REVIEW" && canReview ? (
        <>
          <RecordReviewForm consultationId={consultationId} onDone={onDone} />
          <ConfirmAction
            label={t("review.returnToDraft")}
            warning={t("review.returnWarning")}
            reasonLabel={t("review.returnReason")}
            confirmLabel={t("review.returnConfirm")}
            onConfirm={async (reason) => {
              await request(ReturnToDraftDocument, { id: consultationId, reason });
              onDone();
            }}
          />
        </>
      ) : null}
    </section>
  );
}

function RecordReviewForm({ consultationId, onDone }: { consultationId: string; onDone: () => void }) {
  const { t } = useTranslation("drafting");
  const [kind, setKind] = useState<ReviewKind>("LEGALITY");
  const [reviewer, setReviewer] = useState("");
  const [reviewedOn, setReviewedOn] = useState(todayIso);
  const [passed, setPassed] = useState(true);
  const [notes, setNotes] = useState("");
  const { busy, error, run } = useAction();

  async function record(event: FormEvent) {
    event.preventDefault();
    const done = await run(() => request(RecordReviewDocument, { id: consultationId, kind, reviewer: reviewer.trim(), reviewedOn, passed, notes: notes.trim() }));
    if (done) {
      setReviewer("");
      setNotes("");
      setKind((current) => (current === "LEGALITY" ? "SECRECY" : "LEGALITY"));
      onDone();
    }
  }

  return (
    <form className="form" aria-label={t("review.recordTitle")} onSubmit={(event) => void record(event)}>
      <h3>{t("review.recordTitle")}</h3>
      <SelectField
        label={t("review.kind")}
        value={kind}
        onChange={(event) => setKind(event.target.value as ReviewKind)}
        options={(["LEGALITY", "SECRECY"] as const).map((value) => ({ value, label: t(`reviewKind.${value}`) }))}
      />
      <Field label={t("review.reviewer")} hint={t("review.reviewerHint")} value={reviewer} onChange={(event) => setReviewer(event.target.value)} />
      <Field label={t("review.date")} type="date" value={reviewedOn} max={todayIso()} onChange={(event) => setReviewedOn(event.target.value)} />
      <label className="checkbox">
        <input type="checkbox" checked={passed} onChange={(event) => setPassed(event.target.checked)} />
        {t("review.passedLabel")}
      </label>
      <TextAreaField label={t("review.notes")} rows={2} value={notes} onChange={(event) => setNotes(event.target.value)} />
      <ErrorMessage error={error} />
      <button type="submit" className="button" disabled={busy}>
        {t("review.record")}
      </button>
    </form>
  );
}
