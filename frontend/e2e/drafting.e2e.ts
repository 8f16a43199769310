import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PHONE, api, launch, newPage, seriousA11yViolations, signIn, tokenFor, type AxeFinding } from "./support";

// The decision team's workbench: a consultation of its own, from a new draft to the public list, then
// moderation; every page of the drafting area checked with axe-core on the way.
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const DESKTOP = { viewport: { width: 1280, height: 900 } };
const TITLE = `杭州市城市绿道管理办法（征求意见稿）${Date.now() % 100000}`;
const DRAFT = [
  "杭州市城市绿道管理办法（征求意见稿）",
  "第一条　为了规范城市绿道的规划、建设、养护和使用，结合本市实际，制定本办法。",
  "第二条　本办法所称绿道，是指供步行和骑行使用的慢行通道。",
  "第三条　绿道的服务设施应当与绿道同步设计。",
  "第四条　本办法自2027年3月1日起施行。",
].join("\n");

async function expectAccessible(page: Page, name: string) {
  await page.waitForLoadState("networkidle");
  const findings: AxeFinding[] = await seriousA11yViolations(page);
  expect(findings, `${name}: ${findings.map((f) => `${f.id} ${f.targets.join(", ")}`).join("; ")}`).toEqual([]);
}

async function signedIn(user: string) {
  const session = await newPage(browser, DESKTOP);
  await signIn(session.page, user);
  return session;
}

