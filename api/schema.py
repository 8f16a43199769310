"""The GraphQL schema: the domains' queries and mutations composed, with hardening extensions."""

from collections.abc import AsyncIterator, Callable, Iterator
from typing import Any

import strawberry
from graphql import GraphQLError
from graphql.validation import NoSchemaIntrospectionCustomRule
from strawberry.extensions import (
    AddValidationRules,
    MaxAliasesLimiter,
    MaxTokensLimiter,
    ParserCache,
    QueryDepthLimiter,
    SchemaExtension,
    ValidationCache,
)
from strawberry.schema.config import StrawberryConfig

from api.accounts.schema import AccountMutation, AccountQuery
from api.context import Context
from api.graphql_errors import DomainErrors
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


class ReleaseMutationSession(SchemaExtension):
    """After the operation, release a session a mutation opened for its caller but never used."""

    async def on_operation(self) -> AsyncIterator[None]:
        yield
        context = self.execution_context.context
        if isinstance(context, Context):
            await context.close()


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


class BoundedVariables(SchemaExtension):
    """Refuse oversized variables before they are parsed against the schema."""

    def on_operation(self) -> Iterator[None]:
        variables = self.execution_context.variables
        if variables and (error := oversized_variables(variables)):
            raise error
        yield


class Schema(strawberry.Schema):
    def process_errors(self, errors: list[GraphQLError], execution_context: Any = None) -> None:
        """Label errors raised before execution (a query that does not parse); log nothing: DomainErrors
        already logged what was unexpected, and the rest is the client's own mistake."""
        for error in errors:
            if not error.extensions:
                error.extensions = {"code": "GRAPHQL_VALIDATION_FAILED", "retryable": False}


def build_schema(settings: Settings) -> strawberry.Schema:
    # The limiters' rule classes are made once here: ValidationCache keys on the rule classes, and the
    # limiter extensions would make new ones on every request, so every request would validate anew.
    limit_rules = (
        *QueryDepthLimiter(max_depth=settings.graphql_max_depth).validation_rules,
        *MaxAliasesLimiter(max_alias_count=settings.graphql_max_aliases).validation_rules,
        *([NoSchemaIntrospectionCustomRule] if settings.is_production else []),
    )
    # Factories: strawberry builds fresh extensions per request (the caches are shared module-wide).
    extensions: list[Callable[[], SchemaExtension]] = [
        BoundedVariables,
        lambda: AddValidationRules(list(limit_rules)),
        lambda: MaxTokensLimiter(max_token_count=settings.graphql_max_tokens),
        lambda: ParserCache(maxsize=256),
        lambda: ValidationCache(maxsize=256),
        lambda: DomainErrors(hide_suggestions=settings.is_production),
        ReleaseMutationSession,
    ]
    # No batching: a JSON array of operations would multiply every per-request limit above, so strawberry
    # answers it with HTTP 400 before running any of them.
    config = StrawberryConfig(auto_camel_case=True, batching_config=None)
    return Schema(query=Query, mutation=Mutation, extensions=extensions, config=config)


# For `strawberry export-schema api.schema:schema` and the committed schema.graphql.
schema = build_schema(Settings(env="development"))
