import { describe, expect, it } from "vitest";
import { ApiError } from "../../api/client";
import { auditValue } from "./AuditPage";
import { docxProblem, fileToBase64, noticeFieldOf as fieldOf, parseStatusFilter, splitPreview } from "./logic";

describe("notice errors", () => {
  it("puts each API error beside the field it names", () => {
    const names = { title: "标题内容", summary: "简介内容", explanation: "起草说明内容", basis: "决策依据内容", offlineChannels: "线下渠道内容" };
    const error = (code: string, message = "") => new ApiError(message, code);
    const noticeFieldOf = (e: ApiError | undefined) => fieldOf(e, names);
    expect(noticeFieldOf(error("TEXT_TOO_SHORT", "标题内容不能为空，且至少 2 个字"))).toBe("title");
    expect(noticeFieldOf(error("TEXT_TOO_LONG", "起草说明内容过长：最多 50000 个字"))).toBe("explanation");
    expect(noticeFieldOf(error("TEXT_TOO_LONG", "线下渠道内容过长"))).toBe("offlineChannels");
    expect(noticeFieldOf(error("DISCLOSURE_REASON_REQUIRED"))).toBe("disclosureReason");
    expect(noticeFieldOf(error("KIND_INVALID"))).toBe("kind");
    expect(noticeFieldOf(error("FORBIDDEN", "没有权限"))).toBeUndefined();
    expect(noticeFieldOf(undefined)).toBeUndefined();
  });
});

describe("draft import helpers", () => {
  it("accepts only .docx files up to 10 MB", () => {
    expect(docxProblem({ name: "办法.DOCX", size: 1000 })).toBeUndefined();
    expect(docxProblem({ name: "办法.doc", size: 1000 })).toBe("notDocx");
    expect(docxProblem({ name: "办法.docx", size: 11 * 1024 * 1024 })).toBe("tooLarge");
  });

  it("encodes a file as base64", async () => {
    const bytes = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0xff]);
    expect(await fileToBase64(new Blob([bytes]))).toBe("UEsDBP8=");
  });

  it("previews a split by characters, as the API counts them", () => {
    expect(splitPreview("任何单位不得驾驶机动车。第六条本办法施行。", 12)).toEqual(["任何单位不得驾驶机动车。", "第六条本办法施行。"]);
    expect(splitPreview("𠀀字", 1)).toEqual(["𠀀", "字"]);
    expect(splitPreview("短", 1)).toBeUndefined();
    expect(splitPreview("条文", 0)).toBeUndefined();
  });
});

describe("small formatting", () => {
  it("reads the status filter from the address", () => {
    expect(parseStatusFilter("in_review")).toBe("IN_REVIEW");
    expect(parseStatusFilter(null)).toBe("ALL");
    expect(parseStatusFilter("nonsense")).toBe("ALL");
  });

  it("shows audit values as text", () => {
    expect(auditValue({ status: "open", reason: "决策事项取消" })).toBe("status: open；reason: 决策事项取消");
    expect(auditValue(null)).toBe("");
    expect(auditValue(["a"])).toBe('["a"]');
  });
});
