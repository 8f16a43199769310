/** Comment length limits: the API's defaults (CANYU_COMMENT_MIN_CHARS/MAX_CHARS); the API has the last word. */
export const COMMENT_MIN_CHARS = 2;
export const COMMENT_MAX_CHARS = 5000;

/** The text as the API will store it: line endings normalised, outer blanks trimmed. */
export function normalizeComment(text: string): string {
  return text.replace(/\r\n?/g, "\n").trim();
}

/** Characters as the API counts them: Unicode code points (an emoji or a rare 汉字 counts once). */
export function countChars(text: string): number {
  return Array.from(normalizeComment(text)).length;
}

export type LengthState = "empty" | "short" | "ok" | "long";

export function lengthState(count: number, min = COMMENT_MIN_CHARS, max = COMMENT_MAX_CHARS): LengthState {
  if (count === 0) return "empty";
  if (count < min) return "short";
  if (count > max) return "long";
  return "ok";
}
