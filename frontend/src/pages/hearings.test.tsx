import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Route, Routes } from "react-router";
import { describe, expect, it, vi } from "vitest";
import { svgDataUrl } from "../components/QrImage";
import { graphqlResponses, renderWithApp } from "../test/render";
import HearingList from "./HearingList";
import HearingPage from "./HearingPage";
import InvitationPage from "./InvitationPage";
import MyRegistrations from "./MyRegistrations";

// A hostile SVG: if it were injected as markup, its <script> and onload would be elements in the page.
const QR_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" width="174" height="174" onload="alert(1)"><title>1P6J-9YR8</title><script>alert(2)</script><path d="M0 0h10v10H0z"/></svg>\n';

const invitedHearing = {
  id: "1",
  title: "《杭州市农村宅基地管理办法（征求意见稿）》立法听证会",
  kindLabel: "听证会",
  unit: "杭州市规划和自然资源局",
  startsAt: "2026-12-18T11:06:42+00:00",
  endsAt: "2026-12-18T14:06:42+00:00",
  venue: "杭州市规划和自然资源局一楼报告厅（演示地址）",
  agenda: "一、主持人宣布听证事项；\n二、听证参加人陈述意见。",
  streamUrl: "https://live.example.gov.cn/hz-ghzy/homestead-hearing",
  statusLabel: "已发布公告",
  cancelledReason: "",
};

function invitation(overrides: Record<string, unknown> = {}) {
  return {
    name: "李文娟",
    organization: "杭州市政协委员",
    categoryLabel: "政协委员",
    status: "INVITED",
    statusLabel: "待答复",
    expiresAt: "2026-12-18T11:06:42+00:00",
    canRespond: true,
    respondedAt: null,
    responseNote: "",
    withdrawnReason: "",
    checkInCode: null,
    checkInQrSvg: null,
    hearing: invitedHearing,
    ...overrides,
  };
}

function renderInvitation(token = "TyW3EzS7muAofF1GAcQ1Fb0LPIsT2OCHp2kjfFL12PI") {
  return renderWithApp(
    <Routes>
      <Route path="/invitations/:token" element={<InvitationPage />} />
    </Routes>,
    { path: `/invitations/${token}`, me: null },
  );
}

