import { useTranslation } from "react-i18next";
import { Link, NavLink, Route, Routes, useParams } from "react-router";
import { ErrorMessage } from "../../components/ErrorMessage";
import { Loading } from "../../components/Loading";
import type { ReviewConsultationQuery } from "../../gql/graphql";
import GroupsPage from "./GroupsPage";
import { useLiveQuery } from "./hooks";
import { ReviewConsultationDocument } from "./operations";
import StatementPage from "./StatementPage";

const never = () => false;

export type ReviewConsultation = NonNullable<ReviewConsultationQuery["consultation"]>;

/** /staff/consultations/:id/review/*: the decision team's review of one consultation. */
export default function ReviewRoutes() {
  const { t } = useTranslation("review");
  const { id = "" } = useParams();
  const valid = /^[1-9]\d*$/.test(id);
  // Kept while it reloads (after a publication changes the status), so the page below stays mounted.
  const { data, error, loading, refresh: refetch } = useLiveQuery(ReviewConsultationDocument, { id }, never);
  const consultation = data?.consultation;

  if (!valid || (data && !consultation)) return <p className="notice">{t("notFound")}</p>;
  if (error) return <ErrorMessage error={error} onRetry={refetch} />;
  if (loading || !consultation) return <Loading />;
  const base = `/staff/consultations/${consultation.id}/review`;

  return (
    <div className="review">
      <p className="breadcrumb">
        <Link to="/staff">{t("nav.back")}</Link>
      </p>
      <h1>{consultation.title}</h1>
      <p className="tags">
        <span className="tag">{t("status", { status: consultation.statusLabel })}</span>
      </p>
      <nav aria-label={t("nav.label")} className="staff-nav review-nav">
        <ul>
          <li>
            <NavLink to={base} end>
              {t("nav.groups")}
            </NavLink>
          </li>
          <li>
            <NavLink to={`${base}/statement`}>{t("nav.statement")}</NavLink>
          </li>
        </ul>
      </nav>
      <Routes>
        <Route index element={<GroupsPage consultation={consultation} onChanged={refetch} />} />
        <Route path="statement" element={<StatementPage consultation={consultation} onChanged={refetch} />} />
        <Route path="*" element={<p className="notice">{t("notFound")}</p>} />
      </Routes>
    </div>
  );
}
