import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Route, Routes } from "react-router";
import { describe, expect, it, vi } from "vitest";
import type { Me } from "../../auth/session";
import { graphqlResponses, renderWithApp } from "../../test/render";
import "../i18n";
import { CheckInForm } from "./CheckInForm";
import { MinutesEntryForm } from "./MinutesEntryForm";
import CheckInPage from "./CheckInPage";
import { SeedCommitment } from "./SeedCommitment";

const ORGANIZER: Me = {
  id: "5",
  kind: "staff",
  displayName: "组织者",
  verified: true,
  roles: [{ role: "ORGANIZER", unitId: "2" }],
};

const checkedIn = {
  data: {
    checkIn: {
      attendee: "participant",
      name: "富阳村民小王",
      organization: "",
      categoryLabel: "利害关系人",
      checkedInAt: "2026-11-27T11:13:25+00:00",
    },
  },
};
const alreadyCheckedIn = {
  data: null,
  errors: [
    {
      message: "富阳村民小王已于2026-11-27 19:13签到，无需重复签到",
      extensions: { code: "ALREADY_CHECKED_IN", retryable: false },
    },
  ],
};

describe("CheckInForm", () => {
  it("checks a code in, says who at once, then shows the API's error for the same code again", async () => {
    const user = userEvent.setup();
    const { fetchMock, calls } = graphqlResponses(checkedIn, alreadyCheckedIn);
    vi.stubGlobal("fetch", fetchMock);
    const onCheckedIn = vi.fn();
    renderWithApp(<CheckInForm hearingId="1" onCheckedIn={onCheckedIn} />, { me: ORGANIZER });

    const submit = screen.getByRole("button", { name: "签到" });
    expect(submit).toBeDisabled();
    await user.type(screen.getByLabelText("签到码"), "nw2c v3hk");
    await user.click(submit);
    expect(await screen.findByText("签到成功：富阳村民小王")).toBeInTheDocument();
    expect(screen.getByText("参加人 · 利害关系人")).toBeInTheDocument();
    expect(calls[0]!.variables).toEqual({ code: "nw2c v3hk", hearingId: "1" });
    expect(onCheckedIn).toHaveBeenCalledTimes(1);
    // The field is cleared and keeps the focus for the next person.
    expect(screen.getByLabelText("签到码")).toHaveValue("");
    expect(screen.getByLabelText("签到码")).toHaveFocus();

    await user.type(screen.getByLabelText("签到码"), "NW2C-V3HK{Enter}");
    expect(await screen.findByRole("alert")).toHaveTextContent("无需重复签到");
    expect(screen.getByText("签到码 NW2C-V3HK 未能签到：")).toBeInTheDocument();
    expect(screen.queryByText("签到成功：富阳村民小王")).not.toBeInTheDocument();
    expect(onCheckedIn).toHaveBeenCalledTimes(1);
  });

  it("says so when the network fails, and never offers scanning without BarcodeDetector", async () => {
    const user = userEvent.setup();
    const { fetchMock } = graphqlResponses(new TypeError("Failed to fetch"));
    vi.stubGlobal("fetch", fetchMock);
    renderWithApp(<CheckInForm hearingId="1" onCheckedIn={() => undefined} />, { me: ORGANIZER });
    await user.type(screen.getByLabelText("签到码"), "AAAA-BBBB{Enter}");
    expect(await screen.findByRole("alert")).toHaveTextContent(/网络/);
    expect(screen.queryByRole("button", { name: "扫码签到" })).not.toBeInTheDocument();
  });

  it("offers QR scanning where the browser has BarcodeDetector and a camera", async () => {
    class FakeDetector {
      static getSupportedFormats = () => Promise.resolve(["qr_code"]);
      detect() {
        return Promise.resolve([]);
      }
    }
    vi.stubGlobal("BarcodeDetector", FakeDetector);
    vi.stubGlobal("navigator", { ...navigator, mediaDevices: { getUserMedia: () => Promise.reject(new Error("denied")) } });
    const user = userEvent.setup();
    renderWithApp(<CheckInForm hearingId="1" onCheckedIn={() => undefined} />, { me: ORGANIZER });
    const scan = await screen.findByRole("button", { name: "扫码签到" });
    await user.click(scan);
    // The camera was refused: the screen says so and code entry still works.
    expect(await screen.findByRole("alert")).toHaveTextContent("无法使用摄像头");
    expect(screen.getByLabelText("签到码")).toBeEnabled();
  });
});

