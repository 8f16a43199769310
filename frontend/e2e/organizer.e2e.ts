import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { dirname, join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoDir } from "./server.mjs";
import { PHONE, api, launch, logPath, newPage, seriousA11yViolations, signIn, tokenFor, type AxeFinding } from "./support";

// The organizer console, end to end: a hearing of its own (demo hearing #1 is left alone), created and
// published in the browser, registered for through the API, drawn, opened, and a participant checked in
// at a phone-sized door. Time that would take days (registration opening and closing, the hearing's day)
// is moved in the e2e server's SQLite database, as docs/api.md section 8 does.

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const DESKTOP = { width: 1280, height: 900 };
const CITIZENS = ["13800001021", "13800001022"];

/** Run one statement on the e2e server's database (its data dir holds the log and canyu.sqlite3). */
function sql(statement: string, ...params: (string | number)[]) {
  const python = process.env.CANYU_VENV_BIN ? join(process.env.CANYU_VENV_BIN, "python") : join(repoDir, ".venv", "bin", "python");
  const script = "import sqlite3,sys,json\nc=sqlite3.connect(sys.argv[1],timeout=30)\nc.execute(sys.argv[2],json.loads(sys.argv[3]))\nc.commit()";
  const run = spawnSync(python, ["-c", script, join(dirname(logPath), "canyu.sqlite3"), statement, JSON.stringify(params)], {
    encoding: "utf8",
  });
  if (run.status !== 0) throw new Error(`sql failed: ${run.stderr}`);
}

async function expectAccessible(page: Page, name: string) {
  await page.waitForLoadState("networkidle");
  const findings: AxeFinding[] = await seriousA11yViolations(page);
  expect(findings, name).toEqual([]);
}

