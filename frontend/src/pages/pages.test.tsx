import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { graphqlResponses, renderWithApp } from "../test/render";
import { ConsultationList } from "./ConsultationList";
import ReceiptLookup from "./ReceiptLookup";
import RegisterPage from "./RegisterPage";

function consultation(id: string, title: string) {
  return {
    node: {
      id,
      title,
      kindLabel: "重大行政决策",
      status: "OPEN",
      statusLabel: "征求意见中",
      unit: "杭州市规划和自然资源局",
      summary: "",
      closingDate: "2026-12-28",
      acceptingComments: true,
      commentCount: 44,
      commentLimits: { minChars: 2, maxChars: 5000 },
    },
  };
}

function page(edges: unknown[], hasNextPage: boolean, endCursor: string | null) {
  return { data: { consultations: { edges, pageInfo: { hasNextPage, endCursor } } } };
}

describe("ConsultationList", () => {
  it("shows open consultations first, filters by status and loads more", async () => {
    const user = userEvent.setup();
    const { fetchMock, calls } = graphqlResponses(
      page([consultation("1", "宅基地管理办法")], false, "Yzox"),
      page([consultation("4", "征收补偿办法")], true, "Yzo0"),
      page([consultation("2", "更早的办法")], false, "Yzoy"),
    );
    vi.stubGlobal("fetch", fetchMock);
    renderWithApp(<ConsultationList />, { path: "/" });

    expect(await screen.findByRole("link", { name: "宅基地管理办法" })).toHaveAttribute("href", "/consultations/1");
    expect(calls[0]!.variables).toMatchObject({ status: "OPEN", after: null });
    expect(screen.getByText("2026年12月28日24时")).toBeInTheDocument();

    await user.selectOptions(screen.getByLabelText("按状态筛选"), "已公布采纳情况");
    expect(await screen.findByRole("link", { name: "征收补偿办法" })).toBeInTheDocument();
    expect(calls[1]!.variables).toMatchObject({ status: "STATEMENT_PUBLISHED" });

    await user.click(screen.getByRole("button", { name: "加载更多" }));
    expect(await screen.findByRole("link", { name: "更早的办法" })).toBeInTheDocument();
    expect(calls[2]!.variables).toMatchObject({ status: "STATEMENT_PUBLISHED", after: "Yzo0" });
    expect(screen.getAllByRole("listitem")).toHaveLength(2);
  });

  it("says so when the list cannot be loaded, and retries", async () => {
    const user = userEvent.setup();
    const { fetchMock } = graphqlResponses(new TypeError("offline"), page([consultation("1", "宅基地管理办法")], false, null));
    vi.stubGlobal("fetch", fetchMock);
    renderWithApp(<ConsultationList />, { path: "/" });
    expect(await screen.findByRole("alert")).toHaveTextContent("网络连接失败");
    await user.click(screen.getByRole("button", { name: "重试" }));
    expect(await screen.findByRole("link", { name: "宅基地管理办法" })).toBeInTheDocument();
  });
});

describe("ReceiptLookup", () => {
  it("looks a code up and says clearly when there is no such comment", async () => {
    const user = userEvent.setup();
    const { fetchMock, calls } = graphqlResponses({ data: { commentReceipt: null } });
    vi.stubGlobal("fetch", fetchMock);
    renderWithApp(<ReceiptLookup />, { path: "/receipt", me: null });
    await user.type(screen.getByLabelText("回执编号"), " cy-0000-0000 ");
    await user.click(screen.getByRole("button", { name: "查询" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("未找到该回执编号对应的意见");
    expect(calls[0]!.variables).toEqual({ code: "cy-0000-0000" });
  });
});

describe("RegisterPage", () => {
  it("shows the API's error beside the field it concerns", async () => {
    const user = userEvent.setup();
    const { fetchMock } = graphqlResponses({
      data: null,
      errors: [{ message: "请输入11位手机号码或有效的电子邮箱", extensions: { code: "CONTACT_INVALID", retryable: false } }],
    });
    vi.stubGlobal("fetch", fetchMock);
    renderWithApp(<RegisterPage />, { path: "/register", me: null });
    await user.type(screen.getByLabelText("手机号或电子邮箱"), "12345");
    await user.type(screen.getByLabelText("设置密码"), "lvdao-2026");
    await user.click(screen.getByRole("button", { name: "获取验证码" }));
    const contact = screen.getByLabelText("手机号或电子邮箱");
    expect(await screen.findByText("请输入11位手机号码或有效的电子邮箱", { selector: ".field-error" })).toBeInTheDocument();
    expect(contact).toHaveAttribute("aria-invalid", "true");
    expect(contact).toHaveAccessibleDescription(/请输入11位手机号码/);
  });

  it("moves on to the code once registered, with the code sent to the normalised contact", async () => {
    const user = userEvent.setup();
    const { fetchMock, calls } = graphqlResponses(
      { data: { registerCitizen: { userId: "31", contact: "13800002001", verificationRequired: true } } },
      { data: { verifyContact: true } },
    );
    vi.stubGlobal("fetch", fetchMock);
    renderWithApp(<RegisterPage />, { path: "/register", me: null });
    await user.type(screen.getByLabelText("手机号或电子邮箱"), "138 0000 2001");
    await user.type(screen.getByLabelText("设置密码"), "lvdao-2026");
    await user.click(screen.getByRole("button", { name: "获取验证码" }));
    expect(await screen.findByRole("heading", { name: "输入验证码" })).toHaveFocus();
    expect(screen.getByRole("status")).toHaveTextContent("验证码已发送至 13800002001");
    expect(screen.getByRole("button", { name: /秒后可重新发送/ })).toBeDisabled();
    await user.type(screen.getByLabelText("验证码"), "43a7796");
    expect(screen.getByLabelText("验证码")).toHaveValue("437796");
    await user.click(screen.getByRole("button", { name: "验证" }));
    expect(await screen.findByRole("heading", { name: "注册成功" })).toBeInTheDocument();
    expect(calls[1]!.variables).toEqual({ contact: "13800002001", code: "437796" });
    const steps = screen.getByRole("list", { name: "注册步骤" });
    expect(within(steps).getByText("3. 完成")).toHaveAttribute("aria-current", "step");
  });
});
