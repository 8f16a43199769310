import { fireEvent, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { DRAFTER, graphqlResponses, renderWithApp } from "../../test/render";
import "../i18n";
import { ArticleEditor } from "./ArticleEditor";
import { DraftImport } from "./DraftImport";
import { EMPTY_NOTICE, NoticeForm } from "./NoticeForm";
import { PublishCheckList, type Checks } from "./PublishCheckList";

const CHECKS: Checks = {
  ready: false,
  minimumClosingDate: "2026-12-28",
  closingDate: "2026-12-14",
  shortened: true,
  checks: [
    { code: "LEGALITY_REVIEW", label: "当前草案版本已登记通过的合法性审查", passed: true, message: "", errorCode: null, detail: "市司法局，2026-11-26" },
    {
      code: "PERIOD",
      label: "规章征求意见期限不少于30日（最早截止日 2026-12-28），缩短须说明理由",
      passed: false,
      message: "规章征求意见期限一般不少于30日（最早截止日 2026-12-28）；缩短期限须说明理由",
      errorCode: "PERIOD_TOO_SHORT",
      detail: "已缩短期限并说明理由",
    },
  ],
};

describe("PublishCheckList", () => {
  it("lists every rule with pass or fail in words, and the API's message for a failing one", () => {
    renderWithApp(<PublishCheckList checks={CHECKS} />, { me: DRAFTER });
    expect(screen.getByRole("status")).toHaveTextContent("还有 1 项规则未满足");
    const items = within(screen.getByRole("list", { name: "发布规则检查结果" })).getAllByRole("listitem");
    expect(items).toHaveLength(2);
    expect(items[0]).toHaveTextContent("已满足：当前草案版本已登记通过的合法性审查（市司法局，2026-11-26）");
    expect(items[1]).toHaveTextContent("未满足：规章征求意见期限不少于30日");
    expect(within(items[1]!).getByText(/缩短期限须说明理由$/)).toHaveClass("field-error");
  });

  it("says so when everything passes", () => {
    renderWithApp(<PublishCheckList checks={{ ...CHECKS, ready: true, checks: [CHECKS.checks[0]!] }} />, { me: DRAFTER });
    expect(screen.getByRole("status")).toHaveTextContent("全部规则均已满足，可以发布。");
  });
});

describe("DraftImport", () => {
  it("imports pasted text", async () => {
    const user = userEvent.setup();
    const { fetchMock, calls } = graphqlResponses({ data: { importDraft: { id: "9", number: 2 } } });
    vi.stubGlobal("fetch", fetchMock);
    const onDone = vi.fn();
    renderWithApp(<DraftImport consultationId="5" hasDraft onDone={onDone} />, { me: DRAFTER });
    await user.type(screen.getByLabelText("草案全文"), "第一条　内容。");
    await user.click(screen.getByRole("button", { name: "导入并拆分条款" }));
    expect(await screen.findByRole("status")).toHaveTextContent("已导入为第 2 版。");
    expect(calls[0]!.variables).toEqual({ id: "5", text: "第一条　内容。", note: "" });
    expect(onDone).toHaveBeenCalledOnce();
  });

  it("sends a .docx as base64 with its name, and refuses other files without calling the API", async () => {
    const user = userEvent.setup();
    const { fetchMock, calls } = graphqlResponses({ data: { importDraft: { id: "9", number: 1 } } });
    vi.stubGlobal("fetch", fetchMock);
    renderWithApp(<DraftImport consultationId="5" hasDraft={false} onDone={() => {}} />, { me: DRAFTER });
    await user.click(screen.getByLabelText("上传 Word 文件（.docx）"));
    const input = screen.getByLabelText("Word 文件");
    fireEvent.change(input, { target: { files: [new File(["x"], "办法.pdf")] } });
    await user.click(screen.getByRole("button", { name: "导入并拆分条款" }));
    expect(screen.getByText("只能导入 .docx 格式的 Word 文件")).toHaveClass("field-error");
    expect(input).toHaveAttribute("aria-invalid", "true");
    expect(calls).toHaveLength(0);

    fireEvent.change(input, { target: { files: [new File([new Uint8Array([0x50, 0x4b])], "绿道办法.docx")] } });
    await user.click(screen.getByRole("button", { name: "导入并拆分条款" }));
    expect(await screen.findByRole("status")).toHaveTextContent("已导入为第 1 版。");
    expect(calls[0]!.variables).toEqual({ id: "5", docxBase64: "UEs=", filename: "绿道办法.docx", note: "" });
  });

  it("shows the API's error", async () => {
    const user = userEvent.setup();
    const { fetchMock } = graphqlResponses({
      data: null,
      errors: [{ message: "征求意见已结束，不能再导入新的草案版本", extensions: { code: "DRAFT_LOCKED" } }],
    });
    vi.stubGlobal("fetch", fetchMock);
    renderWithApp(<DraftImport consultationId="5" hasDraft onDone={() => {}} />, { me: DRAFTER });
    await user.type(screen.getByLabelText("草案全文"), "第一条　内容。");
    await user.click(screen.getByRole("button", { name: "导入并拆分条款" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("征求意见已结束");
  });
});

const ARTICLES = [
  { id: "46", position: 1, label: "第一条", heading: "第一章 总则", body: "为了规范绿道。" },
  { id: "47", position: 2, label: "第二条", heading: "第一章 总则", body: "任何单位不得驾驶机动车。第三条本办法施行。" },
];

describe("ArticleEditor", () => {
  it("shows chapter headings once and merges an article with the next", async () => {
    const user = userEvent.setup();
    const { fetchMock, calls } = graphqlResponses({ data: { mergeArticleWithNext: [{ id: "46" }] } });
    vi.stubGlobal("fetch", fetchMock);
    const onChanged = vi.fn();
    renderWithApp(<ArticleEditor articles={ARTICLES} editable onChanged={onChanged} />, { me: DRAFTER });
    expect(screen.getAllByText("第一章 总则")).toHaveLength(1);
    expect(screen.queryByRole("button", { name: "将第二条与下一条合并" })).not.toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "将第一条与下一条合并" }));
    await vi.waitFor(() => expect(onChanged).toHaveBeenCalledOnce());
    expect(calls[0]!.variables).toEqual({ articleId: "46" });
  });

  it("previews a split and sends the offset and the new label", async () => {
    const user = userEvent.setup();
    const { fetchMock, calls } = graphqlResponses({ data: { splitArticle: [{ id: "47" }, { id: "48" }] } });
    vi.stubGlobal("fetch", fetchMock);
    renderWithApp(<ArticleEditor articles={ARTICLES} editable onChanged={() => {}} />, { me: DRAFTER });
    await user.click(screen.getByRole("button", { name: "拆分第二条" }));
    await user.type(screen.getByLabelText("拆分位置（从第几个字之后拆开）"), "1x2");
    expect(screen.getByLabelText("拆分位置（从第几个字之后拆开）")).toHaveValue("12");
    expect(screen.getByText("新条款：").parentElement).toHaveTextContent(/^新条款：第三条本办法施行。$/);
    await user.type(screen.getByLabelText("新条款编号"), "第三条");
    await user.click(screen.getByRole("button", { name: "拆分" }));
    await vi.waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0]!.variables).toEqual({ articleId: "47", at: 12, newLabel: "第三条" });
  });

  it("offers no corrections once the draft is published", () => {
    renderWithApp(<ArticleEditor articles={ARTICLES} editable={false} onChanged={() => {}} />, { me: DRAFTER });
    expect(screen.queryAllByRole("button")).toHaveLength(0);
  });
});

