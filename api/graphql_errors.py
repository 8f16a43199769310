"""Map errors once at the edge: domain errors keep their Chinese message and gain a stable code;
anything unexpected is logged and masked."""

import logging
import re

from graphql import GraphQLError
from strawberry.extensions import MaskErrors

from api.errors import DomainError

log = logging.getLogger("canyu.graphql")

INTERNAL_MESSAGE = "服务器内部错误，请稍后重试"
SUGGESTION = re.compile(r" Did you mean .*\?$")


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part.title() for part in rest)


class DomainErrors(MaskErrors):
    def __init__(self, *, hide_suggestions: bool = False) -> None:
        super().__init__(error_message=INTERNAL_MESSAGE)
        # In production "Did you mean 'secretField'?" would describe the schema introspection hides.
        self.hide_suggestions = hide_suggestions

    def _process_errors(self, errors: list[GraphQLError]) -> list[GraphQLError]:
        return [self._process(error) for error in errors]

    def _process(self, error: GraphQLError) -> GraphQLError:
        original = error.original_error
        if original is None:  # syntax and validation errors: the client's own query
            message = SUGGESTION.sub("", error.message) if self.hide_suggestions else error.message
            return GraphQLError(
                message,
                nodes=error.nodes,
                source=error.source,
                positions=error.positions,
                path=error.path,
                extensions={"code": "GRAPHQL_VALIDATION_FAILED", "retryable": False},
            )
        if isinstance(original, DomainError):
            extensions = {"code": original.code, "retryable": original.retryable}
            extensions.update({_camel(k): v for k, v in original.details.items() if k != "cause"})
            return GraphQLError(
                original.message,
                nodes=error.nodes,
                source=error.source,
                positions=error.positions,
                path=error.path,
                extensions=extensions,
            )
        log.error("unexpected error in %s", error.path, exc_info=original)
        return GraphQLError(
            INTERNAL_MESSAGE,
            nodes=error.nodes,
            source=error.source,
            positions=error.positions,
            path=error.path,
            extensions={"code": "INTERNAL_ERROR", "retryable": False},
        )
