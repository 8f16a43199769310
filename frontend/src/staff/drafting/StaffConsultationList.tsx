import { useId, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { usePaged } from "../../api/usePaged";
import { ErrorMessage } from "../../components/ErrorMessage";
import { Loading } from "../../components/Loading";
import { usePageTitle } from "../../components/usePageTitle";
import type { StaffConsultationsQuery } from "../../gql/graphql";
import { formatDate } from "../../lib/format";
import { STATUS_FILTERS, parseStatusFilter, type StatusFilter } from "./logic";
import { StaffConsultationsDocument } from "./operations";

const selectPage = (data: StaffConsultationsQuery) => ({
  nodes: data.consultations.edges.map((edge) => edge.node),
  endCursor: data.consultations.pageInfo.endCursor,
  hasNextPage: data.consultations.pageInfo.hasNextPage,
});

/** /staff: every consultation the signed-in staff member can see (drafts of their units included). */
export default function StaffConsultationList() {
  const { t } = useTranslation("drafting");
  const [params, setParams] = useSearchParams();
  const filter = parseStatusFilter(params.get("status"));
  const variables = useMemo(() => ({ first: 20, status: filter === "ALL" ? null : filter }), [filter]);
  const { items, error, hasMore, loading, loadMore, retry } = usePaged(StaffConsultationsDocument, variables, selectPage);
  const selectId = useId();
  usePageTitle(t("list.title"));

  return (
    <>
      <h1>{t("list.title")}</h1>
      <p className="actions">
        <Link className="button" to="/staff/consultations/new">
          {t("list.new")}
        </Link>
      </p>
      <div className="filter">
        <label htmlFor={selectId}>{t("list.filterLabel")}</label>
        <select
          id={selectId}
          value={filter}
          onChange={(event) => {
            const value = event.target.value as StatusFilter;
            setParams(value === "ALL" ? {} : { status: value.toLowerCase() });
          }}
        >
          {STATUS_FILTERS.map((value) => (
            <option key={value} value={value}>
              {t(`status.${value}`)}
            </option>
          ))}
        </select>
      </div>
      <ErrorMessage error={error} onRetry={retry} />
      {!loading && !error && items.length === 0 ? <p className="empty">{t("list.empty")}</p> : null}
      <ul className="cards" aria-busy={loading}>
        {items.map((item) => (
          <li key={item.id} className="card">
            <h2 className="card-title">
              <Link to={`/staff/consultations/${item.id}`}>{item.title}</Link>
            </h2>
            <p className="tags">
              <span className={`tag tag-${item.status === "OPEN" ? "open" : "closed"}`}>{item.statusLabel}</span>
              <span className="tag">{item.kindLabel}</span>
            </p>
            <dl className="facts">
              <div>
                <dt>{t("facts.unit")}</dt>
                <dd>{item.unit}</dd>
              </div>
              {item.closingDate ? (
                <div>
                  <dt>{t("facts.deadline")}</dt>
                  <dd>{t("facts.deadlineValue", { date: formatDate(item.closingDate) })}</dd>
                </div>
              ) : null}
              <div>
                <dt>{t("facts.comments")}</dt>
                <dd>{t("facts.commentCount", { n: item.commentCount })}</dd>
              </div>
            </dl>
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
