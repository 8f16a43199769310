import AxeBuilder from "@axe-core/playwright";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { inject } from "vitest";
import { CHROMIUM, CHROMIUM_ARGS, CONTEXT_OPTIONS } from "./server.mjs";

export const baseURL = inject("baseURL");
export const logPath = inject("logPath");
export const DEMO_PASSWORD = "canyu-demo-2026";

/** Phones first: the citizen portal is tested at a phone's size. */
export const PHONE = { width: 390, height: 844 };

export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

export async function newPage(browser: Browser, options: { viewport?: { width: number; height: number } } = {}) {
  const context: BrowserContext = await browser.newContext({
    ...CONTEXT_OPTIONS,
    baseURL,
    viewport: options.viewport ?? PHONE,
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console error: ${message.text()}`);
  });
  return { context, page, problems };
}

/** Sign in through the login page (cookie session). */
export async function signIn(page: Page, identifier: string, password = DEMO_PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("手机号或电子邮箱").fill(identifier);
  await page.getByLabel("密码", { exact: true }).fill(password);
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await page.getByText(/^您好，/).waitFor();
}

/** A GraphQL call from the test itself (bearer token, no browser), e.g. to prepare data. */
export async function api<T = Record<string, unknown>>(
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<T> {
  const response = await fetch(`${baseURL}/graphql`, {
    method: "POST",
    headers: { "Content-Type": "application/json", ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data: T; errors?: { message: string }[] };
  if (body.errors?.length) throw new Error(body.errors.map((e) => e.message).join("; "));
  return body.data;
}

export async function tokenFor(identifier: string, password = DEMO_PASSWORD): Promise<string> {
  const data = await api<{ login: { token: string } }>(
    "mutation($i: String!, $p: String!) { login(identifier: $i, password: $p) { token } }",
    { i: identifier, p: password },
  );
  return data.login.token;
}

export interface AxeFinding {
  id: string;
  impact: string | null | undefined;
  help: string;
  targets: string[];
}

/** axe-core on the page as it stands: the serious and critical findings (WCAG 2.1 A/AA and best practice). */
export async function seriousA11yViolations(page: Page): Promise<AxeFinding[]> {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"])
    .analyze();
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.join(" ")),
    }));
}

export function uniquePhone(): string {
  return `139${String(Date.now()).slice(-8)}`;
}
