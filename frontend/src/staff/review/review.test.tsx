import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { Me } from "../../auth/session";
import { graphqlResponses, renderWithApp } from "../../test/render";
import "../i18n";
import { AggregationPanel } from "./AggregationPanel";
import { BulkBar } from "./BulkBar";
import { ConfirmAction } from "./ConfirmAction";
import { dispositionProblem } from "./disposition";
import { DispositionForm } from "./DispositionForm";
import { groupVariables, NO_FILTERS } from "./filters";
import { GroupCard } from "./GroupCard";
import { jobActive, jobPercent } from "./hooks";
import { abilities } from "./roles";
import type { Group } from "./types";

const REVIEWER: Me = { id: "3", kind: "staff", displayName: "审核人", verified: true, roles: [{ role: "REVIEWER", unitId: "2" }] };
const APPROVER: Me = { id: "4", kind: "staff", displayName: "批准人", verified: true, roles: [{ role: "APPROVER", unitId: "2" }] };
const REASONS = [
  { code: "higher_law", label: "上位法已有规定" },
  { code: "not_workable", label: "不具备可操作性" },
];

function status(run: Record<string, unknown> | null, undecided = 4) {
  return {
    data: {
      aggregationStatus: { run, comments: 4, ungroupedComments: run ? 0 : 4, topics: 3, campaigns: 0, undecidedComments: undecided },
    },
  };
}
const run = (status: string, done: number, total: number | null, message = "") => ({
  id: "7",
  status,
  progressDone: done,
  progressTotal: total,
  message,
  startedAt: "2026-11-27T08:00:00+00:00",
  finishedAt: status === "succeeded" ? "2026-11-27T08:00:05+00:00" : null,
});

function group(overrides: Partial<Group> = {}): Group {
  return {
    id: "11",
    kind: "TOPIC",
    articleId: "34",
    articleLabel: "第二条",
    title: "地锁、拆除、物业",
    summary: "",
    keywords: ["地锁", "拆除"],
    editedByStaff: false,
    representative: { id: "100", body: "<b>建议</b>禁止私装地锁。" },
    stats: { comments: 2, participants: 2 },
    disposition: null,
    comments: { edges: [{ node: { id: "100", body: "建议禁止私装地锁。", channel: "ONLINE" } }], pageInfo: { hasNextPage: false } },
    ...overrides,
  } as Group;
}

