import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";

// `npm run dev` proxies the API to a `canyu serve` on :8000, so cookies stay same-origin.
const api = process.env.CANYU_API ?? "http://127.0.0.1:8000";

export default defineConfig({
  plugins: [react()],
  server: {
    proxy: {
      "/graphql": api,
      "/statements": api,
      "/exports": api,
      "/healthz": api,
      // Only the draw's data file: /hearings/… is otherwise one of the app's own pages.
      "^/hearings/\\d+/draw\\.json$": api,
    },
  },
  build: {
    manifest: true,
    sourcemap: false,
    // The CSP allows scripts from 'self' only: keep every script in a file, never inline.
    assetsInlineLimit: 0,
    rolldownOptions: {
      output: {
        // Libraries change less often than the app: their own chunks stay cached across deploys.
        codeSplitting: {
          groups: [
            {
              name: "react",
              test: /node_modules[\\/](react|react-dom|scheduler|react-router|cookie|set-cookie-parser)[\\/]/,
              priority: 2,
            },
            {
              name: "i18n",
              test: /node_modules[\\/](i18next|react-i18next|html-parse-stringify|void-elements)[\\/]/,
              priority: 1,
            },
          ],
        },
      },
    },
  },
  test: {
    environment: "jsdom",
    include: ["src/**/*.test.{ts,tsx}"],
    setupFiles: ["src/test/setup.ts"],
    restoreMocks: true,
    unstubGlobals: true,
  },
});
