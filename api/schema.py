"""The GraphQL schema: the domains' queries and mutations composed, with hardening extensions."""

from collections.abc import AsyncIterator, Callable
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


@strawberry.type
class Query(AccountQuery, ConsultationQuery, ReviewQuery):
    pass


@strawberry.type
class Mutation(AccountMutation, ConsultationMutation, ReviewMutation):
    pass


class ReleaseMutationSession(SchemaExtension):
    """After the operation, release a session a mutation opened for its caller but never used."""

    async def on_operation(self) -> AsyncIterator[None]:
        yield
        context = self.execution_context.context
        if isinstance(context, Context):
            await context.close()


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
        lambda: AddValidationRules(list(limit_rules)),
        lambda: MaxTokensLimiter(max_token_count=settings.graphql_max_tokens),
        lambda: ParserCache(maxsize=256),
        lambda: ValidationCache(maxsize=256),
        lambda: DomainErrors(hide_suggestions=settings.is_production),
        ReleaseMutationSession,
    ]
    return Schema(
        query=Query, mutation=Mutation, extensions=extensions, config=StrawberryConfig(auto_camel_case=True)
    )


# For `strawberry export-schema api.schema:schema` and the committed schema.graphql.
schema = build_schema(Settings(env="development"))