describe("CheckInPage", () => {
  it("shows attendance counts by category", async () => {
    const { fetchMock } = graphqlResponses({
      data: {
        hearing: {
          id: "1",
          title: "立法听证会",
          status: "IN_SESSION",
          statusLabel: "正在举行",
          attendance: {
            participantsExpected: 9,
            participantsPresent: 8,
            observersExpected: 2,
            observersPresent: 1,
            participants: [{ category: "public", label: "普通公众", expected: 3, present: 2 }],
            observers: [{ category: "media", label: "媒体", expected: 1, present: 1 }],
          },
        },
      },
    });
    vi.stubGlobal("fetch", fetchMock);
    renderWithApp(
      <Routes>
        <Route path="/staff/hearings/:id/check-in" element={<CheckInPage />} />
      </Routes>,
      { me: ORGANIZER, path: "/staff/hearings/1/check-in" },
    );
    expect(await screen.findByText("参加人到场 8/9，列席人员到场 1/2")).toBeInTheDocument();
    expect(screen.getByRole("rowheader", { name: "普通公众" })).toBeInTheDocument();
    expect(screen.getByRole("rowheader", { name: "列席：媒体" })).toBeInTheDocument();
  });
});

describe("SeedCommitment", () => {
  it("shows the new seed to keep and commits only its SHA-256, after the organizer confirms keeping it", async () => {
    const user = userEvent.setup();
    const { fetchMock, calls } = graphqlResponses({ data: { commitDrawSeed: { id: "2" } } });
    vi.stubGlobal("fetch", fetchMock);
    const onCommitted = vi.fn();
    renderWithApp(<SeedCommitment hearingId="2" onCommitted={onCommitted} />, { me: ORGANIZER });
    await user.click(screen.getByRole("button", { name: "生成随机种子" }));
    const seed = (await screen.findByTestId("new-seed")).textContent ?? "";
    const hash = screen.getByTestId("new-seed-hash").textContent ?? "";
    expect(seed).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(screen.getByText("请立即保存下面的种子，抽签时需要原样输入。")).toBeInTheDocument();

    const commit = screen.getByRole("button", { name: "公布哈希值（承诺种子）" });
    expect(commit).toBeDisabled();
    await user.click(screen.getByLabelText("我已保存种子，将在抽签时原样输入"));
    await user.click(commit);
    await waitFor(() => expect(onCommitted).toHaveBeenCalled());
    expect(calls).toHaveLength(1);
    expect(calls[0]!.variables).toEqual({ hearingId: "2", seedSha256: hash });
    expect(JSON.stringify(calls[0])).not.toContain(seed);
    expect(onCommitted).toHaveBeenCalled();
  });
});

describe("MinutesEntryForm", () => {
  it("appends an accepted observer's view with the count of entries the organizer saw", async () => {
    const user = userEvent.setup();
    const { fetchMock, calls } = graphqlResponses(
      {
        data: {
          hearingRegistrations: { edges: [{ node: { id: "3", name: "富阳村民小王", categoryLabel: "利害关系人" } }] },
          hearing: {
            id: "1",
            observers: {
              edges: [
                { node: { id: "1", name: "孙立群", categoryLabel: "人大代表", status: "ACCEPTED" } },
                { node: { id: "3", name: "何教授", categoryLabel: "专家", status: "WITHDRAWN" } },
              ],
            },
          },
        },
      },
      { data: { recordMinutes: { id: "1", status: "HELD" } } },
    );
    vi.stubGlobal("fetch", fetchMock);
    const onRecorded = vi.fn();
    renderWithApp(<MinutesEntryForm hearingId="1" entries={5} onRecorded={onRecorded} />, { me: ORGANIZER });
    await screen.findByRole("option", { name: "孙立群（列席：人大代表）" });
    expect(screen.queryByRole("option", { name: /何教授/ })).not.toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText("发言人"), "i:1");
    expect(screen.queryByLabelText("发言人名称")).not.toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText("环节"), "DEBATE");
    await user.type(screen.getByLabelText("主要观点"), "审批时限偏长，建议缩短为十五个工作日。");
    await user.click(screen.getByRole("button", { name: "记入笔录" }));
    await waitFor(() => expect(onRecorded).toHaveBeenCalled());
    expect(calls[1]!.variables).toEqual({
      input: {
        hearingId: "1",
        expectedEntries: 5,
        summary: "",
        entries: [{ stage: "DEBATE", mainPoints: "审批时限偏长，建议缩短为十五个工作日。", reasons: "", signedOff: false, invitationId: "1" }],
      },
    });
  });
});
