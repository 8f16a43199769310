import type { ApiError } from "../../api/client";
import type { ConsultationStatus } from "../../gql/graphql";

export type NoticeField =
  | "unit"
  | "title"
  | "kind"
  | "summary"
  | "explanation"
  | "basis"
  | "offlineChannels"
  | "disclosure"
  | "disclosureReason";

/** The text fields whose errors start with the field's name (the `what` of text_rules.clean_text). */
export const TEXT_NOTICE_FIELDS = ["title", "summary", "explanation", "basis", "offlineChannels"] as const;

/** Which notice field an API error belongs to, so it is shown beside that field; undefined: the whole form. */
export function noticeFieldOf(
  error: ApiError | undefined,
  apiNames: Record<(typeof TEXT_NOTICE_FIELDS)[number], string>,
): NoticeField | undefined {
  if (!error) return undefined;
  if (error.code === "KIND_INVALID") return "kind";
  if (error.code === "DISCLOSURE_REASON_REQUIRED") return "disclosureReason";
  if (error.code === "DISCLOSURE_INVALID") return "disclosure";
  if (error.code === "UNIT_NOT_FOUND" || error.code === "ID_INVALID") return "unit";
  if (error.code.startsWith("TEXT_")) {
    return TEXT_NOTICE_FIELDS.find((name) => error.message.startsWith(apiNames[name]));
  }
  return undefined;
}

/** A file's bytes as base64 (how importDraft takes a .docx). */
export function fileToBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(",") + 1)); // "data:…;base64,<data>"
    };
    reader.onerror = () => reject(reader.error ?? new Error("read failed"));
    reader.readAsDataURL(file);
  });
}

export const DOCX_MAX_BYTES = 10 * 1024 * 1024;

/** Why a chosen file cannot be imported, or undefined when it can. */
export function docxProblem(file: { name: string; size: number }): "notDocx" | "tooLarge" | undefined {
  if (!file.name.toLowerCase().endsWith(".docx")) return "notDocx";
  if (file.size > DOCX_MAX_BYTES) return "tooLarge";
  return undefined;
}

/** The two halves an article's text would be split into at a character offset (code points, as the API counts). */
export function splitPreview(body: string, at: number): [string, string] | undefined {
  const chars = Array.from(body);
  if (!Number.isInteger(at) || at <= 0 || at >= chars.length) return undefined;
  return [chars.slice(0, at).join(""), chars.slice(at).join("")];
}

export const STATUS_FILTERS = [
  "ALL",
  "DRAFT",
  "IN_REVIEW",
  "OPEN",
  "CLOSED",
  "REVIEWING",
  "STATEMENT_PUBLISHED",
  "DECIDED",
  "WITHDRAWN",
] as const satisfies readonly (ConsultationStatus | "ALL")[];
export type StatusFilter = (typeof STATUS_FILTERS)[number];

export function parseStatusFilter(value: string | null): StatusFilter {
  const upper = (value ?? "all").toUpperCase();
  return (STATUS_FILTERS as readonly string[]).includes(upper) ? (upper as StatusFilter) : "ALL";
}

/** Closed or any later stage (not withdrawn): the review stage has begun or can begin. */
export function reviewStageReached(status: ConsultationStatus): boolean {
  return ["CLOSED", "REVIEWING", "STATEMENT_PUBLISHED", "DECIDED"].includes(status);
}
