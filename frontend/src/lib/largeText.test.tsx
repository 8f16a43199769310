import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { Layout } from "../components/Layout";
import { renderWithApp } from "../test/render";
import { LARGE_TEXT_KEY, applyLargeText, readLargeText } from "./largeText";

describe("large-text mode (适老化)", () => {
  it("is a toggle button that enlarges the text and is remembered on this device", async () => {
    const user = userEvent.setup();
    applyLargeText(false);
    renderWithApp(<Layout />, { path: "/" });
    const toggle = screen.getByRole("button", { name: "大字模式" });
    expect(toggle).toHaveAttribute("aria-pressed", "false");

    await user.click(toggle);
    expect(toggle).toHaveAttribute("aria-pressed", "true");
    expect(document.documentElement.dataset.textSize).toBe("large");
    expect(window.localStorage.getItem(LARGE_TEXT_KEY)).toBe("on");
    expect(readLargeText()).toBe(true);

    await user.click(toggle);
    expect(document.documentElement.dataset.textSize).toBeUndefined();
    expect(readLargeText()).toBe(false);
  });

  it("starts on when it was left on", () => {
    window.localStorage.setItem(LARGE_TEXT_KEY, "on");
    renderWithApp(<Layout />, { path: "/" });
    expect(screen.getByRole("button", { name: "大字模式" })).toHaveAttribute("aria-pressed", "true");
  });
});

describe("layout", () => {
  it("offers a skip link and a labelled main navigation", () => {
    renderWithApp(<Layout />, { path: "/", me: null });
    expect(screen.getByRole("link", { name: "跳到主要内容" })).toHaveAttribute("href", "#main");
    const nav = screen.getByRole("navigation", { name: "主导航" });
    expect(nav).toHaveTextContent("登录");
    expect(nav).toHaveTextContent("注册");
  });

  it("greets a signed-in citizen and offers to sign out", () => {
    renderWithApp(<Layout />, { path: "/" });
    expect(screen.getByText("您好，拱墅市民")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "退出登录" })).toBeInTheDocument();
  });
});
