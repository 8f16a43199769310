import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, launch, newPage, seriousA11yViolations, tokenFor } from "./support";

// The demo's hearing #1 has its draw done and its participant list published.
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const TITLE = "《杭州市农村宅基地管理办法（征求意见稿）》立法听证会";

describe("hearings", () => {
  it("a citizen opens the demo hearing and sees the participant list and the draw data", async () => {
    const { context, page, problems } = await newPage(browser);
    // From the app's navigation (a shared link /hearings/1 works too: the server serves the app there).
    await page.goto("/");
    await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "听证座谈" }).click();
    await page.getByRole("heading", { level: 1, name: "听证会、座谈会和会议" }).waitFor();
    await page.waitForLoadState("networkidle");
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole("link", { name: TITLE }).click();
    await page.getByRole("heading", { level: 1, name: TITLE }).waitFor();
    await page.waitForLoadState("networkidle");

    const participants = page.getByRole("table", { name: "参加人（按类别和席位）" });
    await participants.waitFor();
    expect(await participants.getByRole("row").count()).toBeGreaterThan(1);

    const seedHash = (await page.getByTestId("seed-sha256").textContent())?.trim() ?? "";
    expect(seedHash).toMatch(/^[0-9a-f]{64}$/);
    expect((await page.getByTestId("seed").textContent())?.trim()).toMatch(/\S{16,}/);
    const download = page.getByRole("link", { name: "下载抽签数据（draw.json）" });
    expect(await download.getAttribute("href")).toBe("/hearings/1/draw.json");
    const drawJson = (await (await page.request.get("/hearings/1/draw.json")).json()) as { seed_sha256: string };
    expect(drawJson.seed_sha256).toBe(seedHash);
    await page.getByText(/canyu verify-draw draw\.json/).waitFor();

    const findings = await seriousA11yViolations(page);
    expect(findings).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it("an invited observer accepts through the personal link and gets the check-in QR code as an image", async () => {
    const token = await tokenFor("organizer");
    const invited = await api<{ inviteObserver: { link: string } }>(
      "mutation($input: InviteObserverInput!) { inviteObserver(input: $input) { link } }",
      {
        input: {
          hearingId: "1",
          category: "MEDIA",
          name: "端到端记者",
          organization: "杭州日报",
          contact: `e2e-${Date.now()}@example.com`,
        },
      },
      token,
    );
    const path = new URL(invited.inviteObserver.link).pathname;
    const { context, page, problems } = await newPage(browser);
    await page.goto(path);
    await page.getByText(TITLE).first().waitFor();
    await page.waitForLoadState("networkidle");
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.getByLabel("备注（选填）").fill("准时出席");
    await page.getByRole("button", { name: "接受邀请" }).click();
    await page.getByTestId("check-in-code").waitFor();
    const qr = page.getByRole("img", { name: /^签到二维码/ });
    expect(await qr.getAttribute("src")).toMatch(/^data:image\/svg\+xml/);
    expect(await page.locator("main svg").count()).toBe(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });
});