describe("NoticeForm", () => {
  it("shows the API's error beside the field it concerns, and the reason field for a non-public notice", async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn(async () => {
      const { ApiError } = await import("../../api/client");
      throw new ApiError("公开属性不是「主动公开」时，必须说明理由", "DISCLOSURE_REASON_REQUIRED");
    });
    renderWithApp(<NoticeForm initial={EMPTY_NOTICE} units={[{ id: "2", name: "市局" }]} submitLabel="创建草稿" onSubmit={onSubmit} />, { me: DRAFTER });
    expect(screen.queryByLabelText("不主动公开的理由")).not.toBeInTheDocument();
    await user.type(screen.getByLabelText("标题"), "绿道管理办法");
    await user.selectOptions(screen.getByLabelText("公开属性"), "依申请公开");
    await user.click(screen.getByRole("button", { name: "创建草稿" }));
    const reason = await screen.findByLabelText("不主动公开的理由");
    await vi.waitFor(() => expect(reason).toHaveAttribute("aria-invalid", "true"));
    expect(reason).toHaveAccessibleDescription(/必须说明理由/);
    expect(onSubmit).toHaveBeenCalledWith(expect.objectContaining({ unitId: "2", title: "绿道管理办法", disclosure: "ON_REQUEST" }));
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
  });
});
