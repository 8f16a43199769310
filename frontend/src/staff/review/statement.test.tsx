import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { Me } from "../../auth/session";
import { graphqlResponses, renderWithApp } from "../../test/render";
import "../i18n";
import type { ReviewConsultation } from "./ReviewRoutes";
import StatementPage from "./StatementPage";

const REVIEWER: Me = { id: "3", kind: "staff", displayName: "审核人", verified: true, roles: [{ role: "REVIEWER", unitId: "2" }] };
const APPROVER: Me = { id: "4", kind: "staff", displayName: "批准人", verified: true, roles: [{ role: "APPROVER", unitId: "2" }] };
const CONSULTATION: ReviewConsultation = { id: "9", title: "停车管理办法", status: "REVIEWING", statusLabel: "意见处理中", draft: { articles: [] } };

function statement(overrides: Record<string, unknown> = {}) {
  return {
    version: 1,
    status: "draft",
    correctsVersion: null,
    correctionNote: "",
    sha256: "a".repeat(64),
    figures: { participants: 4, comments: 4 },
    generatedAt: "2026-11-27T08:00:00+00:00",
    publishedAt: null,
    personalDataFindings: [],
    downloads: ["html", "pdf", "docx", "json", "csv"].map((format) => ({ format, url: `/statements/9/v1.${format}` })),
    ...overrides,
  };
}
const job = (status: string, done = 0) => ({
  id: "3",
  status,
  progressDone: done,
  progressTotal: 3,
  message: status === "succeeded" ? "已生成第1版（草稿），个人信息检查发现0处" : "",
  startedAt: "2026-11-27T08:00:00+00:00",
  finishedAt: status === "succeeded" ? "2026-11-27T08:00:03+00:00" : null,
});
const answer = (s: unknown, generation: unknown) => ({ data: { statement: s, statementGeneration: generation, decision: null } });

function renderPage(me: Me) {
  return renderWithApp(<StatementPage consultation={CONSULTATION} onChanged={() => {}} />, { me });
}

describe("the statement page", () => {
  it("follows the generation until the draft is there, with its scan result and downloads", async () => {
    const { fetchMock, calls } = graphqlResponses(
      answer(null, null),
      { data: { generateStatement: { id: "3", status: "queued" } } },
      answer(null, job("running", 1)),
      answer(statement(), job("succeeded", 2)),
    ); // (the preview's GET of the JSON rendering has no GraphQL body: this mock refuses it)
    vi.stubGlobal("fetch", fetchMock);
    const user = userEvent.setup();
    renderPage(REVIEWER);
    await user.click(await screen.findByRole("button", { name: "生成采纳情况说明" }));
    await waitFor(() => expect(screen.getByRole("progressbar", { name: "生成进度" })).toHaveAttribute("value", "33"));
    await screen.findByText("生成：已完成", {}, { timeout: 3000 });
    expect(screen.getByText("未发现个人信息，可以公布。")).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "PDF 文件" })).toHaveAttribute("href", "/statements/9/v1.pdf");
    expect(screen.queryByRole("button", { name: /^公布第/ })).toBeNull(); // reviewers do not publish
    expect(calls[1]!.query).toContain("generateStatement");
  }, 10_000);

  it("lists what the personal-data scan found and offers no publication", async () => {
    const findings = [{ kind: "mobile", excerpt: "电话138****5678" }];
    const { fetchMock } = graphqlResponses(answer(statement({ personalDataFindings: findings }), job("succeeded", 2)));
    vi.stubGlobal("fetch", fetchMock);
    renderPage(APPROVER);
    expect(await screen.findByText("发现1处可能的个人信息，处理后重新生成才能公布：")).toBeInTheDocument();
    expect(screen.getByText("电话138****5678")).toBeInTheDocument();
    expect(screen.getByText("手机号码", { exact: false })).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: /^公布第/ })).toBeNull();
  });

  it("publishes a clean draft after the approver confirms, and shows a refusal from the API", async () => {
    const { fetchMock, calls } = graphqlResponses(
      answer(statement(), job("succeeded", 2)),
      {
        data: null,
        errors: [{ message: "生成后意见、分组或处理意见又有变动，请重新生成后再公布", extensions: { code: "STATEMENT_STALE" } }],
      },
    );
    vi.stubGlobal("fetch", fetchMock);
    const user = userEvent.setup();
    renderPage(APPROVER);
    await user.click(await screen.findByRole("button", { name: "公布第1版" }));
    expect(screen.getByText("公布后该版本不能再修改。确定公布第1版吗？")).toBeInTheDocument();
    expect(calls.some((call) => call.query?.includes("publishStatement"))).toBe(false);
    await user.click(screen.getByRole("button", { name: "确定公布" }));
    expect(await screen.findByText("生成后意见、分组或处理意见又有变动，请重新生成后再公布")).toBeInTheDocument();
    const publish = calls.find((call) => call.query?.includes("publishStatement"));
    expect(publish?.variables).toEqual({ id: "9", version: 1 });
  });
});

describe("the statement preview", () => {
  it("reads the JSON rendering and shows its text as text, never as markup", async () => {
    const rendering = {
      title: "关于《停车管理办法》公开征求意见采纳情况的说明",
      issuing_body: "某市某局",
      issued_on: "2026-11-27",
      sections: [{ title: "一、基本情况", blocks: [{ type: "paragraph", text: '有的提出<img src=x onerror="alert(1)">' }] }],
    };
    const fetchMock = vi.fn(async () => new Response(JSON.stringify(rendering), { status: 200 }));
    vi.stubGlobal("fetch", fetchMock);
    const { StatementPreview } = await import("./StatementPreview");
    const { container } = renderWithApp(<StatementPreview jsonUrl="/statements/9/v1.json" />, { me: REVIEWER });
    expect(await screen.findByText('有的提出<img src=x onerror="alert(1)">')).toBeInTheDocument();
    expect(container.querySelector("img")).toBeNull();
    expect(screen.getByRole("heading", { name: "一、基本情况" })).toBeInTheDocument();
    expect(fetchMock).toHaveBeenCalledWith("/statements/9/v1.json", expect.objectContaining({ credentials: "same-origin" }));
  });
});
