import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { formatDateTime } from "../lib/format";
import { CopyButton } from "./CopyButton";

/** The receipt code after a comment was committed: shown large, copyable, with where to look it up. */
export function ReceiptPanel({
  code,
  submittedAt,
  duplicate,
  onAnother,
}: {
  code: string;
  submittedAt: string;
  duplicate: boolean;
  onAnother?: () => void;
}) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="receipt" aria-labelledby={`receipt-${code}`}>
      <h3 id={`receipt-${code}`} ref={heading} tabIndex={-1}>
        {duplicate ? t("receipt.duplicateTitle") : t("receipt.title")}
      </h3>
      <p>{t("receipt.codeLabel")}</p>
      <p className="receipt-code" data-testid="receipt-code">
        {code}
      </p>
      <p className="muted">{t("receipt.submittedAt", { time: formatDateTime(submittedAt) })}</p>
      <p>{t("receipt.keepIt")}</p>
      <div className="actions">
        <CopyButton text={code} label={t("receipt.copy")} />
        <Link className="button button-secondary" to={`/receipt?code=${encodeURIComponent(code)}`}>
          {t("receipt.lookUp")}
        </Link>
        {onAnother ? (
          <button type="button" className="button button-link" onClick={onAnother}>
            {t("receipt.another")}
          </button>
        ) : null}
      </div>
    </section>
  );
}
