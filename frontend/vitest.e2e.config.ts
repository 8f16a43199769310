import { defineConfig } from "vitest/config";

// End-to-end journeys in Debian's chromium (playwright-core) against a real `canyu serve`.
export default defineConfig({
  test: {
    environment: "node",
    include: ["e2e/**/*.e2e.ts"],
    globalSetup: ["e2e/global-setup.ts"],
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 120_000,
    reporters: ["default"],
  },
});