describe("job progress polling", () => {
  it("polls while the run is active, shows its progress, and stops (telling the page) once it is done", async () => {
    const { fetchMock, calls } = graphqlResponses(
      status(null),
      { data: { runAggregation: { id: "7", status: "queued" } } },
      status(run("queued", 0, null)),
      status(run("running", 1, 2)),
      status(run("succeeded", 2, 2, "新归入4条意见：新建主题3个")),
    );
    vi.stubGlobal("fetch", fetchMock);
    const finished = vi.fn();
    const user = userEvent.setup();
    renderWithApp(<AggregationPanel consultationId="9" canRun onFinished={finished} />, { me: REVIEWER });
    await user.click(await screen.findByRole("button", { name: "开始归纳整理" }));
    await screen.findByText("最近一次：排队中");
    expect(screen.getByRole("progressbar", { name: "归纳进度" })).not.toHaveAttribute("value"); // total unknown yet
    await waitFor(() => expect(screen.getByRole("progressbar", { name: "归纳进度" })).toHaveAttribute("value", "50"), {
      timeout: 3000,
    });
    expect(screen.getByRole("button", { name: "重新归纳（只归入未分组的意见）" })).toBeDisabled();
    await screen.findByText("最近一次：已完成", {}, { timeout: 3000 });
    expect(screen.getByText("新归入4条意见：新建主题3个")).toBeInTheDocument();
    expect(screen.queryByRole("progressbar")).toBeNull();
    await waitFor(() => expect(finished).toHaveBeenCalledTimes(1)); // an effect after the render that showed it
    const asked = calls.length;
    await new Promise((resolve) => setTimeout(resolve, 1300));
    expect(calls.length).toBe(asked); // no more polling once done
    expect(calls[1]!.query).toContain("runAggregation");
  }, 10_000);

  it("shows the API's error when a run is refused", async () => {
    const { fetchMock } = graphqlResponses(status(null), {
      data: null,
      errors: [{ message: "征求意见结束后才能归纳整理意见", extensions: { code: "CONSULTATION_NOT_CLOSED" } }],
    });
    vi.stubGlobal("fetch", fetchMock);
    const user = userEvent.setup();
    renderWithApp(<AggregationPanel consultationId="9" canRun onFinished={() => {}} />, { me: REVIEWER });
    await user.click(await screen.findByRole("button", { name: "开始归纳整理" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("征求意见结束后才能归纳整理意见");
  });

  it("knows when a job is active and how far it is", () => {
    expect([jobActive("queued"), jobActive("running"), jobActive("succeeded"), jobActive(undefined)]).toEqual([true, true, false, false]);
    expect([jobPercent(1, 3), jobPercent(0, null), jobPercent(5, 4)]).toEqual([33, null, 100]);
  });
});

describe("the disposition form", () => {
  it("needs an outcome, and a reason (or a standard reason) for 部分采纳 and 不予采纳", () => {
    expect(dispositionProblem({ outcome: "", standardReason: "", reason: "" })).toBe("outcomeRequired");
    expect(dispositionProblem({ outcome: "ADOPTED", standardReason: "", reason: "" })).toBeNull();
    expect(dispositionProblem({ outcome: "NOT_ADOPTED", standardReason: "", reason: "  " })).toBe("reasonRequired");
    expect(dispositionProblem({ outcome: "PARTLY_ADOPTED", standardReason: "higher_law", reason: "" })).toBeNull();
    expect(dispositionProblem({ outcome: "ADOPTED", standardReason: "", reason: "字".repeat(2001) })).toBe("reasonTooLong");
  });

  it("says what is missing before sending, then sends outcome, standard reason and trimmed words", async () => {
    const submit = vi.fn();
    const user = userEvent.setup();
    renderWithApp(<DispositionForm reasons={REASONS} submitLabel="提交处理意见" onSubmit={submit} />, { me: REVIEWER });
    await user.click(screen.getByRole("button", { name: "提交处理意见" }));
    expect(screen.getByRole("alert")).toHaveTextContent("请选择处理结果。");
    await user.click(screen.getByLabelText("不予采纳"));
    await user.click(screen.getByRole("button", { name: "提交处理意见" }));
    expect(screen.getByRole("alert")).toHaveTextContent("请填写理由或选择标准理由。");
    expect(screen.getByLabelText("理由")).toHaveAttribute("aria-invalid", "true");
    expect(submit).not.toHaveBeenCalled();
    await user.selectOptions(screen.getByLabelText("标准理由"), "不具备可操作性");
    await user.type(screen.getByLabelText("理由"), "  现阶段条件不具备。 ");
    await user.click(screen.getByRole("button", { name: "提交处理意见" }));
    expect(submit).toHaveBeenCalledWith({ outcome: "NOT_ADOPTED", standardReason: "not_workable", reason: "现阶段条件不具备。", revisedAfter: "" });
  });
});

describe("group actions", () => {
  const render = (g: Group, me: Me, onChanged = vi.fn()) =>
    renderWithApp(
      <GroupCard group={g} selected={false} onSelect={() => {}} can={abilities(me)} myId={me.id} reasons={REASONS} targets={[]} onChanged={onChanged} />,
      { me },
    );

  it("shows comment text as text and the state of the disposition", () => {
    render(group({ disposition: { id: "5", outcome: "NOT_ADOPTED", outcomeLabel: "不予采纳", standardReason: "higher_law", reason: "另有规定", status: "PROPOSED", proposedBy: "3", replacesApproved: false, revisedArticleId: null, revisedAfter: "" } }), REVIEWER);
    expect(screen.getByLabelText("代表性意见")).toHaveTextContent("<b>建议</b>禁止私装地锁。");
    expect(screen.getByText("已提出，待批准")).toBeInTheDocument();
    expect(screen.getByText("上位法已有规定：另有规定")).toBeInTheDocument();
    expect(screen.getByText("由您提出，须由其他批准人批准")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "批准" })).toBeNull(); // reviewers do not approve
  });

  it("tells a change after approval from a first proposal", () => {
    const disposition = { id: "9", outcome: "ADOPTED", outcomeLabel: "采纳", standardReason: "", reason: "", proposedBy: "3", revisedArticleId: null, revisedAfter: "" } as const;
    render(group({ disposition: { ...disposition, status: "PROPOSED", replacesApproved: true } }), APPROVER);
    expect(screen.getByText("批准后有修改，待重新批准")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "批准" })).toBeInTheDocument();
    expect(screen.queryByText("已提出，待批准")).toBeNull();
  });

  it("lets a reviewer propose a disposition for the group", async () => {
    const { fetchMock, calls } = graphqlResponses({ data: { setDisposition: { id: "6", status: "PROPOSED" } } });
    vi.stubGlobal("fetch", fetchMock);
    const changed = vi.fn();
    const user = userEvent.setup();
    render(group(), REVIEWER, changed);
    await user.click(screen.getByRole("button", { name: "提出处理意见" }));
    await user.click(screen.getByLabelText("采纳"));
    await user.click(screen.getByRole("button", { name: "提交处理意见" }));
    await waitFor(() => expect(changed).toHaveBeenCalled());
    expect(calls[0]!.variables).toEqual({ input: { groupId: "11", outcome: "ADOPTED", standardReason: "", reason: "" } });
  });

  it("sends the revised text of the group's article with an adoption", async () => {
    const { fetchMock, calls } = graphqlResponses({ data: { setDisposition: { id: "6", status: "PROPOSED" } } });
    vi.stubGlobal("fetch", fetchMock);
    const changed = vi.fn();
    const user = userEvent.setup();
    render(group(), REVIEWER, changed);
    await user.click(screen.getByRole("button", { name: "提出处理意见" }));
    expect(screen.queryByLabelText(/^修改后的第二条条文/)).toBeNull(); // only once adopted
    await user.click(screen.getByLabelText("部分采纳"));
    await user.type(screen.getByLabelText("理由"), "地锁限期拆除。");
    await user.type(screen.getByLabelText(/^修改后的第二条条文/), " 不得私自占用或者加装地锁；已加装的，限期拆除。 ");
    await user.click(screen.getByRole("button", { name: "提交处理意见" }));
    await waitFor(() => expect(changed).toHaveBeenCalled());
    expect(calls[0]!.variables).toEqual({
      input: {
        groupId: "11",
        outcome: "PARTLY_ADOPTED",
        standardReason: "",
        reason: "地锁限期拆除。",
        revisedArticleId: "34",
        revisedAfter: "不得私自占用或者加装地锁；已加装的，限期拆除。",
      },
    });
  });

  it("lets an approver approve a proposed disposition and shows the API's refusal", async () => {
    const { fetchMock, calls } = graphqlResponses({
      data: null,
      errors: [{ message: "不能批准自己提出的处理意见", extensions: { code: "SAME_PERSON" } }],
    });
    vi.stubGlobal("fetch", fetchMock);
    const user = userEvent.setup();
    render(group({ disposition: { id: "5", outcome: "ADOPTED", outcomeLabel: "采纳", standardReason: "", reason: "", status: "PROPOSED", proposedBy: "3", replacesApproved: false, revisedArticleId: null, revisedAfter: "" } }), APPROVER);
    await user.click(screen.getByRole("button", { name: "批准" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("不能批准自己提出的处理意见");
    expect(calls[0]!.variables).toEqual({ ids: ["5"] });
  });

  it("renames a group", async () => {
    const { fetchMock, calls } = graphqlResponses({ data: { updateGroup: { id: "11" } } });
    vi.stubGlobal("fetch", fetchMock);
    const changed = vi.fn();
    const user = userEvent.setup();
    render(group(), REVIEWER, changed);
    await user.click(screen.getByRole("button", { name: "修改标题和摘要" }));
    await user.clear(screen.getByLabelText("标题"));
    await user.type(screen.getByLabelText("标题"), "私装地锁");
    await user.click(screen.getByRole("button", { name: "保存" }));
    await waitFor(() => expect(changed).toHaveBeenCalled());
    expect(calls[0]!.variables).toEqual({ groupId: "11", title: "私装地锁", summary: "" });
  });

  it("merges the selected groups into the chosen one and approves only proposed dispositions", async () => {
    const { fetchMock, calls } = graphqlResponses({ data: { mergeGroups: { id: "12" } } });
    vi.stubGlobal("fetch", fetchMock);
    const done = vi.fn();
    const user = userEvent.setup();
    const selected = [group(), group({ id: "12", title: "收费标准" }), group({ id: "13", title: "充电车位" })];
    renderWithApp(<BulkBar selected={selected} can={abilities(REVIEWER)} reasons={REASONS} onDone={done} onClear={() => {}} />, { me: REVIEWER });
    const bar = screen.getByRole("region", { name: "批量操作" });
    expect(within(bar).getByText("已选3个分组")).toBeInTheDocument();
    await user.selectOptions(within(bar).getByLabelText("合并到"), "#12 收费标准");
    await user.click(within(bar).getByRole("button", { name: "合并所选分组" }));
    await waitFor(() => expect(done).toHaveBeenCalled());
    expect(calls[0]!.variables).toEqual({ into: "12", ids: ["11", "13"] });
    expect(within(bar).queryByRole("button", { name: "批准所选分组的处理意见" })).toBeNull();
  });
});

describe("filters and confirmation", () => {
  it("turns filters into opinionGroups variables", () => {
    expect(groupVariables("9", NO_FILTERS, 10, null)).toEqual({
      id: "9", kind: null, articleId: null, wholeDraft: false, undecidedOnly: false, search: null, first: 10, after: null,
    });
    expect(groupVariables("9", { kind: "TOPIC", article: "whole", undecidedOnly: true, search: " 地锁 " }, 10, "Yzo1")).toMatchObject({
      kind: "TOPIC", articleId: null, wholeDraft: true, undecidedOnly: true, search: "地锁", after: "Yzo1",
    });
    expect(groupVariables("9", { ...NO_FILTERS, article: "34" }, 10, null)).toMatchObject({ articleId: "34", wholeDraft: false });
  });

  it("publishes only after the confirmation", async () => {
    const confirm = vi.fn();
    const user = userEvent.setup();
    renderWithApp(<ConfirmAction label="公布第1版" question="确定公布第1版吗？" confirmLabel="确定公布" onConfirm={confirm} />, { me: APPROVER });
    await user.click(screen.getByRole("button", { name: "公布第1版" }));
    expect(confirm).not.toHaveBeenCalled();
    await user.click(screen.getByRole("button", { name: "取消" }));
    await user.click(screen.getByRole("button", { name: "公布第1版" }));
    await user.click(screen.getByRole("button", { name: "确定公布" }));
    expect(confirm).toHaveBeenCalledTimes(1);
  });
});
