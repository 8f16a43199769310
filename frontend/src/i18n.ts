import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import zhCN from "./locales/zh-CN.json";

export const defaultNS = "translation";
export const resources = { "zh-CN": { translation: zhCN } } as const;

/** The staff namespaces load with the staff chunk (staff/i18n.ts); only their types are needed here. */
type StaffResources = typeof import("./staff/i18n").staffResources;

declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: typeof defaultNS;
    resources: (typeof resources)["zh-CN"] & StaffResources;
  }
}

export const i18n = i18next.createInstance();

// Resources are bundled, so initialisation is synchronous: the first render already has its text.
void i18n.use(initReactI18next).init({
  resources,
  lng: "zh-CN",
  fallbackLng: "zh-CN",
  defaultNS,
  initAsync: false,
  // React escapes every string it renders; escaping here too would show &lt; to the user.
  interpolation: { escapeValue: false },
  returnNull: false,
});
