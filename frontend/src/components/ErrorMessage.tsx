import { useTranslation } from "react-i18next";
import type { ApiError } from "../api/client";

/** An API failure shown as the Chinese message the API returned (never as HTML). */
export function ErrorMessage({ error, id, onRetry }: { error: ApiError | undefined; id?: string; onRetry?: () => void }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <div className="notice notice-error" role="alert" id={id}>
      <p>{error.message}</p>
      {onRetry && error.isTransient ? (
        <button type="button" className="button button-secondary" onClick={onRetry}>
          {t("common.retry")}
        </button>
      ) : null}
    </div>
  );
}
