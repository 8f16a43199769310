import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderWithApp } from "../test/render";
import { CommentCard } from "./CommentCard";

const HOSTILE = `<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>**粗体**`;

describe("CommentCard", () => {
  it("renders comment text as text, never as HTML", () => {
    const { container } = renderWithApp(
      <CommentCard
        comment={{
          receiptCode: "CY-AAAA-BBBB-CCCC-DDDD",
          consultationId: "4",
          consultationTitle: "标题<b>不加粗</b>",
          articleLabel: "第五条",
          body: HOSTILE,
          submittedAt: "2026-11-27T04:42:22+00:00",
          status: "received",
          statusLabel: "已收到",
        }}
      />,
    );
    expect(container.querySelector("img")).toBeNull();
    expect(container.querySelector("script")).toBeNull();
    expect(container.querySelector("b")).toBeNull();
    expect(screen.getByText(HOSTILE)).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "标题<b>不加粗</b>" })).toBeInTheDocument();
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it("shows the disposition and its reason once published", () => {
    renderWithApp(
      <CommentCard
        comment={{
          receiptCode: "CY-62YP-5Q2E-MNE3-MQYE",
          consultationId: "4",
          consultationTitle: "杭州市征收集体土地房屋补偿管理办法（征求意见稿）",
          articleLabel: "第五条",
          body: "过渡期太长",
          submittedAt: "2026-11-27T04:42:22+00:00",
          status: "decided",
          statusLabel: "已公布处理结果",
          outcome: {
            groupTitle: "过渡期、第五条、超过",
            disposition: "PARTLY_ADOPTED",
            dispositionLabel: "部分采纳",
            reason: "过渡期调整为一般不超过十八个月。",
          },
        }}
      />,
    );
    expect(screen.getByText("已公布处理结果")).toBeInTheDocument();
    expect(screen.getByText("部分采纳")).toBeInTheDocument();
    expect(screen.getByText("过渡期调整为一般不超过十八个月。")).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "查看意见采纳情况说明" })).toHaveAttribute("href", "/consultations/4/statement");
  });

  it("says the comment is being processed before the statement is out", () => {
    renderWithApp(
      <CommentCard
        comment={{
          receiptCode: "CY-1",
          consultationId: "1",
          consultationTitle: "办法",
          articleLabel: null,
          body: "整体意见",
          submittedAt: "2026-11-27T04:42:22+00:00",
          status: "under_review",
          statusLabel: "处理中",
        }}
      />,
    );
    expect(screen.getByText("草案整体")).toBeInTheDocument();
    expect(screen.getByText(/意见正在处理中/)).toBeInTheDocument();
  });
});
