import { describe, expect, it, vi } from "vitest";
import { TypedDocumentString } from "../gql/graphql";
import { ApiError, CSRF_HEADER, isMutation, readCookie, rememberCsrfToken, request } from "./client";

const Query = new TypedDocumentString<{ units: { id: string }[] }, Record<string, never>>(
  "query ClientTestUnits { units { id } }",
);
const Mutation = new TypedDocumentString<{ logout: boolean }, Record<string, never>>("mutation ClientTestLogout { logout }");

function respond(body: unknown, status = 200) {
  return vi.fn<typeof fetch>(async () => new Response(JSON.stringify(body), { status }));
}

function sentHeaders(fetchImpl: ReturnType<typeof respond>): Record<string, string> {
  const init = fetchImpl.mock.calls[0]?.[1];
  return (init?.headers ?? {}) as Record<string, string>;
}

describe("request", () => {
  it("posts the query with the session cookie (same-origin credentials)", async () => {
    const fetchImpl = respond({ data: { units: [{ id: "1" }] } });
    const data = await request(Query, {}, { fetchImpl });
    expect(data.units[0]?.id).toBe("1");
    const [url, init] = fetchImpl.mock.calls[0]!;
    expect(url).toBe("/graphql");
    expect(init?.method).toBe("POST");
    expect(init?.credentials).toBe("same-origin");
    expect(JSON.parse(String(init?.body)).query).toContain("query ClientTestUnits");
  });

  it("sends the CSRF cookie's value in X-CSRF-Token with a mutation", async () => {
    document.cookie = "canyu_csrf=token-from-cookie; path=/";
    const fetchImpl = respond({ data: { logout: true } });
    await request(Mutation, {}, { fetchImpl });
    expect(sentHeaders(fetchImpl)[CSRF_HEADER]).toBe("token-from-cookie");
  });

  it("does not send the CSRF header with a query", async () => {
    document.cookie = "canyu_csrf=token-from-cookie; path=/";
    const fetchImpl = respond({ data: { units: [] } });
    await request(Query, {}, { fetchImpl });
    expect(sentHeaders(fetchImpl)[CSRF_HEADER]).toBeUndefined();
  });

  it("falls back to the token login returned when the cookie is not readable", async () => {
    rememberCsrfToken("token-from-login");
    const fetchImpl = respond({ data: { logout: true } });
    await request(Mutation, {}, { fetchImpl });
    expect(sentHeaders(fetchImpl)[CSRF_HEADER]).toBe("token-from-login");
    rememberCsrfToken(undefined);
  });

  it("turns a GraphQL error into an ApiError carrying the API's Chinese message and code", async () => {
    const fetchImpl = respond({
      data: null,
      errors: [
        {
          message: "请求校验失败（CSRF），请刷新页面后重试",
          extensions: { code: "CSRF_FAILED", retryable: false },
        },
      ],
    });
    const error = await request(Mutation, {}, { fetchImpl }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).message).toBe("请求校验失败（CSRF），请刷新页面后重试");
    expect((error as ApiError).code).toBe("CSRF_FAILED");
    expect((error as ApiError).isTransient).toBe(false);
  });

  it("keeps extra details of an error and whether it is retryable", async () => {
    const fetchImpl = respond({
      data: null,
      errors: [{ message: "提交过于频繁，请稍后再试", extensions: { code: "COMMENT_RATE_LIMITED", retryable: true, retryAfter: 60 } }],
    });
    const error = (await request(Mutation, {}, { fetchImpl }).catch((e: unknown) => e)) as ApiError;
    expect(error.retryable).toBe(true);
    expect(error.extensions.retryAfter).toBe(60);
  });

  it("never shows the library's English validation message to a user", async () => {
    const fetchImpl = respond({
      data: null,
      errors: [{ message: "Cannot query field 'x' on type 'Query'.", extensions: { code: "GRAPHQL_VALIDATION_FAILED" } }],
    });
    const error = (await request(Query, {}, { fetchImpl }).catch((e: unknown) => e)) as ApiError;
    expect(error.code).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(error.message).toMatch(/[\u4e00-\u9fff]/);
    expect(error.message).not.toContain("Cannot query");
  });

  it("reports a network failure in Chinese, as retryable", async () => {
    const fetchImpl = vi.fn<typeof fetch>(async () => {
      throw new TypeError("Failed to fetch");
    });
    const error = (await request(Query, {}, { fetchImpl }).catch((e: unknown) => e)) as ApiError;
    expect(error.code).toBe("NETWORK_ERROR");
    expect(error.isTransient).toBe(true);
    expect(error.message).toContain("网络");
  });

  it("reports a non-JSON answer (a proxy's 502 page) with its status", async () => {
    const fetchImpl = vi.fn<typeof fetch>(async () => new Response("<html>Bad Gateway</html>", { status: 502 }));
    const error = (await request(Query, {}, { fetchImpl }).catch((e: unknown) => e)) as ApiError;
    expect(error.code).toBe("HTTP_ERROR");
    expect(error.message).toContain("502");
    expect(error.isTransient).toBe(true);
  });
});

describe("helpers", () => {
  it("reads one cookie among others", () => {
    expect(readCookie("canyu_csrf", "a=1; canyu_csrf=abc%3D; b=2")).toBe("abc=");
    expect(readCookie("missing", "a=1")).toBeUndefined();
  });

  it("recognises mutations, also after a comment", () => {
    expect(isMutation("mutation X { logout }")).toBe(true);
    expect(isMutation("# note\n  mutation X { logout }")).toBe(true);
    expect(isMutation("query X { me { id } }")).toBe(false);
  });
});
