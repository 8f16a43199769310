import { useEffect, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useParams } from "react-router";
import { useQuery } from "../api/useQuery";
import { CommentBox } from "../components/CommentBox";
import { ErrorMessage } from "../components/ErrorMessage";
import { Loading } from "../components/Loading";
import { usePageTitle } from "../components/usePageTitle";
import { graphql } from "../gql";
import type { ConsultationQuery } from "../gql/graphql";
import type { CommentLimits } from "../lib/chars";
import { draftedTargets } from "../lib/draft";
import { formatDate, formatDateTime, safeHref } from "../lib/format";
import NotFound from "./NotFound";

const ConsultationDocument = graphql(`
  query Consultation($id: ID!) {
    consultation(id: $id) {
      id
      title
      kindLabel
      status
      statusLabel
      unit
      summary
      explanation
      basis
      offlineChannels
      opensAt
      closingDate
      closesAt
      minimumPeriod
      shortenedReason
      acceptingComments
      commentCount
      commentLimits {
        minChars
        maxChars
      }
      withdrawnReason
      publicationChannels {
        channel
        url
        publishedOn
      }
      draft {
        number
        preamble
        articles {
          id
          label
          heading
          body
        }
      }
    }
  }
`);

type Consultation = NonNullable<ConsultationQuery["consultation"]>;
type Article = NonNullable<Consultation["draft"]>["articles"][number];

const WITH_STATEMENT = new Set(["STATEMENT_PUBLISHED", "DECIDED"]);

export default function ConsultationPage() {
  const { id = "" } = useParams();
  const valid = /^[1-9]\d*$/.test(id);
  const { data, error, loading, refetch } = useQuery(ConsultationDocument, { id }, { skip: !valid });
  const consultation = data?.consultation;
  usePageTitle(consultation?.title);

  if (!valid || (data && !consultation)) return <NotFound />;
  if (error) return <ErrorMessage error={error} onRetry={refetch} />;
  if (loading || !consultation) return <Loading />;
  return <ConsultationView consultation={consultation} />;
}

function ConsultationView({ consultation: c }: { consultation: Consultation }) {
  const { t } = useTranslation();
  const location = useLocation();
  const drafted = new Set(draftedTargets(c.id));
  const articles = c.draft?.articles ?? [];
  const withChapters = articles.some((article) => article.heading !== "");

  // Arriving at #article-12 (back from signing in, or a shared link): scroll to it once it exists.
  useEffect(() => {
    if (!location.hash) return;
    const target = document.getElementById(location.hash.slice(1));
    target?.scrollIntoView();
  }, [location.hash]);

  return (
    <article className="consultation">
      <p className="breadcrumb">
        <Link to="/">{t("consultation.back")}</Link>
      </p>
      <h1>{c.title}</h1>
      <p className="tags">
        <span className={`tag tag-${c.acceptingComments ? "open" : "closed"}`}>{c.statusLabel}</span>
        <span className="tag">{c.kindLabel}</span>
      </p>
      <StatusCallout consultation={c} />

      <section aria-labelledby="notice-heading" className="section">
        <h2 id="notice-heading">{t("notice.title")}</h2>
        {c.summary ? <p className="text">{c.summary}</p> : null}
        <dl className="facts facts-notice">
          <div>
            <dt>{t("notice.unit")}</dt>
            <dd>{c.unit}</dd>
          </div>
          <div>
            <dt>{t("notice.kind")}</dt>
            <dd>{c.kindLabel}</dd>
          </div>
          {c.opensAt ? (
            <div>
              <dt>{t("notice.window")}</dt>
              <dd>
                {t("notice.windowValue", {
                  opens: formatDateTime(c.opensAt),
                  closes: formatDate(c.closingDate),
                })}
              </dd>
            </div>
          ) : null}
          <div>
            <dt>{t("notice.minimumPeriod")}</dt>
            <dd>{c.minimumPeriod}</dd>
          </div>
          {c.shortenedReason ? (
            <div>
              <dt>{t("notice.shortenedReason")}</dt>
              <dd className="text">{c.shortenedReason}</dd>
            </div>
          ) : null}
          <div>
            <dt>{t("notice.commentCount")}</dt>
            <dd>{t("common.countComments", { n: c.commentCount })}</dd>
          </div>
          {c.publicationChannels.length > 0 ? (
            <div>
              <dt>{t("notice.publishedIn")}</dt>
              <dd>
                <ul className="plain">
                  {c.publicationChannels.map((channel, index) => {
                    const href = safeHref(channel.url);
                    return (
                      <li key={index}>
                        {href ? (
                          <a href={href} rel="noopener noreferrer">
                            {channel.channel}
                          </a>
                        ) : (
                          channel.channel
                        )}
                        {channel.publishedOn ? (
                          <span className="muted">
                            {t("notice.publishedOn", { date: formatDate(channel.publishedOn) })}
                          </span>
                        ) : null}
                      </li>
                    );
                  })}
                </ul>
              </dd>
            </div>
          ) : null}
        </dl>
        {c.offlineChannels ? (
          <>
            <h3>{t("notice.offline")}</h3>
            <p className="text">{c.offlineChannels}</p>
          </>
        ) : null}
      </section>

      {c.basis ? (
        <details className="section details">
          <summary>
            <h2>{t("notice.basis")}</h2>
          </summary>
          <p className="text">{c.basis}</p>
        </details>
      ) : null}
      {c.explanation ? (
        <details className="section details">
          <summary>
            <h2>{t("notice.explanation")}</h2>
          </summary>
          <p className="text">{c.explanation}</p>
        </details>
      ) : null}

      <section aria-labelledby="draft-heading" className="section">
        <h2 id="draft-heading">{t("draft.title")}</h2>
        {c.draft ? (
          <>
            <p className="muted">
              {t("draft.version", { number: c.draft.number, articles: articles.length })}
              {c.acceptingComments ? ` ${t("draft.howTo")}` : ""}
            </p>
            {c.draft.preamble ? <p className="text draft-preamble">{c.draft.preamble}</p> : null}
            <ol className="articles">
              {articles.map((article, index) => (
                <ArticleItem
                  key={article.id}
                  consultationId={c.id}
                  article={article}
                  chapter={
                    article.heading && article.heading !== articles[index - 1]?.heading ? article.heading : undefined
                  }
                  level={withChapters ? 4 : 3}
                  accepting={c.acceptingComments}
                  limits={c.commentLimits}
                  startOpen={drafted.has(article.id) || location.hash === `#article-${article.id}`}
                />
              ))}
            </ol>
          </>
        ) : (
          <p>{t("draft.none")}</p>
        )}
      </section>

      {c.acceptingComments ? (
        <section aria-labelledby="whole-draft" className="section whole-draft">
          <h2 id="whole-draft" tabIndex={-1}>
            {t("draft.wholeTitle")}
          </h2>
          <CommentBox
            consultationId={c.id}
            articleId={null}
            targetLabel={t("draft.whole")}
            limits={c.commentLimits}
          />
        </section>
      ) : null}
    </article>
  );
}

