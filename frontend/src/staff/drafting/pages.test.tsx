import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Route, Routes } from "react-router";
import { describe, expect, it, vi } from "vitest";
import type { Me } from "../../auth/session";
import { DRAFTER, renderWithApp } from "../../test/render";
import "../i18n";
import ModerationPage from "./ModerationPage";
import WorkbenchPage from "./WorkbenchPage";

/** A fetch that answers each GraphQL operation by its name, and records the calls. */
function byOperation(answers: Record<string, unknown | ((variables: Record<string, unknown>) => unknown)>) {
  const calls: { name: string; variables: Record<string, unknown> }[] = [];
  const fetchMock = async (_url: RequestInfo | URL, init?: RequestInit) => {
    const body = JSON.parse(String(init?.body)) as { query: string; variables: Record<string, unknown> };
    const name = /(?:query|mutation)\s+(\w+)/.exec(body.query)?.[1] ?? "";
    calls.push({ name, variables: body.variables });
    const answer = answers[name];
    const data = typeof answer === "function" ? (answer as (v: Record<string, unknown>) => unknown)(body.variables) : answer;
    return new Response(JSON.stringify({ data }), { status: 200, headers: { "Content-Type": "application/json" } });
  };
  return { fetchMock, calls };
}

const UNITS = { units: [{ id: "1", name: "省厅", parentId: null }, { id: "2", name: "市局", parentId: "1" }] };
const REVIEWER: Me = { ...DRAFTER, id: "3", displayName: "审核人", roles: [{ role: "REVIEWER", unitId: "1" }] };
const APPROVER: Me = { ...DRAFTER, id: "4", displayName: "批准人", roles: [{ role: "APPROVER", unitId: "2" }] };

function consultation(status: string) {
  return {
    consultation: {
      id: "7",
      title: "绿道管理办法（征求意见稿）",
      kind: "MAJOR_DECISION",
      kindLabel: "重大行政决策",
      status,
      statusLabel: status === "IN_REVIEW" ? "审查中" : "征求意见中",
      summary: "",
      explanation: "",
      basis: "",
      offlineChannels: "",
      businessRelated: false,
      disclosure: "PROACTIVE",
      disclosureReason: "",
      unitId: "2",
      unit: "市局",
      opensAt: null,
      closesAt: null,
      closingDate: null,
      minimumPeriod: "30日",
      shortenedReason: "",
      withdrawnReason: "",
      commentCount: 0,
      publicationChannels: [],
      reviews: [],
      draft: { id: "11", number: 1, structure: "articles", source: "text", preamble: "", articles: [{ id: "21", position: 1, label: "第一条", heading: "", body: "内容。" }] },
    },
  };
}

const CHECKS = {
  consultation: {
    id: "7",
    publishChecks: {
      ready: true,
      minimumClosingDate: "2026-12-28",
      closingDate: "2026-12-28",
      shortened: false,
      checks: [{ code: "STATUS", label: "草案已送审（状态为「审查中」）", passed: true, message: "", errorCode: null, detail: "" }],
    },
  },
};

function renderWorkbench(me: Me, status: string) {
  const mock = byOperation({ Workbench: consultation(status), StaffUnits: UNITS, PublishChecks: CHECKS, WorkbenchPublish: { publishConsultation: { id: "7" } } });
  vi.stubGlobal("fetch", mock.fetchMock);
  renderWithApp(
    <Routes>
      <Route path="/staff/consultations/:id" element={<WorkbenchPage />} />
    </Routes>,
    { me, path: "/staff/consultations/7" },
  );
  return mock;
}

