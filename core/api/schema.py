"""The strawberry schema: queries, mutations, and the extensions every request goes through."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import strawberry
from graphql import GraphQLError
from strawberry.extensions import AddValidationRules, MaskErrors, SchemaExtension
from strawberry.types import ExecutionContext
from strawberry.types.graphql import OperationType

from core.api.cost import QueryCost
from core.api.dashboard import DashboardQueries
from core.api.guards import LIMIT_RULES, NO_INTROSPECTION, GuardedParse, QueryShapeGuard
from core.api.inputs import InputCheck
from core.api.mutations.accounts import AccountMutations, AccountQueries
from core.api.mutations.applications import ApplicationMutations
from core.api.mutations.identity import IdentityMutations
from core.api.mutations.institutions import InstitutionMutations
from core.api.queries import Query as CoreQueries
from core.api.request_log import RequestOutcome
from core.api.types.applications import ApplicationType
from core.api.types.institutions import InstitutionType
from core.api.types.recognitions import RecognitionType

log = logging.getLogger("accredit.api")


@strawberry.type
class Query(CoreQueries, DashboardQueries, AccountQueries):
    pass


@strawberry.type
class Mutation(IdentityMutations, InstitutionMutations, ApplicationMutations, AccountMutations):
    pass


class CloseRequestSession(SchemaExtension):
    """Close the request's read session once the operation has been executed, and before a
    mutation too: the session was opened to check the caller's token, and a request must not hold
    a read connection while it waits for a write one (concurrent grants would exhaust the pool)."""

    async def on_execute(self) -> Iterator[None]:  # type: ignore[override]
        context = self.execution_context.context
        try:
            mutation = self.execution_context.operation_type is OperationType.MUTATION
        except RuntimeError:  # no such operation: execution refuses it
            mutation = False
        if mutation:
            await context.close()
        yield
        await context.close(settled=True)


def _mask(error: GraphQLError) -> bool:
    """Hide unexpected failures (stack traces, SQL); keep GraphQL's own and our expected errors."""
    original = error.original_error
    return original is not None and not isinstance(original, GraphQLError)


class IntrospectionSwitch(SchemaExtension):
    """Refuse introspection when the platform's settings turn it off (``ACCREDIT_INTROSPECTION``)."""

    def on_operation(self) -> Iterator[None]:  # type: ignore[override]
        context = self.execution_context
        if not context.context.platform.settings.introspection:
            context.validation_rules = (*context.validation_rules, NO_INTROSPECTION)
        yield


class AccreditSchema(strawberry.Schema):
    def process_errors(
        self, errors: list[GraphQLError], execution_context: ExecutionContext | None = None
    ) -> None:
        """A refused document (syntax, validation, a guard, the budget) is the client's mistake: one
        INFO line with the reason, not the document and a traceback at ERROR. Our own failures are
        logged as strawberry does, with the traceback (redacted, see :mod:`core.pii`)."""
        unexpected = [e for e in errors if _mask(e)]
        for error in errors:
            if not _mask(error):
                log.info("refused request: %s", error.message)
        super().process_errors(unexpected, execution_context)


def build_schema() -> strawberry.Schema:
    """The schema with its guards: token limit at parse time; repeated fields and fragment blow-ups
    refused before validation (:mod:`core.api.guards`, after strings and numbers no field can
    take, :mod:`core.api.inputs`); depth and alias limits during validation; pagination, node limit
    and the caller's budget of points before execution (:mod:`core.api.cost`)."""
    return AccreditSchema(
        query=Query,
        mutation=Mutation,
        types=[InstitutionType, ApplicationType, RecognitionType],
        extensions=[
            RequestOutcome,  # first, so that it sees the result last, as the client will
            GuardedParse,
            lambda: AddValidationRules(list(LIMIT_RULES)),
            IntrospectionSwitch,
            InputCheck,
            QueryShapeGuard,
            QueryCost,
            lambda: MaskErrors(
                should_mask_error=_mask, error_message="服务器内部错误 (internal error)"
            ),
            CloseRequestSession,
        ],
    )


schema = build_schema()
