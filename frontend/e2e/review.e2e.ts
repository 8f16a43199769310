import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, launch, newPage, seriousA11yViolations, signIn, tokenFor, type AxeFinding } from "./support";

// The decision team's review of a consultation of its own (made here through the API, so the demo's
// consultations, which other journeys read, stay as they are): aggregation, a merge, dispositions for
// every group, approval, the statement generated and published, then the public statement page.
const DESKTOP = { viewport: { width: 1280, height: 900 } };
const TITLE = `端到端意见处理测试办法（征求意见稿）${Date.now()}`;
const DRAFT = [
  TITLE,
  "第一条　为了规范社区公共停车位的管理，制定本办法。",
  "第二条　社区公共停车位实行先到先停，不得私自占用或者加装地锁。",
  "第三条　停车收费标准由街道办事处会同物业服务企业制定并公示。",
  "第四条　本办法自2027年1月1日起施行。",
].join("\n");
// Four citizens no other journey signs in as; comments on different articles make separate topics.
const COMMENTS: [string, string, string][] = [
  ["13800001014", "第二条", "建议禁止私装地锁，对已经加装的地锁限期拆除，并明确由物业负责清理。"],
  ["13800001015", "第二条", "老旧小区车位太少，先到先停会导致晚归的上班族没有车位，建议夜间优先本小区业主。"],
  ["13800001016", "第三条", "收费标准应当召开业主大会讨论，不能由街道和物业单方面决定。"],
  ["13800001017", "第三条", "建议对新能源汽车充电车位单独定价，并公开收费的成本构成。"],
];

let browser: Browser;
let consultationId = "";

function today(): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date());
}

async function closedConsultationWithComments(): Promise<string> {
  const drafter = await tokenFor("drafter");
  const reviewer = await tokenFor("reviewer");
  const approver = await tokenFor("approver");
  const me = await api<{ me: { roles: { unitId: string }[] } }>("{ me { roles { unitId } } }", {}, drafter);
  const unitId = me.me.roles[0]!.unitId;
  const created = await api<{ createConsultation: { id: string } }>(
    "mutation($input: CreateConsultationInput!) { createConsultation(input: $input) { id } }",
    { input: { unitId, title: TITLE, kind: "NORMATIVE_DOCUMENT", summary: "端到端测试用的规范性文件。", explanation: "起草说明。" } },
    drafter,
  );
  const id = created.createConsultation.id;
  const imported = await api<{ importDraft: { articles: { id: string; label: string }[] } }>(
    "mutation($id: ID!, $text: String!) { importDraft(consultationId: $id, text: $text) { articles { id label } } }",
    { id, text: DRAFT },
    drafter,
  );
  const articles = new Map(imported.importDraft.articles.map((a) => [a.label, a.id]));
  await api("mutation($id: ID!) { submitForReview(consultationId: $id) { id } }", { id }, drafter);
  for (const kind of ["LEGALITY", "SECRECY"]) {
    await api(
      "mutation($id: ID!, $kind: ReviewKind!, $on: Date!) { recordReview(consultationId: $id, kind: $kind, reviewer: \"端到端审查\", reviewedOn: $on, passed: true) { id } }",
      { id, kind, on: today() },
      reviewer,
    );
  }
  await api("mutation($id: ID!) { publishConsultation(consultationId: $id) { id } }", { id }, drafter);
  for (const [citizen, article, body] of COMMENTS) {
    const token = await tokenFor(citizen);
    await api(
      "mutation($id: ID!, $a: ID, $b: String!) { submitComment(consultationId: $id, articleId: $a, body: $b) { receiptCode } }",
      { id, a: articles.get(article), b: body },
      token,
    );
  }
  await api(
    "mutation($id: ID!) { closeConsultation(consultationId: $id, reason: \"端到端测试提前结束\") { id } }",
    { id },
    approver,
  );
  return id;
}

beforeAll(async () => {
  browser = await launch();
  consultationId = await closedConsultationWithComments();
});
afterAll(async () => {
  await browser?.close();
});

function report(findings: AxeFinding[]): string {
  return findings.map((f) => `[${f.impact}] ${f.id} — ${f.help}\n    ${f.targets.join("\n    ")}`).join("\n");
}

async function expectAccessible(page: Page) {
  await page.waitForLoadState("networkidle");
  const findings = await seriousA11yViolations(page);
  expect(findings, report(findings)).toEqual([]);
}

async function showTopics(page: Page) {
  await page.getByLabel("分组类型").selectOption("TOPIC");
  await page.getByRole("button", { name: "筛选", exact: true }).click();
  await page.waitForLoadState("networkidle");
}

async function selectAllGroups(page: Page) {
  const boxes = page.getByRole("checkbox", { name: /^选择分组/ });
  for (let index = 0; index < (await boxes.count()); index += 1) await boxes.nth(index).check();
}

