import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { ErrorMessage } from "../../components/ErrorMessage";
import { TextAreaField } from "./FormFields";
import { useAction } from "../useAction";

/** A consequential action behind a confirmation step, with a reason when it takes one. */
export function ConfirmAction({
  label,
  warning,
  reasonLabel,
  confirmLabel,
  onConfirm,
  danger = false,
}: {
  label: string;
  warning: string;
  reasonLabel?: string;
  confirmLabel: string;
  onConfirm: (reason: string) => Promise<unknown>;
  danger?: boolean;
}) {
  const { t } = useTranslation("drafting");
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const { busy, error, run } = useAction();
  const headingId = useId();
  const form = useRef<HTMLFormElement>(null);
  const wasOpen = useRef(false);
  const opener = useRef<HTMLButtonElement>(null);

  // Opening moves focus into the confirmation; cancelling brings it back to the button.
  useEffect(() => {
    if (open) form.current?.querySelector<HTMLElement>("textarea, button[type=submit]")?.focus();
    else if (wasOpen.current) opener.current?.focus();
    wasOpen.current = open;
  }, [open]);

  if (!open) {
    return (
      <button type="button" ref={opener} className={danger ? "button button-danger" : "button button-secondary"} onClick={() => setOpen(true)}>
        {label}
      </button>
    );
  }

  async function confirm(event: FormEvent) {
    event.preventDefault();
    const done = await run(async () => {
      await onConfirm(reason.trim());
      return true;
    });
    if (done) setOpen(false);
  }

  return (
    <form ref={form} className="confirm" aria-labelledby={headingId} onSubmit={(event) => void confirm(event)}>
      <h3 id={headingId}>{label}</h3>
      <p className="notice notice-info">{warning}</p>
      {reasonLabel ? (
        <TextAreaField label={reasonLabel} rows={2} value={reason} onChange={(event) => setReason(event.target.value)} />
      ) : null}
      <ErrorMessage error={error} />
      <p className="actions">
        <button type="submit" className={danger ? "button button-danger" : "button"} disabled={busy}>
          {confirmLabel}
        </button>
        <button type="button" className="button button-secondary" onClick={() => setOpen(false)}>
          {t("common.cancel")}
        </button>
      </p>
    </form>
  );
}
