import { useCallback, useState } from "react";
import { storageGet, storageSet } from "./storage";

/** 适老化: a large-text mode, remembered on this device. */
export const LARGE_TEXT_KEY = "canyu:large-text";

export function readLargeText(): boolean {
  return storageGet(LARGE_TEXT_KEY) === "on";
}

export function applyLargeText(on: boolean, root: HTMLElement = document.documentElement): void {
  if (on) root.dataset.textSize = "large";
  else delete root.dataset.textSize;
}

export function useLargeText(): [boolean, () => void] {
  const [on, setOn] = useState(readLargeText);
  const toggle = useCallback(() => {
    setOn((was) => {
      const next = !was;
      storageSet(LARGE_TEXT_KEY, next ? "on" : "off");
      applyLargeText(next);
      return next;
    });
  }, []);
  return [on, toggle];
}
