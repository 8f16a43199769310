import { describe, expect, it } from "vitest";
import { DEFAULT_COMMENT_LIMITS, countChars, lengthState, normalizeComment } from "./chars";

const COMMENT_MAX_CHARS = DEFAULT_COMMENT_LIMITS.maxChars;

describe("countChars", () => {
  it("counts Chinese characters one each", () => {
    expect(countChars("建议第五条增加例外")).toBe(9);
  });

  it("counts code points like the API: an emoji or a rare character outside the BMP counts once", () => {
    expect(countChars("好👍")).toBe(2);
    expect(countChars("𠀀𠀁")).toBe(2);
  });

  it("ignores outer blanks and counts CRLF as one line break, as the API stores it", () => {
    expect(countChars("  第一行\r\n第二行  \n")).toBe(7);
    expect(normalizeComment("a\r\nb\rc")).toBe("a\nb\nc");
  });

  it("is zero for blank text", () => {
    expect(countChars(" \n\t ")).toBe(0);
  });
});

describe("lengthState", () => {
  it("tells empty, too short, fine and too long apart", () => {
    expect(lengthState(0)).toBe("empty");
    expect(lengthState(1)).toBe("short");
    expect(lengthState(2)).toBe("ok");
    expect(lengthState(COMMENT_MAX_CHARS)).toBe("ok");
    expect(lengthState(COMMENT_MAX_CHARS + 1)).toBe("long");
  });
});