describe("InvitationPage", () => {
  it("shows the invitation, accepts with a note and shows the check-in QR code as an image, not as markup", async () => {
    const user = userEvent.setup();
    const { fetchMock, calls } = graphqlResponses(
      { data: { invitation: invitation() } },
      {
        data: {
          respondToInvitation: {
            name: "李文娟",
            status: "ACCEPTED",
            statusLabel: "已接受",
            canRespond: true,
            respondedAt: "2026-11-27T11:13:23+00:00",
            responseNote: "准时出席",
            checkInCode: "1P6J-9YR8",
            checkInQrSvg: QR_SVG,
          },
        },
      },
    );
    vi.stubGlobal("fetch", fetchMock);
    const { container } = renderInvitation();
    expect(await screen.findByText(invitedHearing.title)).toBeInTheDocument();
    expect(screen.getByText("李文娟，您好：")).toBeInTheDocument();
    expect(screen.getByText("杭州市规划和自然资源局一楼报告厅（演示地址）")).toBeInTheDocument();
    expect(screen.getByTestId("invitation-status")).toHaveTextContent("待答复");
    expect(calls[0]!.variables).toEqual({ token: "TyW3EzS7muAofF1GAcQ1Fb0LPIsT2OCHp2kjfFL12PI" });

    await user.type(screen.getByLabelText("备注（选填）"), "准时出席");
    await user.click(screen.getByRole("button", { name: "接受邀请" }));
    expect(await screen.findByTestId("check-in-code")).toHaveTextContent("1P6J-9YR8");
    expect(calls[1]!.variables).toEqual({ token: "TyW3EzS7muAofF1GAcQ1Fb0LPIsT2OCHp2kjfFL12PI", accept: true, note: "准时出席" });
    expect(calls[1]!.query).toContain("mutation RespondToInvitation");

    const qr = screen.getByRole("img", { name: "签到二维码，签到码 1P6J-9YR8" });
    expect(qr.tagName).toBe("IMG");
    expect(qr.getAttribute("src")).toBe(svgDataUrl(QR_SVG));
    expect(qr.getAttribute("src")).toMatch(/^data:image\/svg\+xml;charset=utf-8,%3Csvg/);
    expect(container.querySelector("svg")).toBeNull();
    expect(container.querySelector("script")).toBeNull();
    expect(screen.getByTestId("invitation-status")).toHaveTextContent("已接受");
  });

  it("says clearly when the link is unknown", async () => {
    const { fetchMock } = graphqlResponses({ data: { invitation: null } });
    vi.stubGlobal("fetch", fetchMock);
    renderInvitation("old-token");
    expect(await screen.findByRole("alert")).toHaveTextContent("未找到该邀请");
    expect(screen.queryByRole("button", { name: "接受邀请" })).not.toBeInTheDocument();
  });

  it.each([
    ["INVITATION_EXPIRED", "邀请已过答复期限", "答复时间已过"],
    ["INVITATION_WITHDRAWN", "该邀请已被撤回", "组织单位已撤回该邀请"],
    ["INVITATION_NOT_FOUND", "邀请不存在或链接已失效", "未找到该邀请"],
  ])("shows the API's message and explains %s", async (code, apiMessage, explanation) => {
    const user = userEvent.setup();
    const { fetchMock } = graphqlResponses(
      { data: { invitation: invitation() } },
      { data: null, errors: [{ message: apiMessage, extensions: { code, retryable: false } }] },
    );
    vi.stubGlobal("fetch", fetchMock);
    renderInvitation();
    await user.click(await screen.findByRole("button", { name: "谢绝邀请" }));
    expect(await screen.findByRole("alert")).toHaveTextContent(apiMessage);
    expect(screen.getByText(new RegExp(explanation))).toBeInTheDocument();
  });

  it("shows a withdrawn invitation with its reason and no answer buttons", async () => {
    const { fetchMock } = graphqlResponses({
      data: {
        invitation: invitation({
          status: "WITHDRAWN",
          statusLabel: "已撤回",
          canRespond: false,
          withdrawnReason: "专家席位已由听证参加人中的专家担任，列席名额调整",
        }),
      },
    });
    vi.stubGlobal("fetch", fetchMock);
    renderInvitation();
    expect(await screen.findByText(/组织单位已撤回该邀请。理由：专家席位已由听证参加人中的专家担任/)).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "接受邀请" })).not.toBeInTheDocument();
  });
});

function registration(overrides: Record<string, unknown> = {}) {
  return {
    id: "18",
    hearingId: "1",
    hearingTitle: invitedHearing.title,
    hearingStartsAt: invitedHearing.startsAt,
    applicantCode: "6K5G-DNPH-1MC3",
    category: "PUBLIC",
    categoryLabel: "普通公众",
    name: "沈玉芬",
    status: "WAITLISTED",
    statusLabel: "候补",
    seatNumber: null,
    selectedBy: null,
    selectedByLabel: "",
    waitlistRank: 2,
    waitlistPosition: 1,
    registeredAt: "2026-11-20T02:00:00+00:00",
    canCancel: true,
    ...overrides,
  };
}

