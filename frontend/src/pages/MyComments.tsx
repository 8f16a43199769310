import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { usePaged } from "../api/usePaged";
import { useSession } from "../auth/session";
import { CommentCard, type CommentCardData } from "../components/CommentCard";
import { ErrorMessage } from "../components/ErrorMessage";
import { Loading } from "../components/Loading";
import { usePageTitle } from "../components/usePageTitle";
import { graphql } from "../gql";
import type { MyCommentsQuery } from "../gql/graphql";

const MyCommentsDocument = graphql(`
  query MyComments($first: Int!, $after: String) {
    myComments(first: $first, after: $after) {
      edges {
        node {
          receiptCode
          consultationId
          consultationTitle
          articleLabel
          body
          submittedAt
          status
          statusLabel
          outcome {
            groupTitle
            disposition
            dispositionLabel
            reason
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export default function MyComments() {
  const { t } = useTranslation();
  const { me, loading: sessionLoading } = useSession();
  usePageTitle(t("myComments.title"));
  return (
    <>
      <h1>{t("myComments.title")}</h1>
      {sessionLoading ? (
        <Loading />
      ) : me ? (
        <CommentList />
      ) : (
        <div className="notice">
          <p>{t("myComments.signIn")}</p>
          <p className="actions">
            <Link className="button" to="/login?next=%2Fmy%2Fcomments">
              {t("nav.login")}
            </Link>
            <Link className="button button-secondary" to="/receipt">
              {t("myComments.orReceipt")}
            </Link>
          </p>
        </div>
      )}
    </>
  );
}

const selectPage = (data: MyCommentsQuery) => ({
  nodes: data.myComments.edges.map((edge) => edge.node),
  endCursor: data.myComments.pageInfo.endCursor,
  hasNextPage: data.myComments.pageInfo.hasNextPage,
});

const FIRST_PAGE = { first: 20 };

function CommentList() {
  const { t } = useTranslation();
  const { items, error, hasMore, loading, loadMore, retry } = usePaged(MyCommentsDocument, FIRST_PAGE, selectPage);

  return (
    <>
      <ErrorMessage error={error} onRetry={retry} />
      {!loading && !error && items.length === 0 ? <p className="empty">{t("myComments.empty")}</p> : null}
      <ul className="cards" aria-busy={loading}>
        {items.map((item: CommentCardData) => (
          <li key={item.receiptCode}>
            <CommentCard comment={item} />
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
