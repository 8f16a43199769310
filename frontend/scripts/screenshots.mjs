#!/usr/bin/env node
// Screenshots of the main pages into docs/screenshots/, from a real server on a temporary database.
// Needs a build (npm run build) and Debian's chromium (scripts/ensure-browser.sh).
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { CHROMIUM, CHROMIUM_ARGS, CONTEXT_OPTIONS, repoDir, startServer } from "../e2e/server.mjs";

const out = join(repoDir, "docs", "screenshots");
mkdirSync(out, { recursive: true });
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };
const PASSWORD = "canyu-demo-2026";

async function gql(baseURL, query, variables = {}, token) {
  const response = await fetch(`${baseURL}/graphql`, {
    method: "POST",
    headers: { "Content-Type": "application/json", ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

const server = await startServer();
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
const saved = [];
try {
  const { login } = await gql(server.baseURL, "mutation { login(identifier: \"drafter\", password: \"canyu-demo-2026\") { token } }");
  const data = await gql(
    server.baseURL,
    'query { consultation(id: "4") { comments(first: 1) { edges { node { receiptCode } } } } }',
    {},
    login.token,
  );
  const decidedReceipt = data.consultation.comments.edges[0].node.receiptCode;

  async function shoot(name, path, { viewport = PHONE, fullPage = false, signedIn = false, largeText = false, prepare } = {}) {
    const context = await browser.newContext({ ...CONTEXT_OPTIONS, baseURL: server.baseURL, viewport });
    const page = await context.newPage();
    if (largeText) await context.addInitScript(() => window.localStorage.setItem("canyu:large-text", "on"));
    if (signedIn) {
      await page.goto("/login");
      // true: a citizen; a string: that staff account.
      await page.getByLabel("手机号或电子邮箱").fill(signedIn === true ? "13800001008" : signedIn);
      await page.getByLabel("密码", { exact: true }).fill(PASSWORD);
      await page.getByRole("button", { name: "登录", exact: true }).click();
      await page.getByText(/^您好，/).waitFor();
    }
    await page.goto(path);
    await page.locator("h1").first().waitFor();
    await page.waitForLoadState("networkidle");
    if (prepare) await prepare(page);
    const file = join(out, `${name}.png`);
    await page.screenshot({ path: file, fullPage });
    saved.push(file);
    await context.close();
  }

  await shoot("01-consultations", "/");
  await shoot("02-consultation-notice", "/consultations/1");
  await shoot("03-article-comment", "/consultations/1", {
    signedIn: true,
    prepare: async (page) => {
      await page.getByRole("button", { name: "对第六条发表意见" }).click();
      await page.getByLabel("您对第六条的意见").fill("建议面积标准按家庭人口分档确定，人口多的户可以适当放宽。");
      await page.locator("#article-6").scrollIntoViewIfNeeded();
      await page.evaluate(() => document.getElementById("article-6")?.scrollIntoView());
    },
  });
  await shoot("04-receipt", "/consultations/1", {
    signedIn: true,
    prepare: async (page) => {
      await page.getByRole("button", { name: "对第七条发表意见" }).click();
      await page.getByLabel("您对第七条的意见").fill("檐口高度十一米偏高，建议与周边传统民居协调。");
      await page.getByRole("button", { name: "提交意见（第七条）" }).click();
      await page.getByTestId("receipt-code").waitFor();
      await page.evaluate(() => document.querySelector(".receipt")?.scrollIntoView({ block: "center" }));
    },
  });
  await shoot("05-my-comments", "/my/comments", { signedIn: true });
  await shoot("06-receipt-lookup", `/receipt?code=${encodeURIComponent(decidedReceipt)}`, {
    prepare: async (page) => void (await page.getByText("处理结果：").waitFor()),
  });
  await shoot("07-statement", "/consultations/4/statement");
  await shoot("07b-statement-figures", "/consultations/4/statement", {
    prepare: async (page) => {
      await page.getByText("说明全文").waitFor();
      await page.evaluate(() => document.getElementById("figures-heading")?.scrollIntoView());
    },
  });
  await shoot("08-statement-desktop", "/consultations/4/statement", {
    viewport: DESKTOP,
    prepare: async (page) => {
      await page.evaluate(() => document.getElementById("figures-heading")?.scrollIntoView());
    },
  });
  await shoot("09-register", "/register");
  await shoot("10-large-text", "/consultations/1", { largeText: true });
  await shoot("11-consultation-desktop", "/consultations/1", { viewport: DESKTOP });
  // The staff workbench: the demo's regulation in review, as the approver sees its publish checks.
  await shoot("staff-drafting-workbench", "/staff/consultations/3", {
    viewport: DESKTOP,
    signedIn: "approver",
    fullPage: true,
    prepare: async (page) => void (await page.getByText(/规则未满足|全部规则均已满足/).waitFor()),
  });
  // The review workbench on the demo's decided consultation: its groups, each decided and approved.
  await shoot("staff-review-groups", "/staff/consultations/4/review", {
    viewport: DESKTOP,
    signedIn: "reviewer",
    prepare: async (page) => void (await page.locator(".review-representative").first().waitFor()),
  });
  // The organizer console on demo hearing #1, and its door check-in screen on a phone.
  await shoot("staff-organizer-console", "/staff/hearings/1", { viewport: DESKTOP, signedIn: "organizer", fullPage: true });
  await shoot("staff-check-in", "/staff/hearings/1/check-in", { signedIn: "organizer" });
  console.log(`saved ${saved.length} screenshots:\n  ${saved.join("\n  ")}`);
} finally {
  await browser.close();
  await server.stop();
}
