"""The strawberry schema: queries, mutations, and the extensions every request goes through."""
from __future__ import annotations

from collections.abc import Iterator

import strawberry
from graphql import GraphQLError, NoSchemaIntrospectionCustomRule
from strawberry.extensions import AddValidationRules, MaskErrors, MaxTokensLimiter, ParserCache, SchemaExtension
from strawberry.extensions.max_aliases import create_validator as alias_rule
from strawberry.extensions.query_depth_limiter import create_validator as depth_rule

from core.api.cost import QueryCost
from core.api.guards import QueryShapeGuard

from core.api.mutations.applications import ApplicationMutations
from core.api.mutations.identity import IdentityMutations
from core.api.mutations.institutions import InstitutionMutations
from core.api.queries import Query
from core.api.types.applications import ApplicationType
from core.api.types.institutions import InstitutionType
from core.api.types.recognitions import RecognitionType


@strawberry.type
class Mutation(IdentityMutations, InstitutionMutations, ApplicationMutations):
    pass


class CloseRequestSession(SchemaExtension):
    """Close the request's read session once the operation has been executed."""

    async def on_execute(self) -> Iterator[None]:  # type: ignore[override]
        yield
        await self.execution_context.context.close()


def _mask(error: GraphQLError) -> bool:
    """Hide unexpected failures (stack traces, SQL); keep GraphQL's own and our expected errors."""
    original = error.original_error
    return original is not None and not isinstance(original, GraphQLError)


MAX_TOKENS, MAX_DEPTH, MAX_ALIASES = 3000, 15, 30
# built once, so the validation cache (keyed by the rules) hits across requests
LIMIT_RULES = [depth_rule(MAX_DEPTH, should_ignore=None), alias_rule(MAX_ALIASES)]


class IntrospectionSwitch(SchemaExtension):
    """Refuse introspection when the platform's settings turn it off (``ACCREDIT_INTROSPECTION``)."""

    def on_operation(self) -> Iterator[None]:  # type: ignore[override]
        context = self.execution_context
        if not context.context.platform.settings.introspection:
            context.validation_rules = (*context.validation_rules, NoSchemaIntrospectionCustomRule)
        yield


def build_schema() -> strawberry.Schema:
    """The schema with its guards: token limit at parse time; repeated fields and fragment blow-ups
    refused before validation (:mod:`core.api.guards`); depth and alias limits during validation;
    pagination, node limit and the caller's budget of points before execution (:mod:`core.api.cost`)."""
    return strawberry.Schema(
        query=Query,
        mutation=Mutation,
        types=[InstitutionType, ApplicationType, RecognitionType],
        extensions=[
            lambda: ParserCache(maxsize=256),
            lambda: MaxTokensLimiter(max_token_count=MAX_TOKENS),
            lambda: AddValidationRules(LIMIT_RULES),
            IntrospectionSwitch,
            QueryShapeGuard,
            QueryCost,
            lambda: MaskErrors(should_mask_error=_mask, error_message="服务器内部错误 (internal error)"),
            CloseRequestSession,
        ],
    )


schema = build_schema()
