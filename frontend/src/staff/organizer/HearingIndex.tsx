import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { usePaged } from "../../api/usePaged";
import { useQuery } from "../../api/useQuery";
import { useSession } from "../../auth/session";
import { ErrorMessage } from "../../components/ErrorMessage";
import { Loading } from "../../components/Loading";
import { usePageTitle } from "../../components/usePageTitle";
import type { OrganizerHearingsQuery } from "../../gql/graphql";
import { formatDateTime } from "../../lib/format";
import { OrganizerHearingsDocument, OrganizerUnitsDocument } from "./operations";
import { ORGANIZING_ROLES, unitsWithRole } from "../units";

const selectPage = (data: OrganizerHearingsQuery) => ({
  nodes: data.hearings.edges.map((edge) => edge.node),
  endCursor: data.hearings.pageInfo.endCursor,
  hasNextPage: data.hearings.pageInfo.hasNextPage,
});
const PAGE = { first: 50 };

/** The hearings of the organizer's units, every status, newest first. */
export default function HearingIndex() {
  const { t } = useTranslation("organizer");
  usePageTitle(t("index.title"));
  const { me } = useSession();
  const units = useQuery(OrganizerUnitsDocument, {});
  const { items, error, hasMore, loading, loadMore, retry } = usePaged(OrganizerHearingsDocument, PAGE, selectPage);
  const mine = useMemo(() => new Set(unitsWithRole(me, ORGANIZING_ROLES, units.data?.units ?? []).map((u) => u.id)), [me, units.data]);
  const shown = items.filter((h) => mine.has(h.unitId));

  return (
    <>
      <h1>{t("index.title")}</h1>
      <p className="lead">{t("index.intro")}</p>
      <div className="actions">
        <Link className="button" to="/staff/hearings/new">
          {t("index.new")}
        </Link>
      </div>
      <ErrorMessage error={units.error ?? error} onRetry={units.error ? units.refetch : retry} />
      {loading || units.loading ? <Loading /> : null}
      {!loading && !units.loading && !error && shown.length === 0 ? <p className="empty">{t("index.empty")}</p> : null}
      {shown.length > 0 ? (
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
        <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="organizer-hearings-caption">
          <table className="data-table">
            <caption id="organizer-hearings-caption">{t("index.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("index.titleColumn")}</th>
                <th scope="col">{t("index.kind")}</th>
                <th scope="col">{t("index.status")}</th>
                <th scope="col">{t("index.startsAt")}</th>
                <th scope="col">{t("index.unit")}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((h) => (
                <tr key={h.id}>
                  <td>
                    <Link to={`/staff/hearings/${h.id}`}>{h.title}</Link>
                  </td>
                  <td>{h.kindLabel}</td>
                  <td>{h.statusLabel}</td>
                  <td>{formatDateTime(h.startsAt)}</td>
                  <td>{h.unit}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {hasMore ? (
        <div className="actions">
          <button type="button" className="button button-secondary" disabled={loading} onClick={() => void loadMore()}>
            {t("common.loadMore")}
          </button>
        </div>
      ) : null}
    </>
  );
}
