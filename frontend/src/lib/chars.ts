/** Comment length limits, as a consultation's `commentLimits` gives them; the API has the last word. */
export interface CommentLimits {
  minChars: number;
  maxChars: number;
}

/** The API's defaults (CANYU_COMMENT_MIN_CHARS/MAX_CHARS), until the consultation says otherwise. */
export const DEFAULT_COMMENT_LIMITS: CommentLimits = { minChars: 2, maxChars: 5000 };

/** The text as the API will store it: line endings normalised, outer blanks trimmed. */
export function normalizeComment(text: string): string {
  return text.replace(/\r\n?/g, "\n").trim();
}

/** Characters as the API counts them: Unicode code points (an emoji or a rare 汉字 counts once). */
export function countChars(text: string): number {
  return Array.from(normalizeComment(text)).length;
}

export type LengthState = "empty" | "short" | "ok" | "long";

export function lengthState(count: number, limits: CommentLimits = DEFAULT_COMMENT_LIMITS): LengthState {
  if (count === 0) return "empty";
  if (count < limits.minChars) return "short";
  if (count > limits.maxChars) return "long";
  return "ok";
}
