import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams, useSearchParams } from "react-router";
import { useQuery } from "../api/useQuery";
import { BarChart } from "../components/BarChart";
import { ErrorMessage } from "../components/ErrorMessage";
import { Loading } from "../components/Loading";
import { StatementText } from "../components/StatementText";
import { usePageTitle } from "../components/usePageTitle";
import { graphql } from "../gql";
import type { StatementPageQuery } from "../gql/graphql";
import { formatDate, formatDateTime, formatPercent, safeHref } from "../lib/format";
import { parseFigures, parseStatementDocument, type StatementDocument } from "../lib/statement";
import NotFound from "./NotFound";

const StatementPageDocument = graphql(`
  query StatementPage($id: ID!, $version: Int) {
    consultation(id: $id) {
      id
      title
      unit
      status
      statusLabel
    }
    statement(consultationId: $id, version: $version) {
      version
      status
      correctsVersion
      correctionNote
      sha256
      publishedAt
      figures
      downloads {
        format
        url
      }
    }
    decision(consultationId: $id) {
      decidedOn
      summary
      documents {
        title
        url
      }
    }
  }
`);

type Statement = NonNullable<StatementPageQuery["statement"]>;

/** The order downloads are offered in, with what each file is for. */
const FORMATS = ["pdf", "docx", "csv", "json", "html"] as const;

export default function StatementPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const [params] = useSearchParams();
  const versionParam = params.get("v");
  const version = versionParam && /^[1-9]\d*$/.test(versionParam) ? Number(versionParam) : null;
  const valid = /^[1-9]\d*$/.test(id);
  const { data, error, loading, refetch } = useQuery(StatementPageDocument, { id, version }, { skip: !valid });
  const consultation = data?.consultation;
  usePageTitle(consultation ? t("statement.pageTitle", { title: consultation.title }) : undefined);

  if (!valid || (data && !consultation)) return <NotFound />;
  if (error) return <ErrorMessage error={error} onRetry={refetch} />;
  if (loading || !data || !consultation) return <Loading />;
  const statement = data.statement;
  const published = statement && statement.status === "published" ? statement : null;

  return (
    <article className="statement">
      <p className="breadcrumb">
        <Link to={`/consultations/${consultation.id}`}>{t("statement.back", { title: consultation.title })}</Link>
      </p>
      <h1>{t("statement.heading", { title: consultation.title })}</h1>
      {published ? (
        <StatementBody statement={published} />
      ) : (
        <div className="notice">
          <p>{t("statement.notYet")}</p>
        </div>
      )}
      {data.decision ? (
        <section className="section" aria-labelledby="decision-heading">
          <h2 id="decision-heading">{t("statement.decision")}</h2>
          <p>{t("statement.decidedOn", { date: formatDate(data.decision.decidedOn) })}</p>
          {data.decision.summary ? <p className="text">{data.decision.summary}</p> : null}
          {data.decision.documents.length > 0 ? (
            <ul>
              {data.decision.documents.map((document, index) => {
                const href = safeHref(document.url);
                return (
                  <li key={index}>
                    {href ? (
                      <a href={href} rel="noopener noreferrer">
                        {document.title}
                      </a>
                    ) : (
                      document.title
                    )}
                  </li>
                );
              })}
            </ul>
          ) : null}
        </section>
      ) : null}
    </article>
  );
}

