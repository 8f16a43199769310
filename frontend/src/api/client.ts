import type { TypedDocumentString } from "../gql/graphql";
import { i18n } from "../i18n";

/** Where the API lives: the same origin, so the session cookie rides along. */
export const GRAPHQL_URL = "/graphql";
export const CSRF_COOKIE = "canyu_csrf";
export const CSRF_HEADER = "X-CSRF-Token";

/** An operation that failed: `message` is Chinese and meant for the user, `code` is for branching. */
export class ApiError extends Error {
  readonly code: string;
  readonly retryable: boolean;
  readonly extensions: Record<string, unknown>;
  readonly status: number | undefined;

  constructor(
    message: string,
    code: string,
    options: { retryable?: boolean; extensions?: Record<string, unknown>; status?: number } = {},
  ) {
    super(message);
    this.name = "ApiError";
    this.code = code;
    this.retryable = options.retryable ?? false;
    this.extensions = options.extensions ?? {};
    this.status = options.status;
  }

  /** The network or the server failed, not the request: the same request may work later. */
  get isTransient(): boolean {
    return this.retryable || this.code === "NETWORK_ERROR" || this.code === "HTTP_ERROR";
  }
}

/** The value of a cookie readable by scripts (the CSRF cookie is; the session cookie is HttpOnly). */
export function readCookie(name: string, cookies: string = document.cookie): string | undefined {
  for (const part of cookies.split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) return decodeURIComponent(rest.join("="));
  }
  return undefined;
}

let rememberedCsrf: string | undefined;

/** Keep the token `login` returned, for browsers that hide the cookie from scripts. */
export function rememberCsrfToken(token: string | undefined): void {
  rememberedCsrf = token;
}

export function csrfToken(): string | undefined {
  return readCookie(CSRF_COOKIE) || rememberedCsrf;
}

/** Whether a document is a mutation (which a cookie session must send with the CSRF header). */
export function isMutation(query: string): boolean {
  const withoutComments = query.replace(/#[^\n]*/g, "");
  return /^\s*mutation\b/.test(withoutComments);
}

interface GraphQLErrorShape {
  message?: unknown;
  extensions?: { code?: unknown; retryable?: unknown; [key: string]: unknown };
}

const HAS_CHINESE = /[\u3400-\u9fff]/;

function toApiError(error: GraphQLErrorShape): ApiError {
  const extensions = error.extensions ?? {};
  const code = typeof extensions.code === "string" ? extensions.code : "UNKNOWN";
  const message = typeof error.message === "string" ? error.message : "";
  // Messages for people are Chinese; a schema mismatch comes back in English from the library.
  const shown = HAS_CHINESE.test(message) ? message : i18n.t("errors.requestInvalid");
  return new ApiError(shown, code, { retryable: extensions.retryable === true, extensions });
}

export interface RequestOptions {
  signal?: AbortSignal;
  fetchImpl?: typeof fetch;
}

/** Run one typed operation against /graphql; throws ApiError with a Chinese message on any failure. */
export async function request<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables?: TVariables,
  options: RequestOptions = {},
): Promise<TResult> {
  const query = document.toString();
  const headers: Record<string, string> = {
    "Content-Type": "application/json",
    Accept: "application/json",
  };
  if (isMutation(query)) {
    const token = csrfToken();
    if (token) headers[CSRF_HEADER] = token;
  }
  const doFetch = options.fetchImpl ?? fetch;
  let response: Response;
  try {
    response = await doFetch(GRAPHQL_URL, {
      method: "POST",
      credentials: "same-origin",
      headers,
      body: JSON.stringify({ query, variables: variables ?? {} }),
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    throw new ApiError(i18n.t("errors.network"), "NETWORK_ERROR", { retryable: true });
  }
  let body: { data?: TResult | null; errors?: GraphQLErrorShape[] };
  try {
    body = (await response.json()) as typeof body;
  } catch {
    throw new ApiError(httpMessage(response.status), response.ok ? "BAD_RESPONSE" : "HTTP_ERROR", {
      retryable: response.status >= 500,
      status: response.status,
    });
  }
  const first = body.errors?.[0];
  if (first) throw toApiError(first);
  if (!response.ok || body.data == null) {
    throw new ApiError(httpMessage(response.status), "HTTP_ERROR", {
      retryable: response.status >= 500,
      status: response.status,
    });
  }
  return body.data;
}

function httpMessage(status: number): string {
  return i18n.t("errors.http", { status });
}
