"""Guards that refuse abusive GraphQL documents before they cost anything, each with a stable code.

graphql-core's validation grows with the square of fields sharing a response name in one
selection set (measured: 4,000 repeated fields, 24 KB, took 17.5 s to validate, blocking the
event loop). The token limit runs while parsing (:class:`GuardedParse`); repeated fields and
fragment blow-ups are refused *before* validation, in one walk over the document, which replaces
the validation step when it refuses (:class:`QueryShapeGuard`); depth and aliases are limited by
validation rules. Every refusal is an ordinary GraphQL error (HTTP 200, ``data: null``, as the
GraphQL-over-HTTP spec has it for ``application/json``) whose ``extensions.code`` says which limit,
and whose message names the limit and what the document had:

=====================  ======================================================================
``TOO_MANY_TOKENS``    more than :attr:`Limits.max_tokens` tokens (parsing stops there)
``REPEATED_FIELDS``    one response key more than :attr:`Limits.max_repeats` times in a selection set
``DOCUMENT_TOO_LARGE`` more than :attr:`Limits.max_selections` selections once fragments are expanded
``QUERY_TOO_DEEP``     nested deeper than :attr:`Limits.max_depth`
``TOO_MANY_ALIASES``   more than :attr:`Limits.max_aliases` aliases
``INTROSPECTION_DISABLED``  ``__schema`` or ``__type`` asked while ``ACCREDIT_INTROSPECTION`` is off
``DOCUMENT_NOT_ALLOWED``    not one of the documents ``ACCREDIT_ALLOWED_DOCUMENTS`` lists (:mod:`.persisted`)
=====================  ======================================================================

Other documents that cannot run keep graphql-core's message with a code too:
``GRAPHQL_PARSE_FAILED`` (not GraphQL) and ``GRAPHQL_VALIDATION_FAILED`` (not valid against the schema).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from graphql import (
    ASTValidationRule,
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    GraphQLSchema,
    GraphQLSyntaxError,
    InlineFragmentNode,
    NoSchemaIntrospectionCustomRule,
    OperationDefinitionNode,
    SelectionSetNode,
    ValidationContext,
    parse,
    validate,
)
from strawberry.extensions import SchemaExtension
from strawberry.extensions.max_aliases import create_validator as alias_rule
from strawberry.extensions.query_depth_limiter import create_validator as depth_rule

from core.api.persisted import DOCUMENT_NOT_ALLOWED, digest

TOO_MANY_TOKENS, REPEATED_FIELDS, DOCUMENT_TOO_LARGE = (
    "TOO_MANY_TOKENS",
    "REPEATED_FIELDS",
    "DOCUMENT_TOO_LARGE",
)
QUERY_TOO_DEEP, TOO_MANY_ALIASES = "QUERY_TOO_DEEP", "TOO_MANY_ALIASES"
INTROSPECTION_DISABLED = "INTROSPECTION_DISABLED"
PARSE_FAILED, VALIDATION_FAILED = "GRAPHQL_PARSE_FAILED", "GRAPHQL_VALIDATION_FAILED"


@dataclass(frozen=True)
class Limits:
    max_tokens: int = 3000  # while parsing
    max_repeats: int = 20  # the same response key within one selection set, fragments flattened
    max_selections: int = 5000  # selections visited, fragments expanded where used
    max_depth: int = 15
    max_aliases: int = 30


LIMITS = Limits()


def refusal(code: str, message: str, nodes=None) -> GraphQLError:
    return GraphQLError(message, nodes, extensions={"code": code})


# -- parsing ---------------------------------------------------------------------------------------

_parse = lru_cache(maxsize=256)(parse)


class GuardedParse(SchemaExtension):
    """Parse through a cache shared by every request, stopping at the token limit."""

    def __init__(self, limits: Limits = LIMITS):
        self.limits = limits

    def on_parse(self) -> Iterator[None]:
        context = self.execution_context
        if context.query:  # no query: strawberry answers that itself
            allowed = context.context.platform.allowed_documents
            if allowed is not None and digest(context.query) not in allowed:
                raise refusal(
                    DOCUMENT_NOT_ALLOWED,
                    "本服务只接受已登记的查询文档（ACCREDIT_ALLOWED_DOCUMENTS）；"
                    "This server accepts only its registered GraphQL documents.",
                )
            context.graphql_document = parse_document(context.query, self.limits)
        yield


def parse_document(query: str, limits: Limits = LIMITS) -> DocumentNode:
    try:
        return _parse(query, max_tokens=limits.max_tokens)
    except GraphQLSyntaxError as error:
        if f"more than {limits.max_tokens} tokens" in error.message:
            raise refusal(
                TOO_MANY_TOKENS,
                f"查询超过 {limits.max_tokens} 个词法单元（token）上限，请拆分查询；"
                f"The document has more than {limits.max_tokens} tokens.",
            ) from None
        raise GraphQLError(
            error.message,
            error.nodes,
            error.source,
            error.positions,
            extensions={"code": PARSE_FAILED},
        ) from None


# -- validation ------------------------------------------------------------------------------------


def _coded(rule: type[ASTValidationRule], code: str, message) -> type[ASTValidationRule]:
    """``rule`` (which reports while it is built) with its errors re-worded and given ``code``."""

    def coded(error: GraphQLError) -> GraphQLError:
        return refusal(code, message(error.message), error.nodes)

    class Coded(rule):  # type: ignore[misc, valid-type]
        def __init__(self, context: ValidationContext) -> None:
            report = context.report_error
            context.report_error = lambda error: report(coded(error))  # type: ignore[method-assign]
            try:
                super().__init__(context)
            finally:
                del context.report_error

        def report_error(self, error: GraphQLError) -> None:  # rules that report while visiting
            super().report_error(coded(error))

    return Coded


def _aliases(found: str) -> str:
    count = re.match(r"\d+", found)
    return (
        f"查询使用了 {count.group() if count else '过多'} 个别名，超过上限 {LIMITS.max_aliases}；"
        f"The document uses more than {LIMITS.max_aliases} aliases ({found})."
    )


LIMIT_RULES = (
    _coded(
        depth_rule(LIMITS.max_depth, should_ignore=None),
        QUERY_TOO_DEEP,
        lambda _: (
            f"查询嵌套超过 {LIMITS.max_depth} 层上限，请减少嵌套；The operation is nested deeper than {LIMITS.max_depth} levels."
        ),
    ),
    _coded(alias_rule(LIMITS.max_aliases), TOO_MANY_ALIASES, _aliases),
)
"""Built once, so validation results are cached across requests (the rules are part of the key)."""

NO_INTROSPECTION = _coded(
    NoSchemaIntrospectionCustomRule,
    INTROSPECTION_DISABLED,
    lambda found: f"本服务已关闭内省查询；GraphQL introspection is disabled here ({found})",
)


class QueryShapeGuard(SchemaExtension):
    """Refuse repeated fields and fragment blow-ups, else validate (with a cache of results)."""

    def __init__(self, limits: Limits = LIMITS, cache_size: int = 256):
        self.limits = limits
        self.validate = _cached_validation(cache_size)

    def on_validate(self) -> Iterator[None]:
        context = self.execution_context
        if context.pre_execution_errors:  # already refused (core.api.inputs): nothing to validate
            yield
            return
        problem = shape_problem(context.graphql_document, self.limits)
        if problem:
            context.pre_execution_errors = [problem]
        else:
            context.pre_execution_errors = self.validate(
                context.schema._schema, context.graphql_document, tuple(context.validation_rules)
            )
        yield


@lru_cache(maxsize=8)
def _cached_validation(size: int):
    @lru_cache(maxsize=size)
    def run(schema: GraphQLSchema, document: DocumentNode, rules: tuple) -> list[GraphQLError]:
        return [
            error
            if (error.extensions or {}).get("code")
            else GraphQLError(error.message, error.nodes, extensions={"code": VALIDATION_FAILED})
            for error in validate(schema, document, rules)
        ]

    return run


class _TooLarge(Exception):
    pass


def shape_problem(document: DocumentNode, limits: Limits = LIMITS) -> GraphQLError | None:
    """The first repeated field or fragment blow-up of ``document``, as a coded refusal."""
    fragments = {
        d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)
    }
    visited = 0

    def keys(
        selection_set: SelectionSetNode, path: frozenset[str]
    ) -> Iterator[tuple[str, SelectionSetNode | None]]:
        nonlocal visited
        for selection in selection_set.selections:
            visited += 1
            if visited > limits.max_selections:
                raise _TooLarge
            if isinstance(selection, FieldNode):
                yield (selection.alias or selection.name).value, selection.selection_set
            elif isinstance(selection, InlineFragmentNode):
                yield from keys(selection.selection_set, path)
            elif isinstance(selection, FragmentSpreadNode):
                name = selection.name.value
                if name in fragments and name not in path:  # a cycle is validation's to report
                    yield from keys(fragments[name].selection_set, path | {name})

    def check(selection_set: SelectionSetNode, path: frozenset[str]) -> GraphQLError | None:
        found = list(keys(selection_set, path))
        key, count = Counter(k for k, _ in found).most_common(1)[0] if found else ("", 0)
        if count > limits.max_repeats:
            return refusal(
                REPEATED_FIELDS,
                f"查询中字段 {key!r} 在同一层级重复 {count} 次，超过上限 {limits.max_repeats}；"
                f"The field {key!r} is selected {count} times in one selection set "
                f"(at most {limits.max_repeats}).",
                [selection_set],
            )
        for _, child in found:
            if child is not None and (problem := check(child, path)):
                return problem
        return None

    try:
        for definition in document.definitions:
            if isinstance(definition, OperationDefinitionNode) and (
                problem := check(definition.selection_set, frozenset())
            ):
                return problem
    except _TooLarge:
        return refusal(
            DOCUMENT_TOO_LARGE,
            f"查询展开片段后超过 {limits.max_selections} 个选择项，请拆分查询；"
            f"The document has more than {limits.max_selections} selections once its fragments are expanded.",
        )
    except RecursionError:
        return refusal(
            QUERY_TOO_DEEP, "查询嵌套过深，请减少嵌套；The operation is nested too deeply."
        )
    return None