function StatementBody({ statement }: { statement: Statement }) {
  const { t } = useTranslation();
  const figures = parseFigures(statement.figures);
  const downloads = new Map(statement.downloads.map((download) => [download.format, download.url]));
  const jsonUrl = safeHref(downloads.get("json"));
  const [loaded, setLoaded] = useState<{ url: string; document: StatementDocument | null }>();

  // The full text comes from the published JSON rendering (immutable, cached by the browser).
  useEffect(() => {
    if (!jsonUrl) return;
    const controller = new AbortController();
    fetch(jsonUrl, { signal: controller.signal, credentials: "same-origin" })
      .then((response) => (response.ok ? response.json() : null))
      .then((value: unknown) => setLoaded({ url: jsonUrl, document: parseStatementDocument(value) }))
      .catch(() => {
        if (!controller.signal.aborted) setLoaded({ url: jsonUrl, document: null });
      });
    return () => controller.abort();
  }, [jsonUrl]);
  // undefined: still loading; null: not available.
  const document = !jsonUrl ? null : loaded?.url === jsonUrl ? loaded.document : undefined;

  const articleRows = figures.perArticle.map((row, index) => ({
    key: `${row.articleId ?? "whole"}-${index}`,
    label: row.label,
    value: row.comments,
    part: row.adopted,
  }));
  const outcomeRows = figures.byOutcome.map((row) => ({ key: row.key, label: row.label, value: row.comments }));

  return (
    <>
      <dl className="facts">
        <div>
          <dt>{t("statement.version")}</dt>
          <dd>
            {t("statement.versionValue", { version: statement.version })}
            {statement.correctsVersion ? ` ${t("statement.corrects", { version: statement.correctsVersion })}` : ""}
          </dd>
        </div>
        {statement.publishedAt ? (
          <div>
            <dt>{t("statement.publishedAt")}</dt>
            <dd>{formatDateTime(statement.publishedAt)}</dd>
          </div>
        ) : null}
        {statement.correctionNote ? (
          <div>
            <dt>{t("statement.correctionNote")}</dt>
            <dd className="text">{statement.correctionNote}</dd>
          </div>
        ) : null}
      </dl>

      <section className="section" aria-labelledby="downloads-heading">
        <h2 id="downloads-heading">{t("statement.downloads")}</h2>
        <ul className="downloads">
          {FORMATS.filter((format) => downloads.has(format)).map((format) => {
            const href = safeHref(downloads.get(format));
            return href ? (
              <li key={format}>
                <a className="button button-secondary" href={href}>
                  {t(`statement.format.${format}`)}
                </a>
              </li>
            ) : null;
          })}
        </ul>
        <p className="hint">
          {t("statement.sha256")} <code className="hash">{statement.sha256}</code>
        </p>
      </section>

      <section className="section" aria-labelledby="figures-heading">
        <h2 id="figures-heading">{t("statement.figures")}</h2>
        <ul className="stats">
          <li>
            <span className="stat-value">{figures.participants}</span>
            <span className="stat-label">{t("statement.participants")}</span>
          </li>
          <li>
            <span className="stat-value">{figures.comments}</span>
            <span className="stat-label">{t("statement.comments")}</span>
          </li>
          {figures.adoptionRate !== null ? (
            <li>
              <span className="stat-value">{formatPercent(figures.adoptionRate)}</span>
              <span className="stat-label">{t("statement.adoptionRate")}</span>
            </li>
          ) : null}
          {figures.campaigns > 0 ? (
            <li>
              <span className="stat-value">{figures.campaigns}</span>
              <span className="stat-label">
                {t("statement.campaigns", { comments: figures.campaignComments })}
              </span>
            </li>
          ) : null}
        </ul>
        {outcomeRows.length > 0 ? (
          <BarChart
            caption={t("statement.byOutcome")}
            rows={outcomeRows}
            labelHeader={t("statement.outcome")}
            valueHeader={t("statement.commentsColumn")}
            unit={t("common.commentsUnit")}
          />
        ) : null}
        {articleRows.length > 0 ? (
          <BarChart
            caption={t("statement.perArticle")}
            rows={articleRows}
            labelHeader={t("statement.article")}
            valueHeader={t("statement.commentsColumn")}
            partHeader={t("statement.adoptedColumn")}
            note={t("statement.perArticleNote")}
            unit={t("common.commentsUnit")}
          />
        ) : null}
      </section>

      <section className="section" aria-labelledby="text-heading">
        <h2 id="text-heading">{t("statement.fullText")}</h2>
        {document === undefined ? <Loading /> : null}
        {document === null ? <p>{t("statement.fullTextUnavailable")}</p> : null}
        {document ? <StatementText document={document} /> : null}
      </section>
    </>
  );
}