describe("the drafting workbench", () => {
  let workbench = "";

  it("a drafter creates a consultation, imports a pasted draft, merges two articles and sends it to review", async () => {
    const { context, page, problems } = await signedIn("drafter");
    await page.goto("/staff");
    await page.getByRole("heading", { level: 1, name: "征求意见工作台" }).waitFor();
    // Drafts are listed for their unit's staff: the demo's county draft is among them.
    await page.getByLabel("按状态筛选").selectOption("DRAFT");
    await page.locator(".card").first().waitFor();
    await expectAccessible(page, "staff list");

    await page.getByRole("link", { name: "新建征求意见" }).click();
    await page.getByRole("heading", { level: 1, name: "新建征求意见" }).waitFor();
    await expectAccessible(page, "new consultation");
    // An error from the API lands beside its field.
    await page.getByLabel("标题").fill("短");
    await page.getByRole("button", { name: "创建草稿" }).click();
    await page.locator(".field-error").filter({ hasText: "标题" }).waitFor();
    await expectAccessible(page, "new consultation with a field error");
    await page.getByLabel("标题").fill(TITLE);
    await page.getByLabel("决策依据").fill("《中华人民共和国城乡规划法》");
    await page.getByRole("button", { name: "创建草稿" }).click();
    await page.getByRole("heading", { level: 1, name: TITLE }).waitFor();
    workbench = new URL(page.url()).pathname;
    expect(workbench).toMatch(/^\/staff\/consultations\/\d+$/);
    await expectAccessible(page, "workbench, a new draft");

    // The notice stays editable while it is a draft.
    await page.getByRole("button", { name: "修改公告内容" }).click();
    await page.getByLabel("简介").fill("规范城市绿道的规划、建设、养护和使用。");
    await expectAccessible(page, "workbench, editing the notice");
    await page.getByRole("button", { name: "保存修改" }).click();
    await page.getByText("规范城市绿道的规划、建设、养护和使用。").waitFor();

    await page.getByLabel("草案全文").fill(DRAFT);
    await page.getByRole("button", { name: "导入并拆分条款" }).click();
    await page.getByText("第 1 版，共 4 条").waitFor();
    await page.getByRole("button", { name: "将第二条与下一条合并" }).click();
    await page.getByText("第 1 版，共 3 条").waitFor();
    expect(await page.getByTestId("article-2").textContent()).toContain("同步设计");
    await expectAccessible(page, "workbench, the draft imported");

    await page.getByRole("button", { name: "送审", exact: true }).click();
    await expect.poll(() => page.getByTestId("status").textContent()).toBe("审查中");
    expect(problems).toEqual([]);
    await context.close();
  });

  it("the reviewer records both reviews; the approver sees the checks pass and publishes", async () => {
    const reviewer = await signedIn("reviewer");
    await reviewer.page.goto(workbench);
    await reviewer.page.getByRole("heading", { level: 3, name: "登记审查结果" }).waitFor();
    for (const [kind, who] of [
      ["LEGALITY", "杭州市司法局 合法性审查处"],
      ["SECRECY", "市局保密办 李建国"],
    ] as const) {
      await reviewer.page.getByLabel("审查类型").selectOption(kind);
      await reviewer.page.getByLabel("审查人", { exact: true }).fill(who);
      await reviewer.page.getByRole("button", { name: "登记审查结果" }).click();
      await reviewer.page.getByRole("cell", { name: who }).waitFor();
    }
    // The reviewer may not publish, so there is no publish section for them.
    expect(await reviewer.page.getByRole("heading", { name: "发布征求意见" }).count()).toBe(0);
    await expectAccessible(reviewer.page, "workbench, reviews recorded");
    expect(reviewer.problems).toEqual([]);
    await reviewer.context.close();

    const approver = await signedIn("approver");
    await approver.page.goto(workbench);
    await approver.page.getByRole("heading", { name: "发布前检查" }).waitFor();
    await approver.page.getByText("全部规则均已满足，可以发布。").waitFor();
    const checks = approver.page.getByRole("list", { name: "发布规则检查结果" });
    expect(await checks.getByRole("listitem").count()).toBe(9);
    await expectAccessible(approver.page, "workbench, publish checks");
    // A shortened closing date fails the period rule until a reason is given.
    const soon = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    await approver.page.getByLabel("截止日期（当日24时截止，选填）").fill(soon);
    await checks.locator('[data-code="PERIOD"].check-fail').waitFor();
    await approver.page.getByLabel("截止日期（当日24时截止，选填）").fill("");
    await approver.page.getByText("全部规则均已满足，可以发布。").waitFor();
    await approver.page.getByRole("button", { name: "发布", exact: true }).click();
    await expect.poll(() => approver.page.getByTestId("status").textContent()).toBe("征求意见中");
    expect(approver.problems).toEqual([]);
    await approver.context.close();

    const visitor = await newPage(browser);
    await visitor.page.goto("/");
    await visitor.page.getByRole("link", { name: TITLE }).waitFor();
    await visitor.context.close();
  });

  it("a drafter hides a comment with a reason and reads the audit trail", async () => {
    const id = workbench.split("/").pop()!;
    const citizen = await tokenFor("13800001011");
    const body = `绿道内应当禁止电动自行车通行。（端到端 ${Date.now()}）`;
    const submitted = await api<{ submitComment: { receiptCode: string } }>(
      "mutation($id: ID!, $body: String!) { submitComment(consultationId: $id, body: $body) { receiptCode } }",
      { id, body },
      citizen,
    );
    const receipt = submitted.submitComment.receiptCode;

    const { context, page, problems } = await signedIn("drafter");
    await page.goto(workbench);
    await page.getByRole("link", { name: "意见审核与线下意见登记" }).click();
    await page.getByRole("heading", { level: 1, name: "意见审核" }).waitFor();
    await expectAccessible(page, "moderation, flagged");
    await page.getByLabel("显示").selectOption("ALL");
    const card = page.getByTestId(`comment-${receipt}`);
    await card.waitFor();
    await card.getByRole("button", { name: "隐藏" }).click();
    await card.getByLabel("隐藏理由").fill("与本草案无关");
    await expectAccessible(page, "moderation, hiding a comment");
    await card.getByRole("button", { name: "确认隐藏" }).click();
    await card.getByText("处理理由：与本草案无关").waitFor();
    expect(await card.locator(".tag").first().textContent()).toBe("已隐藏");

    // An offline letter, recorded on the same page.
    // Today in Beijing: from 16:00 UTC on, the UTC date is still the day before the consultation opened.
    const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date());
    await page.getByLabel("邮戳日期").fill(today);
    await page.getByLabel("意见内容").fill("来信建议增加夜间照明设施。");
    await page.getByLabel("提出人姓名（选填）").fill("端到端来信人");
    await page.getByRole("button", { name: "登记意见" }).click();
    await page.getByText(/^已登记，回执编号 CY-/).waitFor();

    await page.goto(`${workbench}/audit`);
    await page.getByRole("heading", { level: 1, name: "操作记录" }).waitFor();
    await page.getByRole("cell", { name: "consultation.published" }).waitFor();
    await expectAccessible(page, "audit trail");
    // On a phone the wide tables scroll sideways (as keyboard-focusable regions).
    await page.setViewportSize(PHONE);
    await expectAccessible(page, "audit trail on a phone");
    await page.goto(workbench);
    await page.getByRole("heading", { level: 1, name: TITLE }).waitFor();
    await expectAccessible(page, "workbench on a phone");
    expect(problems).toEqual([]);
    await context.close();
  });

  it("a drafter withdraws a draft, confirming with a reason", async () => {
    const token = await tokenFor("drafter");
    const created = await api<{ createConsultation: { id: string } }>(
      "mutation($input: CreateConsultationInput!) { createConsultation(input: $input) { id } }",
      { input: { unitId: "2", title: `端到端撤回测试 ${Date.now()}`, kind: "OTHER" } },
      token,
    );
    const { context, page, problems } = await signedIn("drafter");
    await page.goto(`/staff/consultations/${created.createConsultation.id}`);
    await page.getByRole("button", { name: "撤回" }).click();
    const reason = page.getByLabel("撤回理由");
    await expect.poll(() => reason.evaluate((element) => element === document.activeElement)).toBe(true);
    await expectAccessible(page, "workbench, confirming a withdrawal");
    await page.getByRole("button", { name: "取消" }).click();
    expect(await page.getByTestId("status").textContent()).toBe("草稿");
    await page.getByRole("button", { name: "撤回" }).click();
    await page.getByRole("button", { name: "确认撤回" }).click();
    await page.getByRole("alert").filter({ hasText: "撤回理由" }).waitFor(); // too short: the API says why
    await page.getByLabel("撤回理由").fill("并入市级办法统一征求意见");
    await page.getByRole("button", { name: "确认撤回" }).click();
    await expect.poll(() => page.getByTestId("status").textContent()).toBe("已撤回");
    await page.getByText("并入市级办法统一征求意见").waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });
});
