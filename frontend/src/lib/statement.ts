/**
 * The statement's `figures` (a JSON scalar) and its JSON rendering, read defensively: the page shows
 * what it recognises and skips the rest, so a later format with more fields still renders.
 */
export interface CountRow {
  key: string;
  label: string;
  comments: number;
  participants: number;
}

export interface ArticleRow {
  articleId: number | null;
  label: string;
  comments: number;
  participants: number;
  adopted: number;
}

export interface StatementFigures {
  participants: number;
  comments: number;
  campaigns: number;
  campaignComments: number;
  lateComments: number;
  adoptionRate: number | null;
  byOutcome: CountRow[];
  byChannel: CountRow[];
  perArticle: ArticleRow[];
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === "object" && value !== null && !Array.isArray(value);
const num = (value: unknown): number => (typeof value === "number" && Number.isFinite(value) ? value : 0);
const str = (value: unknown): string => (typeof value === "string" ? value : "");

function counts(value: unknown): CountRow[] {
  if (!Array.isArray(value)) return [];
  return value.filter(isObject).map((row) => ({
    key: str(row.key),
    label: str(row.label),
    comments: num(row.comments),
    participants: num(row.participants),
  }));
}

export function parseFigures(value: unknown): StatementFigures {
  const f = isObject(value) ? value : {};
  const perArticle = Array.isArray(f.per_article)
    ? f.per_article.filter(isObject).map((row) => ({
        articleId: typeof row.article_id === "number" ? row.article_id : null,
        label: str(row.label),
        comments: num(row.comments),
        participants: num(row.participants),
        adopted: num(row.adopted),
      }))
    : [];
  return {
    participants: num(f.participants),
    comments: num(f.comments),
    campaigns: num(f.campaigns),
    campaignComments: num(f.campaign_comments),
    lateComments: num(f.late_comments),
    adoptionRate: typeof f.adoption_rate === "number" ? f.adoption_rate : null,
    byOutcome: counts(f.by_outcome),
    byChannel: counts(f.by_channel),
    perArticle,
  };
}

export type Block =
  | { type: "paragraph"; text: string }
  | { type: "table"; caption: string; columns: string[]; rows: string[][] };

export interface StatementSection {
  title: string;
  blocks: Block[];
}

export interface StatementDocument {
  title: string;
  issuingBody: string;
  issuedOn: string;
  sections: StatementSection[];
  annex: Block | null;
}

function block(value: unknown): Block | null {
  if (!isObject(value)) return null;
  if (value.type === "paragraph") return { type: "paragraph", text: str(value.text) };
  if (value.type === "table") {
    const columns = Array.isArray(value.columns) ? value.columns.map(str) : [];
    const rows = Array.isArray(value.rows)
      ? value.rows.filter(Array.isArray).map((row: unknown[]) => row.map((cell) => (cell == null ? "" : String(cell))))
      : [];
    return { type: "table", caption: str(value.caption), columns, rows };
  }
  return null;
}

/** The statement's JSON rendering (`canyu.statement/1`) as sections of paragraphs and tables. */
export function parseStatementDocument(value: unknown): StatementDocument | null {
  if (!isObject(value) || !Array.isArray(value.sections)) return null;
  const sections = value.sections.filter(isObject).map((section) => ({
    title: str(section.title),
    blocks: (Array.isArray(section.blocks) ? section.blocks : []).map(block).filter((b): b is Block => b !== null),
  }));
  return {
    title: str(value.title),
    issuingBody: str(value.issuing_body),
    issuedOn: str(value.issued_on),
    sections,
    annex: block(value.annex),
  };
}
