import { useTranslation } from "react-i18next";
import { lengthState, type CommentLimits } from "../lib/chars";

/** "已输入 12 / 5000 字", turning into a warning near and over the limit. */
export function CharCounter({ id, count, limits }: { id: string; count: number; limits: CommentLimits }) {
  const { t } = useTranslation();
  const max = limits.maxChars;
  const state = lengthState(count, limits);
  const near = state === "ok" && count > max * 0.9;
  const className = `char-counter${state === "long" ? " char-counter-over" : near ? " char-counter-near" : ""}`;
  return (
    <p id={id} className={className}>
      {t("comment.counter", { chars: count, max })}
      {state === "long" ? <span> {t("comment.counterOver", { over: count - max })}</span> : null}
    </p>
  );
}