describe("review", () => {
  it("from a closed consultation to a published statement", async () => {
    const base = `/staff/consultations/${consultationId}/review`;
    const reviewer = await newPage(browser, DESKTOP);
    await signIn(reviewer.page, "reviewer");
    const page = reviewer.page;
    await page.goto(base);
    await page.getByRole("heading", { level: 1, name: TITLE }).waitFor();
    await page.getByText("尚未归纳整理意见。").waitFor();
    await expectAccessible(page);

    // Aggregation: the run is followed until it is done, then the groups show.
    await page.getByRole("button", { name: "开始归纳整理" }).click();
    await page.getByText("最近一次：已完成").waitFor({ timeout: 60_000 });
    await page.getByRole("heading", { name: "意见分组" }).waitFor();
    await showTopics(page);
    const total = page.getByText(/^共\d+个分组$/);
    const before = Number((await total.textContent())!.match(/\d+/)![0]);
    expect(before).toBeGreaterThanOrEqual(2);
    await expectAccessible(page);

    // Merge the first two topics.
    const boxes = page.getByRole("checkbox", { name: /^选择分组/ });
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    await page.getByText("已选2个分组").waitFor();
    await page.getByRole("button", { name: "合并所选分组" }).click();
    await page.getByText(`共${before - 1}个分组`).waitFor();

    // Decide every topic at once: 不予采纳 with a standard reason.
    await selectAllGroups(page);
    await page.getByRole("button", { name: "为所选主题提出处理意见" }).click();
    const form = page.getByRole("region", { name: "批量操作" });
    await form.getByRole("button", { name: /^为\d+个主题提交处理意见$/ }).click();
    await form.getByText("请选择处理结果。").waitFor(); // checked before anything is sent
    await form.getByLabel("不予采纳").check();
    await form.getByLabel("标准理由").selectOption({ label: "上位法已有规定" });
    await expectAccessible(page);
    await form.getByRole("button", { name: /^为\d+个主题提交处理意见$/ }).click();
    await expect.poll(() => page.getByText("已提出，待批准").count()).toBe(before - 1);
    expect(await page.getByText("上位法已有规定").count()).toBeGreaterThanOrEqual(before - 1);
    expect(reviewer.problems).toEqual([]);

    // The approver approves them all.
    const approver = await newPage(browser, DESKTOP);
    await signIn(approver.page, "approver");
    await approver.page.goto(base);
    await showTopics(approver.page);
    await approver.page.getByText("已提出，待批准").first().waitFor();
    await selectAllGroups(approver.page);
    await approver.page.getByRole("button", { name: "批准所选分组的处理意见" }).click();
    await expect.poll(() => approver.page.getByText("已批准", { exact: true }).count()).toBe(before - 1);
    await expect.poll(async () => (await approver.page.getByTestId("undecided").textContent())?.trim()).toMatch(/^0/);

    // The reviewer generates the statement: progress, the personal-data scan, the preview.
    await page.goto(`${base}/statement`);
    await page.getByText("尚未生成采纳情况说明。").waitFor();
    await expectAccessible(page);
    await page.getByRole("button", { name: "生成采纳情况说明" }).click();
    await page.getByText("生成：已完成").waitFor({ timeout: 60_000 });
    await page.getByText("未发现个人信息，可以公布。").waitFor();
    await page.getByText("草稿（未公布）").waitFor();
    await page.getByRole("heading", { level: 2, name: "正文预览" }).waitFor();
    await page.getByText(/采纳情况的说明/).first().waitFor();
    expect(await page.getByRole("link", { name: "PDF 文件" }).getAttribute("href")).toBe(
      `/statements/${consultationId}/v1.pdf`,
    );
    await expectAccessible(page);
    // Publishing is for an approver: the reviewer is not offered it.
    expect(await page.getByRole("button", { name: /^公布第/ }).count()).toBe(0);
    expect(reviewer.problems).toEqual([]);

    // The approver publishes it, after confirming.
    await approver.page.goto(`${base}/statement`);
    await approver.page.getByRole("button", { name: "公布第1版" }).click();
    await approver.page.getByText("公布后该版本不能再修改。确定公布第1版吗？").waitFor();
    await expectAccessible(approver.page);
    await approver.page.getByRole("button", { name: "确定公布" }).click();
    await approver.page.getByText("第1版已公布。").waitFor();
    await approver.page.getByText("已公布", { exact: true }).waitFor();
    await approver.page.getByRole("heading", { name: "公布决策" }).waitFor();
    await expectAccessible(approver.page);
    expect(approver.problems).toEqual([]);

    // Anyone now reads it on the public page.
    const visitor = await newPage(browser);
    await visitor.page.goto(`/consultations/${consultationId}/statement`);
    await visitor.page.getByRole("heading", { level: 1, name: new RegExp(TITLE.slice(0, 8)) }).waitFor();
    await visitor.page.getByRole("link", { name: /PDF/ }).first().waitFor();
    await visitor.page.getByText(/采纳情况的说明/).first().waitFor();
    expect(visitor.problems).toEqual([]);

    // Last, the approver publishes the decision with the adopted text.
    await approver.page.getByLabel("通过的正式文本").fill(DRAFT.replace("（征求意见稿）", "").replace("先到先停", "先到先停，夜间优先本小区业主"));
    await approver.page.getByRole("button", { name: "公布决策" }).click();
    await approver.page.getByRole("button", { name: "确定公布决策" }).click();
    await approver.page.getByText(/^已于.+公布决策。$/).waitFor();
    await approver.page.getByText("项目状态：已决策").waitFor();
    expect(approver.problems).toEqual([]);
    await Promise.all([reviewer.context.close(), approver.context.close(), visitor.context.close()]);
  });
});