describe("WorkbenchPage", () => {
  it("shows a reviewer (role on the parent unit) the review form but no publishing and no draft corrections", async () => {
    renderWorkbench(REVIEWER, "IN_REVIEW");
    expect(await screen.findByRole("heading", { level: 1, name: "绿道管理办法（征求意见稿）" })).toBeInTheDocument();
    expect(screen.getByRole("form", { name: "登记审查结果" })).toBeInTheDocument();
    expect(screen.queryByRole("heading", { name: "发布征求意见" })).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "修改第一条" })).not.toBeInTheDocument();
    expect(screen.queryByRole("link", { name: "意见处理（审查阶段）" })).not.toBeInTheDocument();
  });

  it("lets an approver publish once the checks pass, with the default period and the channels", async () => {
    const user = userEvent.setup();
    const { calls } = renderWorkbench(APPROVER, "IN_REVIEW");
    expect(await screen.findByText("全部规则均已满足，可以发布。")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "发布" }));
    await vi.waitFor(() => expect(calls.some((c) => c.name === "WorkbenchPublish")).toBe(true));
    expect(calls.find((c) => c.name === "WorkbenchPublish")!.variables).toEqual({
      id: "7",
      closingDate: null,
      shortenedReason: "",
      channels: [{ channel: "政府门户网站", url: "" }],
    });
  });

  it("offers an approver to close an open consultation early, behind a confirmation", async () => {
    const user = userEvent.setup();
    renderWorkbench(APPROVER, "OPEN");
    await user.click(await screen.findByRole("button", { name: "提前结束征求意见" }));
    expect(screen.getByLabelText("提前结束的理由")).toHaveFocus();
    await user.click(screen.getByRole("button", { name: "取消" }));
    expect(screen.getByRole("button", { name: "提前结束征求意见" })).toHaveFocus();
  });
});

describe("ModerationPage", () => {
  it("starts with the flagged comments and hides one with a reason", async () => {
    const user = userEvent.setup();
    const comment = {
      id: "90",
      receiptCode: "CY-AAAA-BBBB-CCCC-DDDD",
      channel: "ONLINE",
      body: "<b>不是标记</b> 含敏感词的意见",
      submitterName: "",
      submittedAt: "2026-11-27T04:00:00+00:00",
      isLate: false,
      moderation: "FLAGGED",
      moderationReason: "",
      flaggedTerms: ["敏感词"],
      article: { id: "21", label: "第一条" },
    };
    const { fetchMock, calls } = byOperation({
      ConsultationTitle: { consultation: { id: "7", title: "绿道管理办法", status: "OPEN", statusLabel: "征求意见中", unitId: "2", draft: { articles: [] } } },
      ModerationQueue: { consultation: { id: "7", comments: { totalCount: 1, edges: [{ node: comment }], pageInfo: { hasNextPage: false, endCursor: null } } } },
      WorkbenchModerate: { moderateComment: { id: "90", moderation: "HIDDEN", moderationReason: "与本草案无关" } },
    });
    vi.stubGlobal("fetch", fetchMock);
    renderWithApp(
      <Routes>
        <Route path="/staff/consultations/:id/moderation" element={<ModerationPage />} />
      </Routes>,
      { me: DRAFTER, path: "/staff/consultations/7/moderation" },
    );
    const card = await screen.findByTestId("comment-CY-AAAA-BBBB-CCCC-DDDD");
    expect(calls.find((c) => c.name === "ModerationQueue")!.variables).toMatchObject({ moderation: "FLAGGED" });
    // Comment text is text, never markup.
    expect(within(card).getByText("<b>不是标记</b> 含敏感词的意见")).toBeInTheDocument();
    expect(within(card).getByText("命中敏感词：敏感词")).toBeInTheDocument();
    expect(within(card).getByText("第一条")).toBeInTheDocument();
    await user.click(within(card).getByRole("button", { name: "隐藏" }));
    await user.type(within(card).getByLabelText("隐藏理由"), "与本草案无关");
    await user.click(within(card).getByRole("button", { name: "确认隐藏" }));
    expect(await within(card).findByText("处理理由：与本草案无关")).toBeInTheDocument();
    expect(within(card).getByText("已隐藏")).toBeInTheDocument();
    expect(calls.find((c) => c.name === "WorkbenchModerate")!.variables).toEqual({ id: "90", action: "HIDE", reason: "与本草案无关" });
    expect(screen.getByRole("form", { name: "登记线下意见" })).toBeInTheDocument();
  });
});
