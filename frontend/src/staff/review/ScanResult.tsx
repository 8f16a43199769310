import { useTranslation } from "react-i18next";

const KINDS = ["id_card", "mobile", "landline", "contact_number", "email", "address", "name"] as const;

/** The personal-data scan made when the statement was generated (rules H): clean, or what it found. */
export function ScanResult({ findings }: { findings: { kind: string; excerpt: string }[] }) {
  const { t } = useTranslation("review");
  const kindLabel = (kind: string) => {
    const known = KINDS.find((k) => k === kind);
    return known ? t(`statement.scan.kinds.${known}`) : kind;
  };
  return (
    <section className="section" aria-labelledby="scan-heading" data-testid="scan-result">
      <h2 id="scan-heading">{t("statement.scan.heading")}</h2>
      {findings.length === 0 ? (
        <p className="notice notice-success">{t("statement.scan.clean")}</p>
      ) : (
        <div className="notice notice-error">
          <p>{t("statement.scan.found", { count: findings.length })}</p>
          <ul>
            {findings.map((finding, index) => (
              <li key={index}>
                {kindLabel(finding.kind)}：<span className="text">{finding.excerpt}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
