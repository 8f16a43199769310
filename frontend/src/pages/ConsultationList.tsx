import { useId, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { usePaged } from "../api/usePaged";
import { ErrorMessage } from "../components/ErrorMessage";
import { Loading } from "../components/Loading";
import { usePageTitle } from "../components/usePageTitle";
import { graphql } from "../gql";
import type { ConsultationStatus, ConsultationsQuery } from "../gql/graphql";
import { formatDate } from "../lib/format";

const ConsultationsDocument = graphql(`
  query Consultations($first: Int!, $after: String, $status: ConsultationStatus) {
    consultations(first: $first, after: $after, status: $status) {
      edges {
        node {
          id
          title
          kindLabel
          status
          statusLabel
          unit
          summary
          closingDate
          acceptingComments
          commentCount
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

type Item = ConsultationsQuery["consultations"]["edges"][number]["node"];

/** The filter choices: open ones first (the default), then each later stage, then everything. */
export const STATUS_FILTERS = ["OPEN", "CLOSED", "REVIEWING", "STATEMENT_PUBLISHED", "DECIDED", "ALL"] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];

function parseFilter(value: string | null): StatusFilter {
  const upper = (value ?? "open").toUpperCase();
  return (STATUS_FILTERS as readonly string[]).includes(upper) ? (upper as StatusFilter) : "OPEN";
}

const PAGE_SIZE = 20;

const selectPage = (data: ConsultationsQuery) => ({
  nodes: data.consultations.edges.map((edge) => edge.node),
  endCursor: data.consultations.pageInfo.endCursor,
  hasNextPage: data.consultations.pageInfo.hasNextPage,
});

export function ConsultationList() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filter = parseFilter(params.get("status"));
  const status: ConsultationStatus | null = filter === "ALL" ? null : filter;
  const variables = useMemo(() => ({ first: PAGE_SIZE, status }), [status]);
  const { items, error, hasMore, loading, loadMore, retry } = usePaged(ConsultationsDocument, variables, selectPage);
  const selectId = useId();
  usePageTitle(t("list.title"));

  return (
    <>
      <h1>{t("list.title")}</h1>
      <p className="lead">{t("list.intro")}</p>
      <div className="filter">
        <label htmlFor={selectId}>{t("list.filterLabel")}</label>
        <select
          id={selectId}
          value={filter}
          onChange={(event) => {
            const value = event.target.value as StatusFilter;
            setParams(value === "OPEN" ? {} : { status: value.toLowerCase() });
          }}
        >
          {STATUS_FILTERS.map((value) => (
            <option key={value} value={value}>
              {t(`list.filter.${value}`)}
            </option>
          ))}
        </select>
      </div>
      <ErrorMessage error={error} onRetry={retry} />
      {!loading && !error && items.length === 0 ? <p className="empty">{t("list.empty")}</p> : null}
      <ul className="cards" aria-busy={loading}>
        {items.map((item: Item) => (
          <li key={item.id} className="card">
            <h2 className="card-title">
              <Link to={`/consultations/${item.id}`}>{item.title}</Link>
            </h2>
            <p className="tags">
              <span className={`tag tag-${item.acceptingComments ? "open" : "closed"}`}>{item.statusLabel}</span>
              <span className="tag">{item.kindLabel}</span>
            </p>
            <dl className="facts">
              <div>
                <dt>{t("notice.unit")}</dt>
                <dd>{item.unit}</dd>
              </div>
              {item.closingDate ? (
                <div>
                  <dt>{t("notice.deadline")}</dt>
                  <dd>{t("notice.deadlineValue", { date: formatDate(item.closingDate) })}</dd>
                </div>
              ) : null}
              <div>
                <dt>{t("notice.commentCount")}</dt>
                <dd>{t("common.countComments", { n: item.commentCount })}</dd>
              </div>
            </dl>
            {item.summary ? <p className="card-summary">{item.summary}</p> : null}
          </li>
        ))}
      </ul>
      {loading ? <Loading /> : null}
      {hasMore && !loading ? (
        <button type="button" className="button button-secondary" onClick={() => void loadMore()}>
          {t("list.more")}
        </button>
      ) : null}
    </>
  );
}
