import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { useQuery } from "../../api/useQuery";
import { ErrorMessage } from "../../components/ErrorMessage";
import { Loading } from "../../components/Loading";
import { usePageTitle } from "../../components/usePageTitle";
import { formatDateTime } from "../../lib/format";
import { AuditTrailDocument } from "./operations";
import { ScrollRegion } from "./ScrollRegion";

/** A before/after value as compact text (JSON from the audit log; rendered as text, never as HTML). */
export function auditValue(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "object" && !Array.isArray(value)) {
    return Object.entries(value as Record<string, unknown>)
      .map(([key, item]) => `${key}: ${typeof item === "string" ? item : JSON.stringify(item)}`)
      .join("；");
  }
  return typeof value === "string" ? value : JSON.stringify(value);
}

/** /staff/consultations/:id/audit: the consultation's audit trail, newest first. */
export default function AuditPage() {
  const { t } = useTranslation("drafting");
  const { id = "" } = useParams();
  const { data, error, loading, refetch } = useQuery(AuditTrailDocument, { id });
  usePageTitle(t("audit.title"));
  const consultation = data?.consultation;
  return (
    <>
      <p className="breadcrumb">
        <Link to="/staff">{t("list.title")}</Link> › <Link to={`/staff/consultations/${id}`}>{consultation?.title ?? t("workbench.title")}</Link>
      </p>
      <h1>{t("audit.title")}</h1>
      <ErrorMessage error={error} onRetry={refetch} />
      {loading ? <Loading /> : null}
      {data && !consultation ? <p>{t("workbench.notFound")}</p> : null}
      {consultation?.auditTrail ? (
        <ScrollRegion labelledBy="audit-caption">
          <table className="data-table audit-table">
            <caption id="audit-caption">{t("audit.caption", { n: consultation.auditTrail.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("audit.seq")}</th>
                <th scope="col">{t("audit.time")}</th>
                <th scope="col">{t("audit.actor")}</th>
                <th scope="col">{t("audit.action")}</th>
                <th scope="col">{t("audit.before")}</th>
                <th scope="col">{t("audit.after")}</th>
              </tr>
            </thead>
            <tbody>
              {consultation.auditTrail.map((event) => (
                <tr key={event.seq}>
                  <td className="num">{event.seq}</td>
                  <td>{formatDateTime(event.occurredAt)}</td>
                  <td>{event.actor}</td>
                  <td>
                    <code>{event.action}</code>
                  </td>
                  <td className="audit-value">{auditValue(event.before)}</td>
                  <td className="audit-value">{auditValue(event.after)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      ) : null}
    </>
  );
}
