import { useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, request } from "../../api/client";
import { ErrorMessage } from "../../components/ErrorMessage";
import type { OrganizerCheckInMutation } from "../../gql/graphql";
import { formatDateTime } from "../../lib/format";
import { OrganizerCheckInDocument } from "./operations";
import { QrScanner } from "./QrScanner";

type Result = OrganizerCheckInMutation["checkIn"];
type Outcome = { kind: "ok"; result: Result; code: string } | { kind: "error"; error: ApiError; code: string };

/** The door: a big code field, the answer at once (who, category, or the API's error), QR when possible. */
export function CheckInForm({ hearingId, onCheckedIn }: { hearingId: string; onCheckedIn: () => void }) {
  const { t } = useTranslation("organizer");
  const [code, setCode] = useState("");
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>();
  const field = useRef<HTMLInputElement>(null);

  async function checkIn(value: string) {
    const typed = value.trim();
    if (!typed || busy) return;
    setBusy(true);
    try {
      const data = await request(OrganizerCheckInDocument, { code: typed, hearingId });
      setOutcome({ kind: "ok", result: data.checkIn, code: typed });
      onCheckedIn();
    } catch (error) {
      const failure = error instanceof ApiError ? error : new ApiError(String(error), "UNKNOWN", { retryable: true });
      setOutcome({ kind: "error", error: failure, code: typed });
    } finally {
      setBusy(false);
      setCode("");
      field.current?.focus();
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    void checkIn(code);
  }

  return (
    <>
      <form className="organizer-check-in" onSubmit={submit}>
        <label htmlFor="check-in-code">{t("checkIn.codeLabel")}</label>
        <p id="check-in-hint" className="hint">
          {t("checkIn.codeHint")}
        </p>
        <input
          id="check-in-code"
          ref={field}
          aria-describedby="check-in-hint"
          className="organizer-code-input"
          value={code}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={32}
          onChange={(e) => setCode(e.target.value)}
        />
        <button type="submit" className="button organizer-big-button" disabled={busy || !code.trim()}>
          {busy ? t("checkIn.checking") : t("checkIn.submit")}
        </button>
      </form>
      <QrScanner onCode={(scanned) => void checkIn(scanned)} />
      <div aria-live="polite" data-testid="check-in-result">
        {outcome?.kind === "ok" ? (
          <div className="notice notice-success organizer-check-in-result">
            <p className="organizer-result-title">{t("checkIn.ok", { name: outcome.result.name })}</p>
            <p>
              {t(outcome.result.attendee === "observer" ? "checkIn.observer" : "checkIn.participant", { category: outcome.result.categoryLabel })}
              {outcome.result.organization ? ` · ${outcome.result.organization}` : ""}
            </p>
            <p className="muted">{t("checkIn.at", { time: formatDateTime(outcome.result.checkedInAt), code: outcome.code })}</p>
          </div>
        ) : null}
      </div>
      {outcome?.kind === "error" ? (
        <>
          <p className="organizer-result-title">{t("checkIn.failed", { code: outcome.code })}</p>
          <ErrorMessage error={outcome.error} />
        </>
      ) : null}
    </>
  );
}
