import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { usePaged } from "../api/usePaged";
import { useQuery } from "../api/useQuery";
import { useSession } from "../auth/session";
import { ErrorMessage } from "../components/ErrorMessage";
import { Loading } from "../components/Loading";
import { QrImage } from "../components/QrImage";
import { usePageTitle } from "../components/usePageTitle";
import { graphql } from "../gql";
import type { MyRegistrationsQuery } from "../gql/graphql";
import { formatDateTime } from "../lib/format";
import { RegistrationCard } from "./HearingPage";

const MyRegistrationsDocument = graphql(`
  query MyRegistrations($first: Int!, $after: String) {
    myRegistrations(first: $first, after: $after) {
      edges {
        node {
          ...MyRegistrationFields
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

const MyCheckInDocument = graphql(`
  query MyCheckIn($hearingId: ID!) {
    myCheckIn(hearingId: $hearingId) {
      hearingId
      code
      checkedInAt
      qrSvg
    }
  }
`);

export default function MyRegistrations() {
  const { t } = useTranslation();
  const { me, loading: sessionLoading } = useSession();
  usePageTitle(t("myRegistrations.title"));
  return (
    <>
      <h1>{t("myRegistrations.title")}</h1>
      {sessionLoading ? (
        <Loading />
      ) : me ? (
        <RegistrationList />
      ) : (
        <div className="notice">
          <p>{t("myRegistrations.signIn")}</p>
          <p className="actions">
            <Link className="button" to="/login?next=%2Fmy%2Fregistrations">
              {t("nav.login")}
            </Link>
          </p>
        </div>
      )}
    </>
  );
}

const selectPage = (data: MyRegistrationsQuery) => ({
  nodes: data.myRegistrations.edges.map((edge) => edge.node),
  endCursor: data.myRegistrations.pageInfo.endCursor,
  hasNextPage: data.myRegistrations.pageInfo.hasNextPage,
});

const FIRST_PAGE = { first: 20 };

function RegistrationList() {
  const { t } = useTranslation();
  const { items, error, hasMore, loading, loadMore, retry } = usePaged(MyRegistrationsDocument, FIRST_PAGE, selectPage);

  return (
    <>
      <ErrorMessage error={error} onRetry={retry} />
      {!loading && !error && items.length === 0 ? (
        <div className="empty">
          <p>{t("myRegistrations.empty")}</p>
          <p>
            <Link to="/hearings">{t("myRegistrations.browse")}</Link>
          </p>
        </div>
      ) : null}
      <ul className="cards" aria-busy={loading}>
        {items.map((item) => (
          <li key={item.id}>
            <RegistrationCard registration={item} onCancelled={retry} showHearing>
              {item.status === "SELECTED" ? <CheckIn hearingId={item.hearingId} /> : null}
            </RegistrationCard>
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

/** The check-in code and its QR code, fetched with the card (the API generates it on first request). */
export function CheckIn({ hearingId }: { hearingId: string }) {
  const { t } = useTranslation();
  const { data, error, loading, refetch } = useQuery(MyCheckInDocument, { hearingId });
  const pass = data?.myCheckIn;
  return (
    <div className="receipt" aria-live="polite">
      {loading ? <Loading /> : null}
      <ErrorMessage error={error} onRetry={refetch} />
      {data && !pass ? <p className="muted">{t("myRegistrations.noCheckIn")}</p> : null}
      {pass ? (
        <>
          <h3>{t("myRegistrations.checkIn")}</h3>
          <p className="receipt-code mono" data-testid="check-in-code">
            {pass.code}
          </p>
          <QrImage svg={pass.qrSvg} alt={t("myRegistrations.qrAlt", { code: pass.code })} />
          {pass.checkedInAt ? (
            <p className="notice notice-success">{t("myRegistrations.checkedInAt", { time: formatDateTime(pass.checkedInAt) })}</p>
          ) : (
            <p className="hint">{t("myRegistrations.checkInHint")}</p>
          )}
        </>
      ) : null}
    </div>
  );
}
