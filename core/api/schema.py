"""The strawberry schema: queries, mutations, and the extensions every request goes through."""
from __future__ import annotations

from collections.abc import Iterator

import strawberry
from graphql import GraphQLError
from strawberry.extensions import MaskErrors, ParserCache, SchemaExtension, ValidationCache

from core.api.mutations.applications import ApplicationMutations
from core.api.mutations.institutions import InstitutionMutations
from core.api.queries import Query
from core.api.types.applications import ApplicationType
from core.api.types.institutions import InstitutionType
from core.api.types.recognitions import RecognitionType


@strawberry.type
class Mutation(InstitutionMutations, ApplicationMutations):
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


def build_schema() -> strawberry.Schema:
    return strawberry.Schema(
        query=Query,
        mutation=Mutation,
        types=[InstitutionType, ApplicationType, RecognitionType],
        extensions=[
            lambda: ParserCache(maxsize=256),
            lambda: ValidationCache(maxsize=256),
            lambda: MaskErrors(should_mask_error=_mask, error_message="服务器内部错误 (internal error)"),
            CloseRequestSession,
        ],
    )


schema = build_schema()
