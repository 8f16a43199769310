import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { I18nextProvider } from "react-i18next";
import { App } from "./App";
import { i18n } from "./i18n";
import { applyLargeText, readLargeText } from "./lib/largeText";
import "./styles.css";

// Before the first paint, so large-text mode never flashes small.
applyLargeText(readLargeText());
document.documentElement.lang = "zh-CN";

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <App />
    </I18nextProvider>
  </StrictMode>,
);
