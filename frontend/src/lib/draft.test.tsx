import { act, renderHook } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { draftedTargets, draftStorageKey, readDraft, useCommentDraft } from "./draft";

const KEY = draftStorageKey("1", "7");

describe("useCommentDraft", () => {
  it("keeps every change in localStorage", () => {
    const { result } = renderHook(() => useCommentDraft(KEY));
    act(() => result.current.setBody("建议增加例外情形"));
    expect(readDraft(KEY)?.body).toBe("建议增加例外情形");
    expect(result.current.persisted).toBe(true);
  });

  it("restores a draft left by an earlier visit", () => {
    const first = renderHook(() => useCommentDraft(KEY));
    act(() => first.result.current.setBody("写了一半的意见"));
    first.unmount();
    const second = renderHook(() => useCommentDraft(KEY));
    expect(second.result.current.body).toBe("写了一半的意见");
    expect(second.result.current.restored).toBe(true);
  });

  it("sends the same idempotency key when the same text is retried after a failure", () => {
    const { result } = renderHook(() => useCommentDraft(KEY));
    act(() => result.current.setBody("同一条意见"));
    let first = "";
    let retry = "";
    act(() => {
      first = result.current.keyForSubmit();
    });
    act(() => {
      retry = result.current.keyForSubmit();
    });
    expect(retry).toBe(first);
    // …and the key survives a reload, so a retry from a new tab cannot make a second comment.
    expect(readDraft(KEY)?.key).toBe(first);
  });

  it("uses a new key once the text was edited after an attempt (a different comment)", () => {
    const { result } = renderHook(() => useCommentDraft(KEY));
    act(() => result.current.setBody("第一稿"));
    let first = "";
    let second = "";
    act(() => {
      first = result.current.keyForSubmit();
    });
    act(() => result.current.setBody("第一稿，改过"));
    act(() => {
      second = result.current.keyForSubmit();
    });
    expect(second).not.toBe(first);
  });

  it("forgets the draft once the comment is acknowledged", () => {
    const { result } = renderHook(() => useCommentDraft(KEY));
    act(() => result.current.setBody("已提交的意见"));
    act(() => result.current.clear());
    expect(readDraft(KEY)).toBeUndefined();
    expect(result.current.body).toBe("");
  });

  it("keeps working in memory when storage refuses writes", () => {
    const setItem = vi.spyOn(Storage.prototype, "setItem").mockImplementation(() => {
      throw new DOMException("full", "QuotaExceededError");
    });
    const { result } = renderHook(() => useCommentDraft(KEY));
    act(() => result.current.setBody("存不进去"));
    expect(result.current.body).toBe("存不进去");
    expect(result.current.persisted).toBe(false);
    setItem.mockRestore();
  });

  it("ignores a corrupt stored value", () => {
    window.localStorage.setItem(KEY, "{not json");
    const { result } = renderHook(() => useCommentDraft(KEY));
    expect(result.current.body).toBe("");
  });

  it("lists which articles of a consultation have a draft", () => {
    const a = renderHook(() => useCommentDraft(draftStorageKey("1", "7")));
    const b = renderHook(() => useCommentDraft(draftStorageKey("1", null)));
    const other = renderHook(() => useCommentDraft(draftStorageKey("2", "9")));
    act(() => a.result.current.setBody("甲"));
    act(() => b.result.current.setBody("乙"));
    act(() => other.result.current.setBody("丙"));
    expect(draftedTargets("1").sort()).toEqual(["7", "whole"]);
  });
});