function hearing(overrides: Record<string, unknown> = {}) {
  return {
    id: "1",
    kind: "HEARING",
    kindLabel: "听证会",
    title: invitedHearing.title,
    unit: "杭州市规划和自然资源局",
    consultationId: "1",
    decisionKindLabel: "重大行政决策",
    agenda: "一、主持人宣布听证事项和听证纪律；",
    startsAt: invitedHearing.startsAt,
    endsAt: invitedHearing.endsAt,
    venue: invitedHearing.venue,
    streamUrl: "javascript:alert(1)",
    registrationOpensAt: "2026-11-19T11:06:42+00:00",
    registrationClosesAt: "2026-11-27T10:06:42+00:00",
    registrationOpen: false,
    seats: 4,
    categories: [
      { category: "PUBLIC", label: "普通公众", quota: 3 },
      { category: "SOCIAL_ORGANIZATION", label: "社会组织", quota: 1 },
    ],
    selectionMethod: "DRAW",
    selectionRules: "一、报名人数超过名额的，按类别以抽签方式确定。",
    isPublic: true,
    publicMethodsLabel: "网络直播、公众旁听",
    notPublicReason: "",
    observersInvited: true,
    status: "PUBLISHED",
    statusLabel: "已发布公告",
    publishedAt: "2026-11-10T00:00:00+00:00",
    cancelledReason: "",
    participantListPublishedAt: "2026-11-27T11:06:42+00:00",
    participantList: [
      {
        category: "PUBLIC",
        categoryLabel: "普通公众",
        seatNumber: 1,
        named: false,
        name: "韩*",
        organization: "",
        wishesToSpeak: false,
        selectedBy: "DRAW",
        selectedByLabel: "抽签选定",
        manualReason: "",
      },
      {
        category: "PUBLIC",
        categoryLabel: "普通公众",
        seatNumber: 2,
        named: true,
        name: "秦建军",
        organization: "",
        wishesToSpeak: true,
        selectedBy: "DRAW",
        selectedByLabel: "抽签选定",
        manualReason: "",
      },
    ],
    draw: {
      seedSha256: "03e2f15225287b73d43873a7e7dcf71cc2f946afc2356317c7c756f7b29ddf18",
      seedCommittedAt: "2026-11-01T00:00:00+00:00",
      seed: "5fe3f8f13138ea6c3dcb9828e154f11ef741f2843d17c4657998c01e0f82ab5c",
      drawnAt: "2026-11-27T10:30:00+00:00",
      documentSha256: "c9ac814c527d34a90c4d4217b82a626a63a3d4c07771ef02c459fd6ea796f607",
      downloadUrl: "/hearings/1/draw.json",
      categories: [
        {
          category: "PUBLIC",
          label: "普通公众",
          quota: 3,
          manuallySelected: [],
          seatsDrawn: 3,
          applicants: ["6K5G-DNPH-1MC3", "VKRZ-XDXF-0SEE", "DS38-V0TV-KNXX", "Y2AR-MPRS-KZQ5"],
          selected: ["VKRZ-XDXF-0SEE", "Y2AR-MPRS-KZQ5", "DS38-V0TV-KNXX"],
          waitlist: ["6K5G-DNPH-1MC3"],
        },
      ],
    },
    myRegistration: null,
    ...overrides,
  };
}

function renderHearing(me?: null) {
  return renderWithApp(
    <Routes>
      <Route path="/hearings/:id" element={<HearingPage />} />
    </Routes>,
    { path: "/hearings/1", ...(me === null ? { me: null } : {}) },
  );
}

describe("HearingList", () => {
  it("lists the published hearings with a link to each notice", async () => {
    const { fetchMock } = graphqlResponses({
      data: {
        hearings: {
          edges: [
            {
              node: {
                id: "1",
                kindLabel: "听证会",
                title: invitedHearing.title,
                unit: "杭州市规划和自然资源局",
                startsAt: invitedHearing.startsAt,
                venue: invitedHearing.venue,
                statusLabel: "已发布公告",
                registrationOpen: true,
              },
            },
          ],
          pageInfo: { hasNextPage: false, endCursor: "Yzox" },
        },
      },
    });
    vi.stubGlobal("fetch", fetchMock);
    renderWithApp(<HearingList />, { path: "/hearings" });
    expect(await screen.findByRole("link", { name: invitedHearing.title })).toHaveAttribute("href", "/hearings/1");
    expect(screen.getByText("正在报名")).toBeInTheDocument();
  });
});

