"""Turning refusals into client-visible errors, and masking everything unexpected."""

from __future__ import annotations

from graphql import GraphQLError

from core.errors import Refused


def as_graphql_error(refused: Refused) -> GraphQLError:
    """For queries (which have no payload): the first error's message, all of them in extensions."""
    from core.api.types.common import _camel_path

    first = refused.errors[0]
    return GraphQLError(
        first.message,
        extensions={
            "code": first.code.value,
            "errors": [
                {"field": _camel_path(e.field), "code": e.code.value, "message": e.message}
                for e in refused.errors
            ],
        },
    )
