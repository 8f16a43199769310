import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, launch, newPage, seriousA11yViolations, signIn, tokenFor, type AxeFinding } from "./support";

// axe-core on every page of the citizen portal, in the states people see: no serious or critical findings.
let browser: Browser;
let receiptOfDecided = "";

beforeAll(async () => {
  browser = await launch();
  // A comment of #4, whose statement is published: its receipt shows a disposition and a reason.
  const token = await tokenFor("drafter");
  const data = await api<{ consultation: { comments: { edges: { node: { receiptCode: string } }[] } } }>(
    'query { consultation(id: "4") { comments(first: 1) { edges { node { receiptCode } } } } }',
    {},
    token,
  );
  receiptOfDecided = data.consultation.comments.edges[0]!.node.receiptCode;
});
afterAll(async () => {
  await browser?.close();
});

function report(page: string, findings: AxeFinding[]): string {
  return findings.map((f) => `${page}: [${f.impact}] ${f.id} — ${f.help}\n    ${f.targets.join("\n    ")}`).join("\n");
}

interface Visit {
  name: string;
  path: string;
  signedIn?: boolean;
  prepare?: (page: Page) => Promise<void>;
  largeText?: boolean;
  desktop?: boolean;
}

const visits: Visit[] = [
  { name: "consultation list", path: "/" },
  { name: "consultation list, all statuses", path: "/?status=all" },
  {
    name: "consultation page, an article's comment box open",
    path: "/consultations/1",
    prepare: async (page) => {
      await page.getByRole("button", { name: "对第二条发表意见" }).click();
      await page.getByLabel("您对第二条的意见").fill("意见");
      await page.locator("details").evaluateAll((all) => all.forEach((d) => ((d as HTMLDetailsElement).open = true)));
    },
  },
  {
    name: "consultation page, an error under the box",
    path: "/consultations/1#whole-draft",
    signedIn: true,
    prepare: async (page) => {
      await page.getByRole("button", { name: "提交意见（草案整体）" }).click();
      await page.getByRole("alert").waitFor();
    },
  },
  {
    name: "consultation page, the receipt after submitting",
    path: "/consultations/1",
    signedIn: true,
    prepare: async (page) => {
      await page.getByRole("button", { name: "对第六条发表意见" }).click();
      await page.getByLabel("您对第六条的意见").fill("面积标准建议按家庭人口分档。");
      await page.getByRole("button", { name: "提交意见（第六条）" }).click();
      await page.getByTestId("receipt-code").waitFor();
    },
  },
  { name: "closed consultation with a published statement", path: "/consultations/4" },
  { name: "statement page", path: "/consultations/4/statement", prepare: async (page) => void (await page.getByText("说明全文").waitFor()) },
  { name: "statement page, desktop", path: "/consultations/4/statement", desktop: true },
  { name: "receipt lookup", path: "/receipt" },
  {
    name: "receipt lookup with a decided comment",
    path: "/receipt",
    prepare: async (page) => {
      await page.getByLabel("回执编号").fill(receiptOfDecided);
      await page.getByRole("button", { name: "查询" }).click();
      await page.getByText("处理结果：").waitFor();
    },
  },
  {
    name: "receipt lookup, not found",
    path: "/receipt?code=CY-0000-0000-0000-0000",
    prepare: async (page) => void (await page.getByRole("alert").waitFor()),
  },
  { name: "my comments, signed out", path: "/my/comments" },
  { name: "my comments, signed in", path: "/my/comments", signedIn: true },
  { name: "my registrations, signed out", path: "/my/registrations" },
  { name: "my registrations, signed in", path: "/my/registrations", signedIn: true },
  {
    name: "invitation, unknown link",
    path: "/invitations/no-such-token",
    prepare: async (page) => void (await page.getByRole("alert").waitFor()),
  },
  { name: "login", path: "/login" },
  {
    name: "login with an error",
    path: "/login",
    prepare: async (page) => {
      await page.getByRole("button", { name: "登录", exact: true }).click();
      await page.getByRole("alert").waitFor();
    },
  },
  { name: "register", path: "/register" },
  {
    name: "register, a field error",
    path: "/register",
    prepare: async (page) => {
      await page.getByLabel("手机号或电子邮箱").fill("12345");
      await page.getByLabel("设置密码").fill("abc");
      await page.getByRole("button", { name: "获取验证码" }).click();
      await page.locator(".field-error").first().waitFor();
    },
  },
  { name: "register, the verification step", path: "/register?step=verify" },
  { name: "page not found", path: "/no-such-page" },
  { name: "consultation page, large-text mode", path: "/consultations/1", largeText: true },
  { name: "statement page, large-text mode", path: "/consultations/4/statement", largeText: true },
];

describe("accessibility (axe-core)", () => {
  for (const visit of visits) {
    it(`${visit.name}: no serious or critical violations`, async () => {
      const { context, page, problems } = await newPage(browser, visit.desktop ? { viewport: { width: 1280, height: 900 } } : {});
      if (visit.signedIn) await signIn(page, "13800001005");
      await page.goto(visit.path);
      await page.locator("h1").first().waitFor();
      await page.waitForLoadState("networkidle");
      if (visit.largeText) {
        await page.getByRole("button", { name: "大字模式" }).click();
        expect(await page.evaluate(() => document.documentElement.dataset.textSize)).toBe("large");
      }
      if (visit.prepare) await visit.prepare(page);
      const findings = await seriousA11yViolations(page);
      expect(findings, report(visit.name, findings)).toEqual([]);
      expect(problems).toEqual([]);
      await context.close();
    });
  }

  it("large-text mode really enlarges the text and survives a reload", async () => {
    const { context, page } = await newPage(browser);
    await page.goto("/consultations/1");
    await page.locator("h1").waitFor();
    const before = await page.evaluate(() => parseFloat(getComputedStyle(document.querySelector(".article-body")!).fontSize));
    await page.getByRole("button", { name: "大字模式" }).click();
    await page.reload();
    await page.locator("h1").waitFor();
    const after = await page.evaluate(() => parseFloat(getComputedStyle(document.querySelector(".article-body")!).fontSize));
    expect(after / before).toBeGreaterThanOrEqual(1.2);
    expect(await page.getByRole("button", { name: "大字模式" }).getAttribute("aria-pressed")).toBe("true");
    await context.close();
  });
});
