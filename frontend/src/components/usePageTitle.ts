import { useEffect } from "react";
import { useTranslation } from "react-i18next";

export function usePageTitle(title: string | undefined): void {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = title ? t("app.pageTitle", { title }) : t("app.title");
  }, [title, t]);
}
