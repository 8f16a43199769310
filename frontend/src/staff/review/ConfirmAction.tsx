import { useState } from "react";
import { useTranslation } from "react-i18next";

/** A button that asks first: the question and a confirm/cancel pair replace it until answered. */
export function ConfirmAction({
  label,
  question,
  confirmLabel,
  busy,
  onConfirm,
}: {
  label: string;
  question: string;
  confirmLabel: string;
  busy?: boolean;
  onConfirm: () => void;
}) {
  const { t } = useTranslation("review");
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button type="button" className="button" disabled={busy} onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  }
  return (
    <div className="notice review-confirm" role="alertdialog" aria-label={label}>
      <p>{question}</p>
      <p className="actions">
        <button
          type="button"
          className="button"
          disabled={busy}
          // eslint-disable-next-line jsx-a11y/no-autofocus -- the question just appeared in place of the button
          autoFocus
          onClick={() => {
            setAsking(false);
            onConfirm();
          }}
        >
          {confirmLabel}
        </button>
        <button type="button" className="button button-secondary" onClick={() => setAsking(false)}>
          {t("statement.cancel")}
        </button>
      </p>
    </div>
  );
}