describe("organizer console", () => {
  it("creates, publishes, draws, invites, opens a hearing and checks a participant in at the door", { timeout: 240_000 }, async () => {
    const { context, page, problems } = await newPage(browser, { viewport: DESKTOP });
    page.on("dialog", (dialog) => void dialog.accept());
    await signIn(page, "organizer");

    // The index, then a new hearing through the form (default times satisfy the 10-day notice rule).
    await page.goto("/staff/hearings");
    await page.getByRole("heading", { level: 1, name: "听证会、座谈会和会议" }).waitFor();
    await expectAccessible(page, "index");
    await page.getByRole("link", { name: "新建" }).click();
    await page.getByRole("heading", { level: 1, name: "新建听证会、座谈会或会议" }).waitFor();
    const title = `端到端听证会 ${Date.now()}`;
    await page.getByLabel("名称").fill(title);
    await page.getByLabel("地点").fill("杭州市规划和自然资源局三楼会议室");
    await page.getByLabel("普通公众").fill("1");
    await page.getByLabel("遴选办法").fill("报名人数超过名额的，按事先公布哈希值的随机种子抽签确定。");
    await page.getByLabel("邀请列席人员（公众代表、专家、媒体等）").check();
    await expectAccessible(page, "new hearing form");
    await page.getByRole("button", { name: "创建草稿" }).click();
    await page.waitForURL(/\/staff\/hearings\/\d+$/);
    const hearingId = /\/staff\/hearings\/(\d+)$/.exec(page.url())![1]!;
    expect(hearingId).not.toBe("1");
    await page.getByRole("heading", { level: 1, name: title }).waitFor();
    await expect.poll(() => page.getByTestId("hearing-status").textContent()).toBe("草稿");

    // Edit the draft (updateHearing).
    await page.getByRole("link", { name: "修改草稿" }).click();
    await page.getByRole("heading", { level: 1, name: "修改公告（草稿）" }).waitFor();
    await page.getByLabel("地点").fill("杭州市规划和自然资源局一楼报告厅");
    await page.getByRole("button", { name: "保存修改" }).click();
    await page.getByText("杭州市规划和自然资源局一楼报告厅").waitFor();

    // Commit a seed made in the browser: its SHA-256 is what node computes over the same text.
    await page.getByRole("button", { name: "生成随机种子" }).click();
    const seed = ((await page.getByTestId("new-seed").textContent()) ?? "").trim();
    expect(seed).toMatch(/^[0-9a-f]{64}$/);
    const hash = createHash("sha256").update(seed, "utf8").digest("hex");
    expect((await page.getByTestId("new-seed-hash").textContent())?.trim()).toBe(hash);
    await page.getByText("请立即保存下面的种子").waitFor();
    await expectAccessible(page, "console with a fresh seed");
    await page.getByLabel("我已保存种子，将在抽签时原样输入").check();
    await page.getByRole("button", { name: "公布哈希值（承诺种子）" }).click();
    await expect.poll(() => page.getByTestId("committed-seed-hash").textContent()).toBe(hash);

    // Publish the notice.
    await page.getByText(/满足公告期限/).waitFor();
    await page.getByRole("button", { name: "发布公告" }).click();
    await expect.poll(() => page.getByTestId("hearing-status").textContent()).toBe("已发布公告");

    // Invite an observer: the personal link is shown once.
    const observers = page.getByRole("region", { name: "列席人员" });
    await observers.getByLabel("列席类别").selectOption("MEDIA");
    await observers.getByLabel("列席人员姓名").fill("端到端记者");
    await observers.getByLabel("单位（选填）").fill("杭州日报");
    await observers.getByLabel("手机号或电子邮箱").fill(`organizer-e2e-${Date.now()}@example.com`);
    await observers.getByRole("button", { name: "发送邀请" }).click();
    expect(await page.getByTestId("invitation-link").textContent()).toMatch(/\/invitations\/\S+/);
    await page.getByText("待答复").waitFor();

    // Registration opens (moved to now); two citizens register for one public seat through the API.
    sql("UPDATE hearings SET registration_opens_at = datetime('now', '-1 minute') WHERE id = ?", Number(hearingId));
    const tokens: Record<string, string> = {};
    for (const [n, citizen] of CITIZENS.entries()) {
      tokens[citizen] = await tokenFor(citizen);
      await api(
        "mutation($input: RegisterForHearingInput!) { registerForHearing(input: $input) { id } }",
        { input: { hearingId, category: "PUBLIC", name: `端到端市民${n + 1}`, consentToBeNamed: true } },
        tokens[citizen],
      );
    }
    // Registration closes; the organizer reveals the seed and draws.
    sql(
      "UPDATE hearings SET registration_opens_at = datetime('now', '-2 days'), registration_closes_at = datetime('now', '-1 minute') WHERE id = ?",
      Number(hearingId),
    );
    await page.reload();
    const registrations = page.getByRole("table", { name: "报名人员（按报名先后）" });
    await registrations.waitFor();
    expect(await registrations.getByRole("row").count()).toBe(3);
    const csv = page.getByRole("link", { name: "导出报名表（CSV）" });
    expect(await csv.getAttribute("href")).toBe(`/exports/hearings/${hearingId}/registrations.csv`);
    const csvBody = await (await page.request.get(`/exports/hearings/${hearingId}/registrations.csv`)).body();
    expect([...csvBody.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    await expectAccessible(page, "console with registrations");

    await page.getByLabel("随机种子").fill(seed);
    await page.getByRole("button", { name: "公开种子并抽签" }).click();
    await page.getByText(/已于 .* 抽签。/).waitFor();
    await page.getByRole("button", { name: "发布参加人名单" }).click();
    await page.getByText(/参加人名单已于 .* 发布。/).waitFor();

    // Materials, then the hearing's day (moved to now): opening needs the 7-day rule's reason.
    await page.getByLabel("送达说明").fill("听证材料已通过短信链接和电子邮件送达。");
    await page.getByRole("button", { name: "记录送达并通知参加人" }).click();
    await page.getByText(/材料已于 .* 送达/).waitFor();
    sql(
      "UPDATE hearings SET starts_at = datetime('now', '-1 minute'), ends_at = datetime('now', '+2 hours') WHERE id = ?",
      Number(hearingId),
    );
    await page.reload();
    await page.getByRole("button", { name: "宣布开始" }).click();
    await page.getByRole("alert").filter({ hasText: "不足 7 日" }).waitFor();
    await page.getByLabel("材料送达不足期限时如期举行的理由").fill("参加人均已书面确认收到材料并同意如期举行");
    await page.getByRole("button", { name: "宣布开始" }).click();
    await expect.poll(() => page.getByTestId("hearing-status").textContent()).toBe("正在举行");
    await expectAccessible(page, "console in session");

    // The minutes page, as the organizer will use it after check-in.
    await page.getByRole("link", { name: "听证笔录和报告" }).click();
    await page.getByRole("heading", { level: 1, name: "听证笔录和报告" }).waitFor();
    await expectAccessible(page, "minutes");
    expect(problems).toEqual([]);
    await context.close();

    // The selected citizen's check-in code.
    let code = "";
    let name = "";
    for (const citizen of CITIZENS) {
      const mine = await api<{ myCheckIn: { code: string; name: string } | null }>(
        "query($id: ID!) { myCheckIn(hearingId: $id) { code name } }",
        { id: hearingId },
        tokens[citizen],
      );
      if (mine.myCheckIn) ({ code, name } = mine.myCheckIn);
    }
    expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);

    // At the door, on a phone: typed in lower case with a space, the API reads it all the same.
    const door = await newPage(browser, { viewport: PHONE });
    await signIn(door.page, "organizer");
    await door.page.goto(`/staff/hearings/${hearingId}/check-in`);
    await door.page.getByRole("heading", { level: 1, name: "现场签到" }).waitFor();
    await expect.poll(() => door.page.getByTestId("attendance-totals").textContent()).toContain("参加人到场 0/1");
    await expectAccessible(door.page, "check-in");
    await door.page.getByLabel("签到码").fill(code.toLowerCase().replace("-", " "));
    await door.page.getByRole("button", { name: "签到", exact: true }).click();
    await door.page.getByText(`签到成功：${name}`).waitFor();
    await door.page.getByText("参加人 · 普通公众").waitFor();
    await expect.poll(() => door.page.getByTestId("attendance-totals").textContent()).toContain("参加人到场 1/1");
    await expectAccessible(door.page, "check-in, checked in");

    await door.page.getByLabel("签到码").fill(code);
    await door.page.getByRole("button", { name: "签到", exact: true }).click();
    await door.page.getByRole("alert").filter({ hasText: "无需重复签到" }).waitFor();
    await expectAccessible(door.page, "check-in, already checked in");
    // No horizontal scrolling at the door.
    const wide = await door.page.evaluate(() =>
      [...document.querySelectorAll("body *")]
        .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1)
        .slice(0, 8)
        .map((e) => `${e.tagName}.${e.className}#${e.id}:${Math.round(e.getBoundingClientRect().right)}`),
    );
    expect(wide).toEqual([]);
    expect(await door.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    expect(door.problems).toEqual([]);
    await door.context.close();
  });
});
