import { render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { BarChart } from "./BarChart";

describe("BarChart", () => {
  it("is a captioned table whose numbers are read out, with bars hidden from screen readers", () => {
    const { container } = render(
      <BarChart
        caption="逐条意见数量及采纳情况"
        labelHeader="条款"
        valueHeader="意见数"
        partHeader="其中采纳或部分采纳"
        unit=" 条"
        rows={[
          { key: "34", label: "第五条", value: 7, part: 7 },
          { key: "33", label: "第四条", value: 2, part: 1 },
          { key: "30", label: "第一条", value: 0, part: 0 },
        ]}
      />,
    );
    const table = screen.getByRole("table", { name: "逐条意见数量及采纳情况" });
    const row = within(table).getByRole("row", { name: /第四条/ });
    expect(within(row).getByRole("rowheader")).toHaveTextContent("第四条");
    expect(row).toHaveTextContent("2 条");
    expect(row).toHaveTextContent("1 条");
    const bars = container.querySelectorAll<HTMLElement>("tbody .bar");
    expect(bars[0]!.style.width).toBe("100%");
    expect(bars[1]!.style.width).toBe(`${(2 / 7) * 100}%`);
    expect(bars[1]!.closest("td")).toHaveAttribute("aria-hidden", "true");
  });
});
