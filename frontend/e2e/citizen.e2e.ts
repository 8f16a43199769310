import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verificationCode } from "./server.mjs";
import { launch, logPath, newPage, signIn, uniquePhone } from "./support";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe("a citizen", () => {
  it("registers, comments on an article and looks the receipt up without signing in", async () => {
    const { context, page, problems } = await newPage(browser);
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    const phone = uniquePhone();
    const body = `建议第三条增加一款：村民对审批结果有异议的，可以申请复核。（端到端测试 ${phone}）`;

    // Register with a phone number; the code comes from the server log (the embedded outbox).
    await page.goto("/");
    await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "注册" }).click();
    await page.getByLabel("手机号或电子邮箱").fill(phone);
    await page.getByLabel("设置密码").fill("lvdao-2026-e2e");
    await page.getByLabel("称呼（选填）").fill("端到端测试市民");
    await page.getByRole("button", { name: "获取验证码" }).click();
    await page.getByRole("heading", { name: "输入验证码" }).waitFor();
    expect(await page.getByRole("status").first().textContent()).toContain(phone);
    const code = await verificationCode(logPath, phone);
    await page.getByLabel("验证码").fill(code);
    await page.getByRole("button", { name: "验证", exact: true }).click();
    await page.getByRole("heading", { name: "注册成功" }).waitFor();
    await page.getByText("您好，端到端测试市民").waitFor();

    // Comment on 第三条 of the open consultation.
    await page.getByRole("button", { name: "浏览意见征集" }).click();
    await page.getByRole("link", { name: "杭州市农村宅基地管理办法（征求意见稿）" }).click();
    await page.getByRole("heading", { level: 1, name: "杭州市农村宅基地管理办法（征求意见稿）" }).waitFor();
    await page.getByRole("button", { name: "对第三条发表意见" }).click();
    const box = page.getByLabel("您对第三条的意见");
    await box.fill(body);
    expect(await page.getByText(`已输入 ${[...body].length} / 5000 字`).count()).toBe(1);
    await page.getByRole("button", { name: "提交意见（第三条）" }).click();
    await page.getByRole("heading", { name: "意见已提交成功" }).waitFor();
    const receipt = (await page.getByTestId("receipt-code").textContent())?.trim() ?? "";
    expect(receipt).toMatch(/^CY-[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);

    // The copy button puts exactly the code on the clipboard.
    await page.getByRole("button", { name: "复制回执编号" }).click();
    await page.getByText("已复制").waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(receipt);

    // "My comments" lists it with its status.
    await page.getByRole("link", { name: "我的意见" }).click();
    const mine = page.getByRole("article").filter({ hasText: receipt });
    await mine.waitFor();
    expect(await mine.textContent()).toContain("已收到");
    expect(await mine.textContent()).toContain("第三条");

    // Signed out, anyone holding the code can look it up (case and dashes do not matter).
    await page.getByRole("button", { name: "退出登录" }).click();
    await page.getByRole("link", { name: "登录" }).first().waitFor();
    await page.getByRole("link", { name: "回执查询" }).click();
    await page.getByLabel("回执编号").fill(receipt.toLowerCase().replace(/-/g, ""));
    await page.getByRole("button", { name: "查询" }).click();
    const found = page.getByRole("region", { name: "查询结果" });
    await found.getByText(body).waitFor();
    expect(await found.textContent()).toContain(receipt);
    expect(await found.textContent()).toContain("已收到");
    expect(await found.textContent()).toContain("杭州市农村宅基地管理办法（征求意见稿）");

    expect(problems).toEqual([]);
    await context.close();
  });

  it("never loses a typed comment: the network fails, the page reloads, the retry gets the same receipt", async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, "13800001002");
    await page.goto("/consultations/1");
    await page.getByRole("button", { name: "对第一条发表意见" }).click();
    const body = `第一条的立法目的建议写明“保障农民合法权益”。（断网测试 ${Date.now()}）`;
    await page.getByLabel("您对第一条的意见").fill(body);

    // The request reaches the server and the comment is committed, but the answer never arrives.
    let committed = "";
    await page.route("**/graphql", async (route) => {
      const request = route.request().postData() ?? "";
      if (!request.includes("SubmitComment")) return route.continue();
      const response = await route.fetch();
      committed = (await response.text()) ?? "";
      await route.abort("internetdisconnected");
    });
    await page.getByRole("button", { name: "提交意见（第一条）" }).click();
    await page.getByRole("alert").filter({ hasText: "网络连接失败" }).waitFor();
    await page.getByText(/仍保存在本机/).waitFor();
    expect(committed).toContain("receiptCode");
    const firstReceipt = (JSON.parse(committed) as { data: { submitComment: { receiptCode: string } } }).data
      .submitComment.receiptCode;
    await page.unroute("**/graphql");

    // A reload (or a closed tab) keeps the text: the box opens by itself with the draft restored.
    await page.reload();
    const restored = page.getByLabel("您对第一条的意见");
    await restored.waitFor();
    expect(await restored.inputValue()).toBe(body);
    await page.getByText("已恢复您上次未提交的意见，可继续编辑后提交。").waitFor();

    // The retry sends the same idempotency key: the first comment's receipt, no second comment.
    await page.getByRole("button", { name: "提交意见（第一条）" }).click();
    await page.getByRole("heading", { name: "该意见此前已提交成功" }).waitFor();
    expect((await page.getByTestId("receipt-code").textContent())?.trim()).toBe(firstReceipt);

    // And the draft is gone once acknowledged.
    await page.reload();
    await page.getByRole("button", { name: "对第一条发表意见" }).waitFor();
    expect(await page.getByLabel("您对第一条的意见").count()).toBe(0);
    await context.close();
  });

  it("sees the API's Chinese message when the comment is refused", async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, "13800001003");
    await page.goto("/consultations/1#whole-draft");
    const box = page.getByLabel("您对草案整体的意见");
    // A bidi override character: the API refuses it with a specific message (TEXT_CONTROL_CHARACTER).
    await box.fill("建议\u202e删除第九条");
    await page.getByRole("button", { name: "提交意见（草案整体）" }).click();
    const alert = page.getByRole("alert").filter({ hasText: "控制字符" });
    await alert.waitFor();
    expect(await alert.textContent()).toContain("U+202E");
    expect(await box.inputValue()).toBe("建议\u202e删除第九条");
    await context.close();
  });

  it("can do it all with the keyboard", async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, "13800001004");
    await page.goto("/consultations/1");
    await page.getByRole("heading", { level: 1 }).waitFor();
    // The skip link comes first and lands in the content.
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("跳到主要内容");
    await page.keyboard.press("Enter");
    expect(await page.evaluate(() => location.hash)).toBe("#main");
    // From an article's button: open the box, type, submit — keys only.
    const toggle = page.getByRole("button", { name: "对第二条发表意见" });
    await toggle.focus();
    await page.keyboard.press("Enter");
    expect(await toggle.getAttribute("aria-expanded")).toBe("true");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe("TEXTAREA");
    await page.keyboard.type("键盘也能完整提交意见。");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("aria-label"))).toBe("提交意见（第二条）");
    // A visible focus indicator.
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).not.toBe("none");
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { name: "意见已提交成功" }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("意见已提交成功");
    await context.close();
  });
});
