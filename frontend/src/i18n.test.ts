import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { i18n } from "./i18n";
import zhCN from "./locales/zh-CN.json";

const SRC = resolve(process.cwd(), "src");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return ["gql", "locales", "test"].includes(name) ? [] : sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

function leaves(value: unknown, prefix = ""): [string, string][] {
  if (typeof value === "string") return [[prefix, value]];
  return Object.entries(value as Record<string, unknown>).flatMap(([key, child]) =>
    leaves(child, prefix ? `${prefix}.${key}` : key),
  );
}

describe("UI text", () => {
  it("lives in the zh-CN resources: no Chinese text written into components", () => {
    const offenders = sourceFiles(SRC).flatMap((file) =>
      readFileSync(file, "utf8")
        .split("\n")
        .map((line, index) => [index + 1, line.replace(/\/\/.*$|\/\*.*?\*\/|^\s*\*.*$/g, "")] as const)
        .filter(([, line]) => /[\u3400-\u9fff]/.test(line))
        .map(([number]) => `${relative(SRC, file)}:${number}`),
    );
    expect(offenders).toEqual([]);
  });

  it("is Simplified Chinese and every resource string is non-empty", () => {
    expect(i18n.language).toBe("zh-CN");
    for (const [key, text] of leaves(zhCN)) expect(text.trim(), key).not.toBe("");
  });

  it("interpolates without HTML-escaping (React escapes when rendering)", () => {
    expect(i18n.t("nav.signedInAs", { name: "<b>张三</b>" })).toBe("您好，<b>张三</b>");
  });
});
