import { useTranslation } from "react-i18next";
import { COMMENT_MAX_CHARS, COMMENT_MIN_CHARS, lengthState } from "../lib/chars";

/** "已输入 12 / 5000 字", turning into a warning near and over the limit. */
export function CharCounter({
  id,
  count,
  min = COMMENT_MIN_CHARS,
  max = COMMENT_MAX_CHARS,
}: {
  id: string;
  count: number;
  min?: number;
  max?: number;
}) {
  const { t } = useTranslation();
  const state = lengthState(count, min, max);
  const near = state === "ok" && count > max * 0.9;
  const className = `char-counter${state === "long" ? " char-counter-over" : near ? " char-counter-near" : ""}`;
  return (
    <p id={id} className={className}>
      {t("comment.counter", { chars: count, max })}
      {state === "long" ? <span> {t("comment.counterOver", { over: count - max })}</span> : null}
    </p>
  );
}
