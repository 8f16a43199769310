import type { Outcome } from "../../gql/graphql";

export const OUTCOMES = ["ADOPTED", "PARTLY_ADOPTED", "NOT_ADOPTED", "ALREADY_PROVIDED", "OUT_OF_SCOPE"] as const;
export const MAX_REASON_CHARS = 2000;

export interface DispositionValues {
  outcome: Outcome | "";
  standardReason: string;
  reason: string;
  /** The article's text after revision (single topics on one article; optional). */
  revisedAfter?: string;
}

export type DispositionProblem = "outcomeRequired" | "reasonRequired" | "reasonTooLong";

/** The checks the API makes (rules B2), made first so the reviewer hears at once: PARTLY_ADOPTED and
 * NOT_ADOPTED need a reason or a standard reason; reasons stay under 2 000 characters. */
export function dispositionProblem(values: DispositionValues): DispositionProblem | null {
  if (!values.outcome) return "outcomeRequired";
  const reason = values.reason.trim();
  if ([...reason].length > MAX_REASON_CHARS) return "reasonTooLong";
  const needsReason = values.outcome === "PARTLY_ADOPTED" || values.outcome === "NOT_ADOPTED";
  if (needsReason && !reason && !values.standardReason) return "reasonRequired";
  return null;
}
