import { Suspense, lazy } from "react";
import { useTranslation } from "react-i18next";
import { Link, NavLink, Route, Routes } from "react-router";
import { useSession } from "../auth/session";
import { Loading } from "../components/Loading";
import { usePageTitle } from "../components/usePageTitle";
import "./i18n";
import { ORGANIZING_ROLES } from "./units";

// Everything staff see loads here, in chunks of its own: citizens never download it. Each area owns its
// routes and its strings (namespace named like the folder).
const DraftingRoutes = lazy(() => import("./drafting/DraftingRoutes"));
const ReviewRoutes = lazy(() => import("./review/ReviewRoutes"));
const OrganizerRoutes = lazy(() => import("./organizer/OrganizerRoutes"));

/** The staff area at /staff: signed-in staff only; everyone else is told how to get in. */
export default function StaffApp() {
  const { t } = useTranslation("staff");
  const { me, loading } = useSession();
  if (loading) return <Loading />;
  if (!me || me.kind !== "staff") return <StaffOnly signedIn={Boolean(me)} />;
  const organizes = me.roles.some((grant) => ORGANIZING_ROLES.includes(grant.role));
  return (
    <div className="staff">
      <nav aria-label={t("nav.label")} className="staff-nav">
        <ul>
          <li>
            <NavLink to="/staff" end>
              {t("nav.consultations")}
            </NavLink>
          </li>
          {organizes ? (
            <li>
              <NavLink to="/staff/hearings">{t("nav.hearings")}</NavLink>
            </li>
          ) : null}
        </ul>
      </nav>
      <Suspense fallback={<Loading />}>
        <Routes>
          <Route path="consultations/:id/review/*" element={<ReviewRoutes />} />
          <Route path="hearings/*" element={<OrganizerRoutes />} />
          <Route path="*" element={<DraftingRoutes />} />
        </Routes>
      </Suspense>
    </div>
  );
}

function StaffOnly({ signedIn }: { signedIn: boolean }) {
  const { t } = useTranslation("staff");
  usePageTitle(t("only.title"));
  return (
    <>
      <h1>{t("only.title")}</h1>
      <p>{signedIn ? t("only.notStaff") : t("only.signIn")}</p>
      {signedIn ? null : (
        <p>
          <Link to="/login?next=/staff">{t("only.login")}</Link>
        </p>
      )}
    </>
  );
}
