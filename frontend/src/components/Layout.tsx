import { Suspense, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, NavLink, Outlet, useLocation, useNavigate } from "react-router";
import type { ApiError } from "../api/client";
import { useSession } from "../auth/session";
import { useLargeText } from "../lib/largeText";
import { ErrorMessage } from "./ErrorMessage";
import { Loading } from "./Loading";

export function Layout() {
  const { t } = useTranslation();
  const { me, logout } = useSession();
  const [largeText, toggleLargeText] = useLargeText();
  const location = useLocation();
  const navigate = useNavigate();
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);
  const [logoutError, setLogoutError] = useState<ApiError | undefined>();

  // A new page: move focus to its content so keyboard and screen-reader users start there.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    if (!location.hash) main.current?.focus();
  }, [location.pathname]); // eslint-disable-line react-hooks/exhaustive-deps

  async function onLogout() {
    setLogoutError(undefined);
    try {
      await logout();
      navigate("/");
    } catch (error) {
      setLogoutError(error as ApiError);
    }
  }

  return (
    <>
      <a className="skip-link" href="#main">
        {t("nav.skip")}
      </a>
      <header className="site-header">
        <div className="site-header-inner">
          <Link to="/" className="brand">
            <span className="brand-mark" aria-hidden="true">
              {t("app.mark")}
            </span>
            <span className="brand-name">{t("app.name")}</span>
          </Link>
          <button
            type="button"
            className="button button-toggle"
            aria-pressed={largeText}
            onClick={toggleLargeText}
          >
            {t("nav.largeText")}
          </button>
        </div>
        <nav aria-label={t("nav.label")} className="site-nav">
          <ul>
            <li>
              <NavLink to="/" end>
                {t("nav.consultations")}
              </NavLink>
            </li>
            <li>
              <NavLink to="/hearings">{t("nav.hearings")}</NavLink>
            </li>
            <li>
              <NavLink to="/receipt">{t("nav.receipt")}</NavLink>
            </li>
            <li>
              <NavLink to="/my/comments">{t("nav.myComments")}</NavLink>
            </li>
            <li>
              <NavLink to="/my/registrations">{t("nav.myRegistrations")}</NavLink>
            </li>
            {me?.kind === "staff" ? (
              <li>
                <NavLink to="/staff">{t("nav.staff")}</NavLink>
              </li>
            ) : null}
            {me ? (
              <li className="nav-session">
                <span className="nav-user">{t("nav.signedInAs", { name: me.displayName })}</span>
                <button type="button" className="button-link" onClick={onLogout}>
                  {t("nav.logout")}
                </button>
              </li>
            ) : (
              <>
                <li>
                  <NavLink to="/login">{t("nav.login")}</NavLink>
                </li>
                <li>
                  <NavLink to="/register">{t("nav.register")}</NavLink>
                </li>
              </>
            )}
          </ul>
        </nav>
      </header>
      <main id="main" ref={main} tabIndex={-1} className="site-main">
        <ErrorMessage error={logoutError} />
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </main>
      <footer className="site-footer">
        <p>{t("app.footer")}</p>
      </footer>
    </>
  );
}