describe("HearingPage", () => {
  it("shows the notice, the participant list as the API masks it, and the draw data with how to verify it", async () => {
    const { fetchMock, calls } = graphqlResponses({ data: { hearing: hearing() } });
    vi.stubGlobal("fetch", fetchMock);
    renderHearing(null);
    expect(await screen.findByRole("heading", { level: 1, name: invitedHearing.title })).toBeInTheDocument();
    expect(calls[0]!.variables).toEqual({ id: "1" });
    expect(screen.getByText("公开举行（网络直播、公众旁听）")).toBeInTheDocument();
    expect(screen.getByText("报名已截止")).toBeInTheDocument();
    expect(screen.getByText("一、报名人数超过名额的，按类别以抽签方式确定。")).toBeInTheDocument();
    // A stream link that is no web link stays text.
    expect(screen.queryByRole("link", { name: "观看直播" })).not.toBeInTheDocument();

    const categories = screen.getByRole("table", { name: "各类别名额（共 4 个）" });
    expect(within(categories).getByRole("rowheader", { name: "社会组织" })).toBeInTheDocument();

    const participants = screen.getByRole("table", { name: "参加人（按类别和席位）" });
    expect(within(participants).getByText("韩*")).toBeInTheDocument();
    expect(within(participants).getByText("秦建军")).toBeInTheDocument();
    expect(within(participants).getAllByText("抽签选定")).toHaveLength(2);

    expect(screen.getByTestId("seed-sha256")).toHaveTextContent("03e2f15225287b73d43873a7e7dcf71cc2f946afc2356317c7c756f7b29ddf18");
    expect(screen.getByTestId("seed")).toHaveTextContent("5fe3f8f13138ea6c3dcb9828e154f11ef741f2843d17c4657998c01e0f82ab5c");
    expect(screen.getByRole("link", { name: "下载抽签数据（draw.json）" })).toHaveAttribute("href", "/hearings/1/draw.json");
    expect(screen.getByText(/canyu verify-draw draw\.json/)).toBeInTheDocument();
    expect(screen.getAllByText("6K5G-DNPH-1MC3")).toHaveLength(2);
  });

  it("lets a signed-in citizen register, with the consent explained, and shows the API's error beside its field", async () => {
    const user = userEvent.setup();
    const { fetchMock, calls } = graphqlResponses(
      { data: { hearing: hearing({ registrationOpen: true, participantList: null, participantListPublishedAt: null }) } },
      {
        data: null,
        errors: [{ message: "企业和社会组织类别须填写所代表的单位", extensions: { code: "ORGANIZATION_REQUIRED", retryable: false } }],
      },
      { data: { registerForHearing: registration({ status: "APPLIED", statusLabel: "已报名，待抽签", waitlistRank: null, waitlistPosition: null }) } },
      {
        data: {
          hearing: hearing({
            registrationOpen: true,
            myRegistration: registration({ status: "APPLIED", statusLabel: "已报名，待抽签", waitlistRank: null, waitlistPosition: null }),
          }),
        },
      },
    );
    vi.stubGlobal("fetch", fetchMock);
    renderHearing();
    expect(await screen.findByText("参加人名单尚未公布。")).toBeInTheDocument();

    const consent = screen.getByRole("checkbox", { name: "我同意在公布的参加人名单中显示我的姓名和单位" });
    expect(consent).not.toBeChecked();
    expect(consent).toHaveAccessibleDescription(/只显示您的姓氏（如“张\*”），不显示单位/);
    expect(consent).toHaveAccessibleDescription(/不影响您被选中的机会/);

    await user.selectOptions(screen.getByLabelText("报名类别"), "社会组织（名额 1）");
    expect(screen.getByLabelText("所在单位或组织")).toHaveAccessibleDescription("“社会组织”类别须填写所代表的单位或组织。");
    await user.type(screen.getByLabelText("真实姓名"), "沈玉芬");
    await user.click(screen.getByRole("checkbox", { name: "我希望在会上发言" }));
    await user.type(screen.getByLabelText("发言观点摘要"), "建议宅基地面积标准按家庭人口分档。");
    await user.click(consent);
    await user.click(screen.getByRole("button", { name: "提交报名" }));

    const organization = screen.getByLabelText("所在单位或组织");
    expect(await screen.findByText("企业和社会组织类别须填写所代表的单位", { selector: ".field-error" })).toBeInTheDocument();
    expect(organization).toHaveAttribute("aria-invalid", "true");
    expect(calls[1]!.variables).toEqual({
      input: {
        hearingId: "1",
        category: "SOCIAL_ORGANIZATION",
        name: "沈玉芬",
        organization: "",
        contact: null,
        wishesToSpeak: true,
        positionSummary: "建议宅基地面积标准按家庭人口分档。",
        consentToBeNamed: true,
      },
    });

    await user.type(organization, "拱墅区老年协会");
    await user.click(screen.getByRole("button", { name: "提交报名" }));
    expect(await screen.findByText(/报名成功/)).toBeInTheDocument();
    expect(await screen.findByTestId("applicant-code")).toHaveTextContent("6K5G-DNPH-1MC3");
    expect(calls[2]!.variables).toMatchObject({ input: { organization: "拱墅区老年协会" } });
  });

  it("shows the citizen's own registration with the waitlist place, and cancels it", async () => {
    const user = userEvent.setup();
    vi.stubGlobal("confirm", () => true);
    const { fetchMock, calls } = graphqlResponses(
      { data: { hearing: hearing({ myRegistration: registration() }) } },
      { data: { cancelRegistration: registration({ status: "CANCELLED", statusLabel: "已取消", canCancel: false }) } },
      { data: { hearing: hearing({ myRegistration: registration({ status: "CANCELLED", statusLabel: "已取消", canCancel: false }) }) } },
    );
    vi.stubGlobal("fetch", fetchMock);
    renderHearing();
    expect(await screen.findByText("当前第 1 位（抽签候补序号 2）")).toBeInTheDocument();
    expect(screen.getByText("候补")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "取消报名" }));
    expect(await screen.findByText("已取消报名。")).toBeInTheDocument();
    expect(calls[1]!.variables).toEqual({ registrationId: "18" });
    expect(screen.queryByRole("button", { name: "取消报名" })).not.toBeInTheDocument();
  });
});

