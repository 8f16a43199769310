"""Map errors once at the edge: domain errors keep their Chinese message and gain a stable code;
anything unexpected is logged and masked."""

import logging
import re
from typing import Any

from graphql import GraphQLError

from api.errors import DomainError

log = logging.getLogger("canyu.graphql")

INTERNAL_MESSAGE = "服务器内部错误，请稍后重试"
SUGGESTION = re.compile(r" Did you mean .*\?$")
# A client error quotes the offending input; a 5 MB variable must not come back as a 5 MB message.
MAX_CLIENT_MESSAGE = 500
UNSTORABLE_TEXT_MESSAGE = "文本包含无法保存的字符（如空字符 U+0000 或不成对的代理项），请删除后重试"


def _unstorable_text(error: BaseException) -> bool:
    """Text no database can take: a lone surrogate (JSON allows "\\ud800"; it has no UTF-8 form) or, in
    PostgreSQL, U+0000 (SQLSTATE 22021). Only a client's input carries them, and the failed statement's
    transaction is rolled back, so this is the client's error, not an unexpected one."""
    link: BaseException | None = error
    for _ in range(10):  # the driver's exception, SQLAlchemy's wrapping of it, …
        if link is None:
            break
        if isinstance(link, UnicodeEncodeError) and link.reason == "surrogates not allowed":
            return True
        if getattr(link, "sqlstate", None) in ("22021", "22P05"):  # not in repertoire, untranslatable
            return True
        link = link.__cause__ or link.__context__
    return False


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part.title() for part in rest)


def _in_place_of(error: GraphQLError, message: str, extensions: dict[str, Any]) -> GraphQLError:
    """A new error at the original's place (locations and path) with a message a client may see."""
    return GraphQLError(
        message,
        nodes=error.nodes,
        source=error.source,
        positions=error.positions,
        path=error.path,
        extensions=extensions,
    )


def client_errors(errors: list[GraphQLError], *, hide_suggestions: bool) -> list[GraphQLError]:
    """The errors as a client may see them. hide_suggestions: in production "Did you mean
    'secretField'?" would describe the schema that introspection hides."""
    return [client_error(error, hide_suggestions=hide_suggestions) for error in errors]


def client_error(error: GraphQLError, *, hide_suggestions: bool) -> GraphQLError:
    original = error.original_error
    # Syntax and validation errors, and variables whose values do not fit their types (graphql-core
    # reports those outside any field, wrapping the scalar's own GraphQLError): the client's own query.
    if original is None or (error.path is None and isinstance(original, GraphQLError)):
        message = SUGGESTION.sub("", error.message) if hide_suggestions else error.message
        if len(message) > MAX_CLIENT_MESSAGE:
            message = message[:MAX_CLIENT_MESSAGE] + "…"
        return _in_place_of(error, message, {"code": "GRAPHQL_VALIDATION_FAILED", "retryable": False})
    if isinstance(original, DomainError):
        extensions = {"code": original.code, "retryable": original.retryable}
        extensions.update({_camel(k): v for k, v in original.details.items() if k != "cause"})
        return _in_place_of(error, original.message, extensions)
    if _unstorable_text(original):
        return _in_place_of(
            error, UNSTORABLE_TEXT_MESSAGE, {"code": "TEXT_INVALID_UNICODE", "retryable": False}
        )
    log.error("unexpected error in %s", error.path, exc_info=original)
    return _in_place_of(error, INTERNAL_MESSAGE, {"code": "INTERNAL_ERROR", "retryable": False})
