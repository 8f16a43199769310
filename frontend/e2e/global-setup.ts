import { existsSync } from "node:fs";
import type { TestProject } from "vitest/node";
import { CHROMIUM, startServer } from "./server.mjs";

declare module "vitest" {
  export interface ProvidedContext {
    baseURL: string;
    logPath: string;
  }
}

/** One real server for the whole run: `canyu demo` + `canyu serve` on a temporary database. */
export default async function setup(project: TestProject) {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: run scripts/ensure-browser.sh (apt-get install chromium fonts-noto-cjk)`);
  }
  const server = await startServer();
  project.provide("baseURL", server.baseURL);
  project.provide("logPath", server.logPath);
  return async () => {
    await server.stop();
  };
}
