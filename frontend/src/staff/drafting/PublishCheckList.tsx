import { useTranslation } from "react-i18next";
import type { PublishChecksQuery } from "../../gql/graphql";

export type Checks = NonNullable<NonNullable<PublishChecksQuery["consultation"]>["publishChecks"]>;

/** Every rule publishing checks, passed or not, with the API's own message for a failing one. */
export function PublishCheckList({ checks, id }: { checks: Checks; id?: string }) {
  const { t } = useTranslation("drafting");
  const failing = checks.checks.filter((check) => !check.passed).length;
  return (
    <div id={id}>
      <p role="status" className={`notice ${checks.ready ? "notice-success" : "notice-info"}`}>
        {checks.ready ? t("publish.ready") : t("publish.notReady", { n: failing })}
      </p>
      <ul className="checks" aria-label={t("publish.checksLabel")}>
        {checks.checks.map((check) => (
          <li key={check.code} className={check.passed ? "check check-pass" : "check check-fail"} data-code={check.code}>
            <span className="check-mark" aria-hidden="true">
              {check.passed ? "✓" : "✗"}
            </span>
            <span className="visually-hidden">{check.passed ? t("publish.passed") : t("publish.failed")}</span>
            <span className="check-label">{check.label}</span>
            {check.detail ? <span className="muted">（{check.detail}）</span> : null}
            {!check.passed && check.message ? <p className="field-error">{check.message}</p> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
