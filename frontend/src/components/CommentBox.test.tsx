import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { draftStorageKey, readDraft } from "../lib/draft";
import { graphqlResponses, renderWithApp } from "../test/render";
import { CommentBox } from "./CommentBox";

const STORAGE_KEY = draftStorageKey("1", "7");
const RECEIPT = {
  data: { submitComment: { receiptCode: "CY-89K9-GB8W-7ZYS-ZN1A", submittedAt: "2026-11-27T04:42:22+00:00", duplicate: false } },
};

function box() {
  return renderWithApp(<CommentBox consultationId="1" articleId="7" targetLabel="第七条" />);
}

describe("CommentBox", () => {
  it("labels the box with the article and counts characters as the API does", async () => {
    const user = userEvent.setup();
    box();
    const field = screen.getByLabelText("您对第七条的意见");
    await user.type(field, "建议增加例外情形");
    expect(screen.getByText("已输入 8 / 5000 字")).toBeInTheDocument();
    expect(field).toHaveAccessibleDescription(/已输入 8 \/ 5000 字/);
  });

  it("counts against the consultation's own limits and refuses a longer text before sending it", async () => {
    const user = userEvent.setup();
    const fetchMock = vi.fn();
    vi.stubGlobal("fetch", fetchMock);
    renderWithApp(
      <CommentBox consultationId="1" articleId="7" targetLabel="第七条" limits={{ minChars: 2, maxChars: 10 }} />,
    );
    await user.type(screen.getByLabelText("您对第七条的意见"), "建议增加例外情形和过渡期");
    expect(screen.getByText(/已输入 12 \/ 10 字/)).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "提交意见（第七条）" }));
    expect(screen.getByRole("alert")).toHaveTextContent("10");
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it("keeps the typed text on this device before anything is sent", async () => {
    const user = userEvent.setup();
    box();
    await user.type(screen.getByLabelText("您对第七条的意见"), "还没提交");
    expect(readDraft(STORAGE_KEY)?.body).toBe("还没提交");
  });

  it("refuses an empty comment with a clear message and sends nothing", async () => {
    const user = userEvent.setup();
    const fetchMock = vi.fn();
    vi.stubGlobal("fetch", fetchMock);
    box();
    await user.click(screen.getByRole("button", { name: "提交意见（第七条）" }));
    expect(screen.getByRole("alert")).toHaveTextContent("请填写意见内容，至少 2 个字。");
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it("keeps the comment after a network failure and retries with the same idempotency key", async () => {
    const user = userEvent.setup();
    const { fetchMock, calls } = graphqlResponses(new TypeError("Failed to fetch"), RECEIPT);
    vi.stubGlobal("fetch", fetchMock);
    box();
    await user.type(screen.getByLabelText("您对第七条的意见"), "断网也不能丢");
    await user.click(screen.getByRole("button", { name: "提交意见（第七条）" }));

    expect(await screen.findByRole("alert")).toHaveTextContent("网络连接失败");
    expect(screen.getByText(/仍保存在本机/)).toBeInTheDocument();
    expect(readDraft(STORAGE_KEY)?.body).toBe("断网也不能丢");
    expect(screen.getByLabelText("您对第七条的意见")).toHaveValue("断网也不能丢");

    await user.click(screen.getByRole("button", { name: "提交意见（第七条）" }));
    expect(await screen.findByTestId("receipt-code")).toHaveTextContent("CY-89K9-GB8W-7ZYS-ZN1A");
    expect(calls).toHaveLength(2);
    expect(calls[1]!.variables.idempotencyKey).toBe(calls[0]!.variables.idempotencyKey);
    expect(calls[1]!.variables).toMatchObject({ consultationId: "1", articleId: "7", body: "断网也不能丢" });
  });

  it("shows the receipt code, copyable, and forgets the draft once the API acknowledged it", async () => {
    const user = userEvent.setup();
    const { fetchMock } = graphqlResponses(RECEIPT);
    vi.stubGlobal("fetch", fetchMock);
    box();
    await user.type(screen.getByLabelText("您对第七条的意见"), "一条完整的意见");
    await user.click(screen.getByRole("button", { name: "提交意见（第七条）" }));
    expect(await screen.findByRole("heading", { name: "意见已提交成功" })).toHaveFocus();
    expect(screen.getByTestId("receipt-code")).toHaveTextContent("CY-89K9-GB8W-7ZYS-ZN1A");
    expect(screen.getByRole("button", { name: "复制回执编号" })).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "查询处理情况" })).toHaveAttribute(
      "href",
      "/receipt?code=CY-89K9-GB8W-7ZYS-ZN1A",
    );
    expect(readDraft(STORAGE_KEY)).toBeUndefined();
  });

  it("shows the API's own Chinese message when it refuses the comment", async () => {
    const user = userEvent.setup();
    const { fetchMock } = graphqlResponses({
      data: null,
      errors: [{ message: "征求意见已截止，不再接受意见", extensions: { code: "COMMENT_WINDOW_CLOSED", retryable: false } }],
    });
    vi.stubGlobal("fetch", fetchMock);
    box();
    await user.type(screen.getByLabelText("您对第七条的意见"), "晚了一步");
    await user.click(screen.getByRole("button", { name: "提交意见（第七条）" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("征求意见已截止，不再接受意见");
    expect(readDraft(STORAGE_KEY)?.body).toBe("晚了一步");
  });

  it("flags an over-long comment before sending it", async () => {
    const user = userEvent.setup();
    const fetchMock = vi.fn();
    vi.stubGlobal("fetch", fetchMock);
    box();
    const field = screen.getByLabelText("您对第七条的意见");
    await user.click(field);
    await user.paste("长".repeat(5001));
    expect(screen.getByText(/超出 1 字/)).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "提交意见（第七条）" }));
    expect(screen.getByRole("alert")).toHaveTextContent("最多 5000 个字，当前 5001 个字");
    expect(field).toHaveAttribute("aria-invalid", "true");
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it("asks a visitor to sign in, keeping what they typed", async () => {
    const user = userEvent.setup();
    renderWithApp(<CommentBox consultationId="1" articleId="7" targetLabel="第七条" />, { me: null });
    await user.type(screen.getByLabelText("您对第七条的意见"), "先写后登录");
    const link = screen.getByRole("link", { name: "登录后提交意见" });
    expect(link.getAttribute("href")).toBe(`/login?next=${encodeURIComponent("/consultations/1#article-7")}`);
    expect(readDraft(STORAGE_KEY)?.body).toBe("先写后登录");
  });

  it("restores an earlier draft and says so", async () => {
    window.localStorage.setItem(
      STORAGE_KEY,
      JSON.stringify({ body: "昨天写的", key: "k-1", savedAt: "2026-11-26T00:00:00Z" }),
    );
    box();
    expect(screen.getByLabelText("您对第七条的意见")).toHaveValue("昨天写的");
    expect(screen.getByText(/已恢复您上次未提交的意见/)).toBeInTheDocument();
    await waitFor(() => expect(screen.getByText("已输入 4 / 5000 字")).toBeInTheDocument());
  });
});
