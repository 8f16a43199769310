import { useEffect, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router";
import { ApiError, request } from "../api/client";
import { useSession } from "../auth/session";
import { ErrorMessage } from "../components/ErrorMessage";
import { Field } from "../components/Field";
import { usePageTitle } from "../components/usePageTitle";
import { graphql } from "../gql";
import { safeNext } from "../lib/next";

const RegisterCitizenDocument = graphql(`
  mutation RegisterCitizen($contact: String!, $password: String!, $displayName: String!) {
    registerCitizen(contact: $contact, password: $password, displayName: $displayName) {
      userId
      contact
      verificationRequired
    }
  }
`);

const RequestVerificationCodeDocument = graphql(`
  mutation RequestVerificationCode($contact: String!) {
    requestVerificationCode(contact: $contact)
  }
`);

const VerifyContactDocument = graphql(`
  mutation VerifyContact($contact: String!, $code: String!) {
    verifyContact(contact: $contact, code: $code)
  }
`);

const RESEND_SECONDS = 60;

/** Which field an API error belongs to, so it is shown (and announced) beside that field. */
function fieldOf(error: ApiError | undefined): "contact" | "password" | "code" | undefined {
  if (!error) return undefined;
  if (error.code.startsWith("CONTACT_")) return "contact";
  if (error.code.startsWith("PASSWORD_")) return "password";
  if (error.code === "CODE_INVALID") return "code";
  return undefined;
}

export default function RegisterPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const next = safeNext(params.get("next"));
  const [step, setStep] = useState<"form" | "verify" | "done">(params.get("step") === "verify" ? "verify" : "form");
  const [contact, setContact] = useState("");
  const [password, setPassword] = useState("");
  usePageTitle(t("register.title"));

  return (
    <>
      <h1>{t("register.title")}</h1>
      <ol className="steps" aria-label={t("register.stepsLabel")}>
        {(["form", "verify", "done"] as const).map((name, index) => (
          <li key={name} aria-current={step === name ? "step" : undefined}>
            {t(`register.step.${name}`, { number: index + 1 })}
          </li>
        ))}
      </ol>
      {step === "form" ? (
        <RegisterForm
          onHaveCode={() => setStep("verify")}
          onRegistered={(registered, chosenPassword) => {
            setContact(registered);
            setPassword(chosenPassword);
            setStep("verify");
          }}
        />
      ) : step === "verify" ? (
        <VerifyForm
          contact={contact}
          password={password}
          freshCode={password !== ""}
          onVerified={() => setStep("done")}
        />
      ) : (
        <Done next={next} />
      )}
    </>
  );
}

function RegisterForm({
  onRegistered,
  onHaveCode,
}: {
  onRegistered: (contact: string, password: string) => void;
  onHaveCode: () => void;
}) {
  const { t } = useTranslation();
  const [contact, setContact] = useState("");
  const [password, setPassword] = useState("");
  const [displayName, setDisplayName] = useState("");
  const [showPassword, setShowPassword] = useState(false);
  const [error, setError] = useState<ApiError | undefined>();
  const [busy, setBusy] = useState(false);
  const field = fieldOf(error);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const result = await request(RegisterCitizenDocument, {
        contact: contact.trim(),
        password,
        displayName: displayName.trim(),
      });
      onRegistered(result.registerCitizen.contact, password);
    } catch (failure) {
      setError(failure as ApiError);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      {error && !field ? <ErrorMessage error={error} /> : null}
      {error && field ? (
        <p className="visually-hidden" role="alert">
          {error.message}
        </p>
      ) : null}
      <Field
        label={t("register.contact")}
        hint={t("register.contactHint")}
        name="contact"
        autoComplete="username"
        inputMode="email"
        value={contact}
        onChange={(event) => setContact(event.target.value)}
        error={field === "contact" ? error?.message : undefined}
        required
      />
      <Field
        label={t("register.password")}
        hint={t("register.passwordHint")}
        name="new-password"
        type={showPassword ? "text" : "password"}
        autoComplete="new-password"
        value={password}
        onChange={(event) => setPassword(event.target.value)}
        error={field === "password" ? error?.message : undefined}
        required
      />
      <label className="checkbox">
        <input type="checkbox" checked={showPassword} onChange={(event) => setShowPassword(event.target.checked)} />
        {t("login.showPassword")}
      </label>
      <Field
        label={t("register.displayName")}
        hint={t("register.displayNameHint")}
        name="nickname"
        autoComplete="nickname"
        value={displayName}
        onChange={(event) => setDisplayName(event.target.value)}
      />
      <div className="actions">
        <button type="submit" className="button" disabled={busy}>
          {busy ? t("register.submitting") : t("register.submit")}
        </button>
      </div>
      <p>
        {t("register.haveCode")}{" "}
        <button type="button" className="button-link" onClick={onHaveCode}>
          {t("register.verifyLink")}
        </button>
      </p>
    </form>
  );
}

