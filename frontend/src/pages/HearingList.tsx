import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { usePaged } from "../api/usePaged";
import { ErrorMessage } from "../components/ErrorMessage";
import { Loading } from "../components/Loading";
import { usePageTitle } from "../components/usePageTitle";
import { graphql } from "../gql";
import type { HearingsQuery } from "../gql/graphql";
import { formatDateTime } from "../lib/format";

const HearingsDocument = graphql(`
  query Hearings($first: Int!, $after: String) {
    hearings(first: $first, after: $after) {
      edges {
        node {
          id
          kindLabel
          title
          unit
          startsAt
          venue
          statusLabel
          registrationOpen
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

type Item = HearingsQuery["hearings"]["edges"][number]["node"];

const selectPage = (data: HearingsQuery) => ({
  nodes: data.hearings.edges.map((edge) => edge.node),
  endCursor: data.hearings.pageInfo.endCursor,
  hasNextPage: data.hearings.pageInfo.hasNextPage,
});

const FIRST_PAGE = { first: 20 };

/** The published hearings, symposia and meetings, newest first. */
export default function HearingList() {
  const { t } = useTranslation();
  const { items, error, hasMore, loading, loadMore, retry } = usePaged(HearingsDocument, FIRST_PAGE, selectPage);
  usePageTitle(t("hearings.title"));

  return (
    <>
      <h1>{t("hearings.title")}</h1>
      <p className="lead">{t("hearings.intro")}</p>
      <ErrorMessage error={error} onRetry={retry} />
      {!loading && !error && items.length === 0 ? <p className="empty">{t("hearings.empty")}</p> : null}
      <ul className="cards" aria-busy={loading}>
        {items.map((item: Item) => (
          <li key={item.id} className="card">
            <h2 className="card-title">
              <Link to={`/hearings/${item.id}`}>{item.title}</Link>
            </h2>
            <p className="tags">
              <span className="tag">{item.kindLabel}</span>
              <span className="tag">{item.statusLabel}</span>
              {item.registrationOpen ? <span className="tag tag-open">{t("hearings.registrationOpen")}</span> : null}
            </p>
            <dl className="facts">
              <div>
                <dt>{t("hearing.unit")}</dt>
                <dd>{item.unit}</dd>
              </div>
              <div>
                <dt>{t("hearing.time")}</dt>
                <dd>{formatDateTime(item.startsAt)}</dd>
              </div>
              <div>
                <dt>{t("hearing.venue")}</dt>
                <dd>{item.venue}</dd>
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
