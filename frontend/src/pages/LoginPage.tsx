import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router";
import { ApiError } from "../api/client";
import { useSession } from "../auth/session";
import { ErrorMessage } from "../components/ErrorMessage";
import { Field } from "../components/Field";
import { usePageTitle } from "../components/usePageTitle";
import { safeNext } from "../lib/next";

export default function LoginPage() {
  const { t } = useTranslation();
  const { login } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get("next"));
  const [identifier, setIdentifier] = useState("");
  const [password, setPassword] = useState("");
  const [showPassword, setShowPassword] = useState(false);
  const [error, setError] = useState<ApiError | undefined>();
  const [busy, setBusy] = useState(false);
  usePageTitle(t("login.title"));

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!identifier.trim() || !password) {
      setError(new ApiError(t("login.missing"), "REQUIRED"));
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      await login(identifier.trim(), password);
      navigate(next, { replace: true });
    } catch (failure) {
      setError(failure as ApiError);
      setBusy(false);
    }
  }

  return (
    <>
      <h1>{t("login.title")}</h1>
      <form className="form" onSubmit={onSubmit} noValidate>
        <ErrorMessage error={error} />
        <Field
          label={t("login.identifier")}
          hint={t("login.identifierHint")}
          name="identifier"
          autoComplete="username"
          value={identifier}
          onChange={(event) => setIdentifier(event.target.value)}
          required
        />
        <Field
          label={t("login.password")}
          name="password"
          type={showPassword ? "text" : "password"}
          autoComplete="current-password"
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          required
        />
        <label className="checkbox">
          <input type="checkbox" checked={showPassword} onChange={(event) => setShowPassword(event.target.checked)} />
          {t("login.showPassword")}
        </label>
        <div className="actions">
          <button type="submit" className="button" disabled={busy}>
            {busy ? t("login.submitting") : t("login.submit")}
          </button>
        </div>
      </form>
      <p>
        {t("login.noAccount")} <Link to={`/register?next=${encodeURIComponent(next)}`}>{t("nav.register")}</Link>
      </p>
    </>
  );
}
