import { useCallback, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { request } from "../../api/client";
import { useSession } from "../../auth/session";
import { ErrorMessage } from "../../components/ErrorMessage";
import { Loading } from "../../components/Loading";
import { usePageTitle } from "../../components/usePageTitle";
import type { ReviewStatementQuery } from "../../gql/graphql";
import { formatDate, formatDateTime, safeHref } from "../../lib/format";
import { parseFigures } from "../../lib/statement";
import { ConfirmAction } from "./ConfirmAction";
import { DecisionForm } from "./DecisionForm";
import { jobActive, jobStateLabel, useLiveQuery } from "./hooks";
import { useAction } from "../useAction";
import { JobProgress } from "./JobProgress";
import { GenerateStatementDocument, PublishStatementDocument, ReviewStatementDocument } from "./operations";
import type { ReviewConsultation } from "./ReviewRoutes";
import { abilities } from "./roles";
import { ScanResult } from "./ScanResult";
import { StatementPreview } from "./StatementPreview";

type Statement = NonNullable<ReviewStatementQuery["statement"]>;
const FORMATS = ["pdf", "docx", "csv", "json", "html"] as const;
const generating = (data: ReviewStatementQuery) => jobActive(data.statementGeneration?.status);

/** /review/statement: generate, check, preview, publish the statement; then publish the decision. */
export default function StatementPage({ consultation, onChanged }: { consultation: ReviewConsultation; onChanged: () => void }) {
  const { t } = useTranslation("review");
  usePageTitle(t("statementTitle", { title: consultation.title }));
  const can = abilities(useSession().me);
  const live = useLiveQuery(ReviewStatementDocument, { id: consultation.id, version: null }, generating);
  const action = useAction();
  const [note, setNote] = useState("");
  const [published, setPublished] = useState<number>();
  const noteId = useId();
  const { refresh } = live;
  const changed = useCallback(() => {
    refresh();
    onChanged();
  }, [refresh, onChanged]);

  if (live.loading) return <Loading />;
  if (!live.data) return <ErrorMessage error={live.error} onRetry={refresh} />;
  const { statement, statementGeneration: job, decision } = live.data;
  const needsNote = Boolean(statement && (statement.status === "published" || statement.correctsVersion));

  const generate = async () => {
    const done = await action.run(() => request(GenerateStatementDocument, { id: consultation.id, correctionNote: note }));
    if (done) refresh();
  };
  const publish = async (version: number) => {
    const done = await action.run(() => request(PublishStatementDocument, { id: consultation.id, version }));
    if (done) {
      setPublished(version);
      changed();
    }
  };

  return (
    <>
      <section className="section" aria-labelledby="statement-heading">
        <h2 id="statement-heading">{t("statement.heading")}</h2>
        <ErrorMessage error={live.error} onRetry={refresh} />
        {job ? (
          <JobProgress job={job} label={t("statement.generation")} stateLabel={t("statement.generationState", { state: jobStateLabel(t, job.status) })} />
        ) : null}
        {statement ? <StatementFacts statement={statement} /> : <p>{t("statement.none")}</p>}
        {published ? (
          <p className="notice notice-success" role="status">
            {t("statement.published", { version: published })}
          </p>
        ) : null}
        <div className="actions">
          {can.generate ? (
            <form className="form-inline" onSubmit={(event) => event.preventDefault()}>
              {needsNote ? (
                <div className="field">
                  <label htmlFor={noteId}>{t("statement.correctionNote")}</label>
                  <input id={noteId} value={note} onChange={(event) => setNote(event.target.value)} />
                </div>
              ) : null}
              <button type="button" className="button" disabled={action.busy || live.active} onClick={generate}>
                {statement ? t("statement.regenerate") : t("statement.generate")}
              </button>
            </form>
          ) : null}
          {can.approve && statement?.status === "draft" && statement.personalDataFindings.length === 0 ? (
            <ConfirmAction
              label={t("statement.publish", { version: statement.version })}
              question={t("statement.confirmPublish", { version: statement.version })}
              confirmLabel={t("statement.confirm")}
              busy={action.busy || live.active}
              onConfirm={() => publish(statement.version)}
            />
          ) : null}
          {statement?.status === "published" ? <Link to={`/consultations/${consultation.id}/statement`}>{t("statement.publicPage")}</Link> : null}
        </div>
        <ErrorMessage error={action.error} />
      </section>
      {statement ? <ScanResult findings={statement.personalDataFindings} /> : null}
      {statement ? <Downloads statement={statement} /> : null}
      {decision ? (
        <p className="notice notice-success">{t("decision.decided", { date: formatDate(decision.decidedOn) })}</p>
      ) : can.approve && consultation.status === "STATEMENT_PUBLISHED" ? (
        <DecisionForm consultationId={consultation.id} onDone={changed} />
      ) : null}
      {statement ? (
        <StatementPreview key={`${statement.version}-${statement.sha256}`} jsonUrl={statement.downloads.find((d) => d.format === "json")?.url} />
      ) : null}
    </>
  );
}

function StatementFacts({ statement }: { statement: Statement }) {
  const { t } = useTranslation("review");
  const figures = parseFigures(statement.figures);
  return (
    <dl className="facts" data-testid="statement-facts">
      <div>
        <dt>{t("statement.version", { version: statement.version })}</dt>
        <dd>
          <span className={statement.status === "published" ? "tag tag-open" : "tag"}>
            {statement.status === "published" ? t("statement.state.published") : t("statement.state.draft")}
          </span>
          {statement.correctsVersion ? ` ${t("statement.corrects", { version: statement.correctsVersion })}` : ""}
        </dd>
      </div>
      <div>
        <dt>{t("statement.generatedAt")}</dt>
        <dd>{formatDateTime(statement.generatedAt)}</dd>
      </div>
      {statement.publishedAt ? (
        <div>
          <dt>{t("statement.publishedAt")}</dt>
          <dd>{formatDateTime(statement.publishedAt)}</dd>
        </div>
      ) : null}
      <div>
        <dt>{t("statement.sha256")}</dt>
        <dd>
          <code className="hash">{statement.sha256}</code>
        </dd>
      </div>
      <div>
        <dt>{t("statement.heading")}</dt>
        <dd>{t("statement.figures", { participants: figures.participants, comments: figures.comments })}</dd>
      </div>
    </dl>
  );
}

function Downloads({ statement }: { statement: Statement }) {
  const { t } = useTranslation("review");
  const urls = new Map(statement.downloads.map((download) => [download.format, download.url]));
  return (
    <section className="section" aria-labelledby="review-downloads-heading">
      <h2 id="review-downloads-heading">{t("statement.downloads")}</h2>
      <ul className="downloads">
        {FORMATS.map((format) => {
          const href = safeHref(urls.get(format));
          return href ? (
            <li key={format}>
              <a className="button button-secondary" href={href}>
                {t(`statement.format.${format}`)}
              </a>
            </li>
          ) : null;
        })}
      </ul>
    </section>
  );
}
