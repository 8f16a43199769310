import { describe, expect, it } from "vitest";
import { parseFigures, parseStatementDocument } from "./statement";

describe("parseFigures", () => {
  it("reads the totals, the outcomes and the per-article rows", () => {
    const figures = parseFigures({
      participants: 13,
      comments: 16,
      campaigns: 1,
      campaign_comments: 7,
      adoption_rate: 0.625,
      by_outcome: [{ key: "adopted", label: "采纳", comments: 3, participants: 3 }],
      per_article: [
        { article_id: 34, label: "第五条", participants: 7, comments: 7, adopted: 7, adoption_rate: 1, late: 0 },
        { article_id: null, label: "草案整体", participants: 2, comments: 2, adopted: 0, adoption_rate: 0, late: 0 },
      ],
    });
    expect(figures.participants).toBe(13);
    expect(figures.adoptionRate).toBe(0.625);
    expect(figures.byOutcome[0]).toEqual({ key: "adopted", label: "采纳", comments: 3, participants: 3 });
    expect(figures.perArticle.map((row) => [row.articleId, row.label, row.adopted])).toEqual([
      [34, "第五条", 7],
      [null, "草案整体", 0],
    ]);
  });

  it("survives missing or odd fields", () => {
    const figures = parseFigures({ per_article: "nonsense", by_outcome: [null, 3] });
    expect(figures.comments).toBe(0);
    expect(figures.perArticle).toEqual([]);
    expect(figures.byOutcome).toEqual([]);
    expect(parseFigures(null).adoptionRate).toBeNull();
  });
});

describe("parseStatementDocument", () => {
  it("reads sections of paragraphs and tables, and the annex", () => {
    const document = parseStatementDocument({
      title: "关于……的说明",
      issuing_body: "杭州市规划和自然资源局",
      issued_on: "2026-11-27",
      sections: [
        {
          title: "一、基本情况",
          blocks: [
            { type: "paragraph", style: "body", text: "共收到16条意见。" },
            { type: "table", caption: "按提交方式统计", columns: ["提交方式", "人数"], rows: [["网上留言", "13人"]] },
            { type: "unknown" },
          ],
        },
      ],
      annex: { type: "table", caption: "附件", columns: ["序号"], rows: [[1]] },
    });
    expect(document?.sections[0]?.blocks).toHaveLength(2);
    expect(document?.annex).toEqual({ type: "table", caption: "附件", columns: ["序号"], rows: [["1"]] });
  });

  it("is null for something else", () => {
    expect(parseStatementDocument({ detail: "not found" })).toBeNull();
  });
});