describe("MyRegistrations", () => {
  it("lists the registrations and shows the check-in code and QR image for a selected one", async () => {
    const { fetchMock, calls } = graphqlResponses(
      {
        data: {
          myRegistrations: {
            edges: [
              { node: registration({ status: "SELECTED", statusLabel: "已确定参加", seatNumber: 1, selectedBy: "PROMOTION", selectedByLabel: "候补递补", waitlistPosition: null }) },
              { node: registration({ id: "5", hearingId: "2", hearingTitle: "专家和市民座谈会", applicantCode: "2N09-01BD-GW3X" }) },
            ],
            pageInfo: { hasNextPage: false, endCursor: "Yzo1" },
          },
        },
      },
      { data: { myCheckIn: { hearingId: "1", code: "7H2K-Q9PX", checkedInAt: null, qrSvg: QR_SVG } } },
    );
    vi.stubGlobal("fetch", fetchMock);
    const { container } = renderWithApp(<MyRegistrations />, { path: "/my/registrations" });
    expect(await screen.findByRole("link", { name: invitedHearing.title })).toHaveAttribute("href", "/hearings/1");
    expect(screen.getByText("2N09-01BD-GW3X")).toBeInTheDocument();
    expect(await screen.findByTestId("check-in-code")).toHaveTextContent("7H2K-Q9PX");
    expect(calls[1]!.variables).toEqual({ hearingId: "1" });
    expect(screen.getByRole("img", { name: "签到二维码，签到码 7H2K-Q9PX" })).toHaveAttribute("src", svgDataUrl(QR_SVG));
    expect(container.querySelector("svg")).toBeNull();
    expect(screen.getAllByTestId("check-in-code")).toHaveLength(1);
  });

  it("asks a signed-out visitor to sign in", () => {
    renderWithApp(<MyRegistrations />, { path: "/my/registrations", me: null });
    expect(screen.getByRole("link", { name: "登录" })).toHaveAttribute("href", "/login?next=%2Fmy%2Fregistrations");
  });
});