function VerifyForm({
  contact: registered,
  password,
  freshCode,
  onVerified,
}: {
  contact: string;
  password: string;
  freshCode: boolean;
  onVerified: () => void;
}) {
  const { t } = useTranslation();
  const { me, login, refresh } = useSession();
  const [contact, setContact] = useState(registered);
  const [code, setCode] = useState("");
  const [error, setError] = useState<ApiError | undefined>();
  const [busy, setBusy] = useState(false);
  const [cooldown, setCooldown] = useState(freshCode ? RESEND_SECONDS : 0);
  const [sent, setSent] = useState(freshCode);
  const heading = useRef<HTMLHeadingElement>(null);
  const field = fieldOf(error);

  useEffect(() => heading.current?.focus(), []);
  useEffect(() => {
    if (cooldown <= 0) return;
    const timer = window.setTimeout(() => setCooldown((n) => n - 1), 1000);
    return () => window.clearTimeout(timer);
  }, [cooldown]);

  async function resend() {
    setError(undefined);
    try {
      await request(RequestVerificationCodeDocument, { contact: contact.trim() });
      setSent(true);
      setCooldown(RESEND_SECONDS);
    } catch (failure) {
      setError(failure as ApiError);
    }
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const verified = await request(VerifyContactDocument, { contact: contact.trim(), code: code.trim() });
      if (!verified.verifyContact) {
        setError(new ApiError(t("register.verifyFailed"), "CODE_INVALID"));
        return;
      }
      // Signed in already (an unverified account coming back), or sign in with the new password.
      if (me) refresh();
      else if (password) await login(contact.trim(), password);
      onVerified();
    } catch (failure) {
      setError(failure as ApiError);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <h2 ref={heading} tabIndex={-1}>
        {t("register.verifyTitle")}
      </h2>
      {sent ? (
        <p className="notice notice-info" role="status">
          {t("register.codeSent", { contact: contact })}
        </p>
      ) : null}
      {error && !field ? <ErrorMessage error={error} /> : null}
      {error && field ? (
        <p className="visually-hidden" role="alert">
          {error.message}
        </p>
      ) : null}
      {registered ? null : (
        <Field
          label={t("register.contact")}
          name="contact"
          autoComplete="username"
          value={contact}
          onChange={(event) => setContact(event.target.value)}
          error={field === "contact" ? error?.message : undefined}
          required
        />
      )}
      <Field
        label={t("register.code")}
        hint={t("register.codeHint")}
        name="code"
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={6}
        pattern="[0-9]*"
        value={code}
        onChange={(event) => setCode(event.target.value.replace(/\D/g, ""))}
        error={field === "code" ? error?.message : undefined}
        required
      />
      <div className="actions">
        <button type="submit" className="button" disabled={busy}>
          {busy ? t("register.verifying") : t("register.verify")}
        </button>
        <button type="button" className="button button-secondary" onClick={resend} disabled={cooldown > 0 || !contact.trim()}>
          {cooldown > 0 ? t("register.resendIn", { seconds: cooldown }) : t("register.resend")}
        </button>
      </div>
    </form>
  );
}

function Done({ next }: { next: string }) {
  const { t } = useTranslation();
  const { me } = useSession();
  const navigate = useNavigate();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <div className="notice notice-success">
      <h2 ref={heading} tabIndex={-1}>
        {t("register.doneTitle")}
      </h2>
      <p>{me ? t("register.doneSignedIn") : t("register.doneSignIn")}</p>
      <p className="actions">
        {me ? (
          <button type="button" className="button" onClick={() => navigate(next)}>
            {next === "/" ? t("register.toList") : t("register.continue")}
          </button>
        ) : (
          <Link className="button" to={`/login?next=${encodeURIComponent(next)}`}>
            {t("nav.login")}
          </Link>
        )}
      </p>
    </div>
  );
}
