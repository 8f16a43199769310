"""The GraphQL schema: the domains' queries and mutations composed, with hardening extensions."""

from collections.abc import AsyncIterator, Iterable
from functools import lru_cache
from typing import Any

import strawberry
from graphql import ASTValidationRule, DocumentNode, GraphQLError, parse, specified_rules
from graphql.validation import NoSchemaIntrospectionCustomRule
from strawberry.extensions import MaxAliasesLimiter, QueryDepthLimiter, SchemaExtension
from strawberry.schema.config import StrawberryConfig
from strawberry.schema.schema import validate_document

from api.accounts.schema import AccountMutation, AccountQuery
from api.context import Context
from api.graphql_errors import client_errors
from api.settings import Settings
from consultations.review_schema import ReviewMutation, ReviewQuery
from consultations.schema import ConsultationMutation, ConsultationQuery
from hearings.schema import HearingMutation, HearingQuery


@strawberry.type
class Query(AccountQuery, ConsultationQuery, ReviewQuery, HearingQuery):
    pass


@strawberry.type
class Mutation(AccountMutation, ConsultationMutation, ReviewMutation, HearingMutation):
    pass


# More list items and object fields in all of a request's variables than any operation needs (the longest
# real list is a group's comment ids). graphql-core coerces variables item by item before any resolver
# runs: 100 000 ids cost a third of a second of CPU, so the bound is checked first. The query text is
# bounded by the token limit; strings only by the body size (a .docx travels as one).
MAX_VARIABLE_ITEMS = 10_000


def oversized_variables(variables: dict[str, Any]) -> GraphQLError | None:
    """Walk the variables (iteratively, stopping once over the bound): too many items?"""
    count, pending = 0, list(variables.values())
    while pending:
        item = pending.pop()
        if isinstance(item, (dict, list)):
            count += len(item)
            if count > MAX_VARIABLE_ITEMS:
                return GraphQLError(
                    f"请求变量过大：列表元素和对象字段合计最多 {MAX_VARIABLE_ITEMS} 项",
                    extensions={"code": "VARIABLES_TOO_LARGE", "retryable": False},
                )
            pending.extend(item.values() if isinstance(item, dict) else item)
    return None


class Schema(strawberry.Schema):
    """canyu's schema: operations parsed and validated once per query text, errors shown as clients may
    see them."""

    def __init__(
        self,
        *,
        limit_rules: Iterable[type[ASTValidationRule]] = (),
        max_tokens: int | None = None,
        hide_suggestions: bool = False,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self.validation_rules = (*specified_rules, *limit_rules)
        self.max_tokens = max_tokens
        self.hide_suggestions = hide_suggestions
        self.prepare = lru_cache(maxsize=256)(self._prepare)

    def _prepare(self, query: str) -> tuple[DocumentNode, list[GraphQLError]]:
        """The parsed document and its validation errors; a query that does not parse raises (uncached)."""
        document = parse(query, max_tokens=self.max_tokens)
        return document, validate_document(self._schema, document, self.validation_rules)

    def process_errors(self, errors: list[GraphQLError], execution_context: Any = None) -> None:
        """Label errors raised before execution (a query that does not parse); log nothing: client_errors
        already logged what was unexpected, and the rest is the client's own mistake."""
        for error in errors:
            if not error.extensions:
                error.extensions = {"code": "GRAPHQL_VALIDATION_FAILED", "retryable": False}


class RequestHooks(SchemaExtension):
    """All of canyu's per-request hooks, in one extension: strawberry creates every extension and wraps each
    of its hooks anew for every request, so the seven small extensions this replaces cost about 0.4 ms of
    CPU per request more (docs/benchmarks.md, "One extension, a plain ASGI route, cached segmentation")."""

    async def on_operation(self) -> AsyncIterator[None]:
        execution = self.execution_context
        schema = execution.schema
        assert isinstance(schema, Schema)
        try:
            if execution.variables and (error := oversized_variables(execution.variables)):
                raise error
            if execution.query:
                # Cached by query text: keying on the document would hash its whole tree on every request.
                document, errors = schema.prepare(execution.query)
                execution.graphql_document, execution.pre_execution_errors = document, list(errors)
            yield
            result = execution.result
            if result is not None and result.errors:
                result.errors = client_errors(result.errors, hide_suggestions=schema.hide_suggestions)
        finally:
            # Release a session a mutation opened for its caller but never used.
            if isinstance(execution.context, Context):
                await execution.context.close()


def build_schema(settings: Settings) -> strawberry.Schema:
    limit_rules = (
        *QueryDepthLimiter(max_depth=settings.graphql_max_depth).validation_rules,
        *MaxAliasesLimiter(max_alias_count=settings.graphql_max_aliases).validation_rules,
        *([NoSchemaIntrospectionCustomRule] if settings.is_production else []),
    )
    # No batching: a JSON array of operations would multiply every per-request limit above, so strawberry
    # answers it with HTTP 400 before running any of them.
    config = StrawberryConfig(auto_camel_case=True, batching_config=None)
    return Schema(
        query=Query,
        mutation=Mutation,
        extensions=[RequestHooks],
        config=config,
        limit_rules=limit_rules,
        max_tokens=settings.graphql_max_tokens,
        hide_suggestions=settings.is_production,
    )


# For `strawberry export-schema api.schema:schema` and the committed schema.graphql.
schema = build_schema(Settings(env="development"))
