import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, formatPercent, safeHref } from "./format";
import { safeNext } from "./next";

describe("dates", () => {
  it("shows an instant in Asia/Shanghai whatever the browser's zone", () => {
    // 16:00 UTC is midnight in Beijing: the window closes at 24:00 on the closing date.
    expect(formatDateTime("2026-12-28T16:00:00+00:00")).toContain("2026年12月29日");
    expect(formatDateTime("2026-12-28T16:00:00+00:00")).toContain("00:00");
  });

  it("shows a calendar date as it is", () => {
    expect(formatDate("2026-12-28")).toBe("2026年12月28日");
    expect(formatDate(null)).toBe("");
  });

  it("formats ratios as percentages", () => {
    expect(formatPercent(0.625)).toBe("62.5%");
    expect(formatPercent(1)).toBe("100%");
  });
});

describe("links from data", () => {
  it("allows web links and same-site paths only", () => {
    expect(safeHref("https://www.example.com/a")).toBe("https://www.example.com/a");
    expect(safeHref("/statements/4/v1.pdf")).toBe("/statements/4/v1.pdf");
    expect(safeHref("javascript:alert(1)")).toBeUndefined();
    expect(safeHref("data:text/html,<b>x</b>")).toBeUndefined();
    expect(safeHref("//evil.example/x")).toBeUndefined();
    expect(safeHref("")).toBeUndefined();
  });

  it("never redirects to another site after signing in", () => {
    expect(safeNext("/consultations/1#article-3")).toBe("/consultations/1#article-3");
    expect(safeNext("https://evil.example/")).toBe("/");
    expect(safeNext("//evil.example/")).toBe("/");
    expect(safeNext("/\\evil.example")).toBe("/");
    expect(safeNext(null)).toBe("/");
  });
});