function StatusCallout({ consultation: c }: { consultation: Consultation }) {
  const { t } = useTranslation();
  if (c.acceptingComments) {
    return (
      <div className="notice notice-info">
        <p>
          <strong>{t("consultation.openUntil", { date: formatDate(c.closingDate) })}</strong>
        </p>
        <p>
          {t("consultation.howToTakePart")} <a href="#whole-draft">{t("consultation.jumpToWhole")}</a>
        </p>
      </div>
    );
  }
  if (c.status === "WITHDRAWN") {
    return (
      <div className="notice">
        <p>{t("consultation.withdrawn")}</p>
        {c.withdrawnReason ? <p className="text">{c.withdrawnReason}</p> : null}
      </div>
    );
  }
  if (WITH_STATEMENT.has(c.status)) {
    return (
      <div className="notice notice-info">
        <p>{t("consultation.statementReady")}</p>
        <p>
          <Link className="button" to={`/consultations/${c.id}/statement`}>
            {t("consultation.readStatement")}
          </Link>
        </p>
      </div>
    );
  }
  return (
    <div className="notice">
      <p>{t("consultation.closed", { date: formatDate(c.closingDate) })}</p>
    </div>
  );
}

function ArticleItem({
  consultationId,
  article,
  chapter,
  level,
  accepting,
  limits,
  startOpen,
}: {
  consultationId: string;
  article: Article;
  chapter: string | undefined;
  level: 3 | 4;
  accepting: boolean;
  limits: CommentLimits;
  startOpen: boolean;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(startOpen);
  const panelId = useId();
  const Heading = level === 3 ? "h3" : "h4";
  return (
    <li className="article" id={`article-${article.id}`}>
      {chapter ? <h3 className="chapter">{chapter}</h3> : null}
      <Heading className="article-label">{article.label}</Heading>
      <p className="text article-body">{article.body}</p>
      {accepting ? (
        <>
          <button
            type="button"
            className="button button-secondary button-small"
            aria-expanded={open}
            aria-controls={panelId}
            onClick={() => setOpen((was) => !was)}
          >
            {t("draft.commentOn", { label: article.label })}
          </button>
          <div id={panelId} hidden={!open}>
            {open ? (
              <CommentBox
                consultationId={consultationId}
                articleId={article.id}
                targetLabel={article.label}
                limits={limits}
              />
            ) : null}
          </div>
        </>
      ) : null}
    </li>
  );
}
