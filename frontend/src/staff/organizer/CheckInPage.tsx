import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { useQuery } from "../../api/useQuery";
import { ErrorMessage } from "../../components/ErrorMessage";
import { Loading } from "../../components/Loading";
import { usePageTitle } from "../../components/usePageTitle";
import NotFound from "../../pages/NotFound";
import { CheckInForm } from "./CheckInForm";
import { OrganizerAttendanceDocument } from "./operations";

/** /staff/hearings/:id/check-in — made for a phone at the door. */
export default function CheckInPage() {
  const { t } = useTranslation("organizer");
  const { id = "" } = useParams();
  const valid = /^[1-9]\d*$/.test(id);
  const { data, error, refetch } = useQuery(OrganizerAttendanceDocument, { id }, { skip: !valid });
  usePageTitle(t("checkIn.title"));
  if (!valid || (data && !data.hearing)) return <NotFound />;
  const h = data?.hearing;
  return (
    <>
      <p className="breadcrumb">
        <Link to={`/staff/hearings/${id}`}>{t("common.back")}</Link>
      </p>
      <h1>{t("checkIn.title")}</h1>
      {h ? <p className="lead">{h.title}</p> : null}
      {h && h.status !== "IN_SESSION" ? <p className="notice notice-info">{t("checkIn.notInSession", { status: h.statusLabel })}</p> : null}
      <CheckInForm hearingId={id} onCheckedIn={refetch} />
      <ErrorMessage error={error} onRetry={refetch} />
      {!h && !error ? <Loading /> : null}
      {h ? (
        <section aria-labelledby="attendance-heading" className="section">
          <h2 id="attendance-heading">{t("checkIn.attendance")}</h2>
          <p data-testid="attendance-totals">
            {t("checkIn.totals", {
              present: h.attendance.participantsPresent,
              expected: h.attendance.participantsExpected,
              observersPresent: h.attendance.observersPresent,
              observersExpected: h.attendance.observersExpected,
            })}
          </p>
          <table className="data-table organizer-attendance">
            <caption>{t("checkIn.byCategory")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("checkIn.category")}</th>
                <th scope="col" className="num">
                  {t("checkIn.present")}
                </th>
                <th scope="col" className="num">
                  {t("checkIn.expected")}
                </th>
              </tr>
            </thead>
            <tbody>
              {[...h.attendance.participants, ...h.attendance.observers.map((o) => ({ ...o, label: t("checkIn.observerLabel", { label: o.label }) }))].map((c) => (
                <tr key={c.label}>
                  <th scope="row">{c.label}</th>
                  <td className="num">{c.present}</td>
                  <td className="num">{c.expected}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
    </>
  );
}
