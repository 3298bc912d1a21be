"""What a query may cost: pagination required, a node limit and a budget of points per caller.

Modelled on GitHub's GraphQL API ("Rate limits and node limits for the GraphQL API"). After the
document has been validated and before anything is executed, :class:`QueryCost` estimates the
operation that is about to run (``operationName`` honoured, fragments expanded, ``first`` read from
literals or variables; ``@skip``/``@include`` are ignored, i.e. the worst case is assumed):

- **Pagination.** Every connection (a field whose type's name ends in ``Connection``) must be given
  ``first`` between 1 and 100, else ``PAGINATION_REQUIRED``.
- **Nodes.** A connection contributes ``first`` × the sizes of the lists enclosing it. A plain list
  read from the database is not paginated and counts as :data:`ASSUMED_LIST_SIZE` items per parent
  item; ``ranking(first:)`` counts as its ``first``. What a plain list multiplies depends on where
  it can lead (:func:`leads_to_entities`):

  - a list of **entities**, whose items lead back into the graph (an institution's applications,
    each with its institution and that institution's applications …), multiplies everything nested
    in it, like a connection: this is where nesting explodes, and where it is refused;
  - a list of **records** owned by their entity (an application's criterion results, reviews and
    events; a review's judgments), which leads to no further entity list, is loaded for every
    parent by one dataloader statement; it counts its items per enclosing entity item, and record
    lists nested in it are counted per that entity too, not multiplied by the assumed size of the
    list around them (an application's judgments are its judgments, however its reviews divide them).

  More than ``settings.query_max_nodes`` is refused: ``QUERY_TOO_COSTLY``.
- **Points.** GitHub's formula: the requests needed to fetch every list (one for a list at the top,
  one per parent item below it; a record list nested in records, one per enclosing entity item),
  divided by 100 and rounded half up, at least 1. In this schema connections exist only on
  ``Query``, so the plain database lists are counted as requests too; otherwise every query would
  cost 1. A mutation costs :data:`MUTATION_COST` (logins nothing: :data:`SELF_PRICED_MUTATIONS`). Introspection (``__schema``, ``__type``) adds
  nothing: alone it costs the minimum, 1.
- **Budget.** Each caller (:func:`budget_key`) may spend ``settings.query_budget_points`` points per
  window of ``settings.query_budget_window_s`` seconds, a fixed window aligned on the clock, the
  same in every worker (resetting like GitHub's ``resetAt``). A request the remaining points cannot pay
  is refused, ``RATE_LIMITED``, and nothing runs; refused requests are not charged.

Refusals are ordinary GraphQL errors (HTTP 200, ``data: null``) raised as :class:`GraphQLError`,
which error masking keeps. A request that ran answers with ``extensions.cost = {"requested",
"nodes", "remaining", "resetAt"}``.

The budget (:mod:`core.budgets`) lives on the :class:`~core.platform.Platform`, and every worker
adds what it charged to the totals in the database and reads back the others' each
``settings.budget_sync_s`` seconds, so N workers hold a caller to one budget (overrun by at most
what the others admit within one synchronisation). Charging needs no lock: checking and charging
happen with no ``await`` in between, so under asyncio no other request interleaves.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache

from graphql import (
    ExecutionResult,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    GraphQLField,
    GraphQLInt,
    GraphQLNamedType,
    GraphQLSchema,
    InlineFragmentNode,
    OperationDefinitionNode,
    OperationType,
    SelectionSetNode,
    VariableNode,
    get_named_type,
    get_nullable_type,
    is_abstract_type,
    is_composite_type,
    is_list_type,
    is_object_type,
    value_from_ast,
)
from graphql.execution.values import get_variable_values
from graphql.utilities import get_operation_ast
from strawberry.extensions import SchemaExtension

from core.api.types.common import MAX_PAGE

ASSUMED_LIST_SIZE = 20
"""Items assumed in a plain, unpaginated list read from the database (an institution's applications
and recognitions; an application's events, reviews and criterion results; a review's judgments).
20 is the connections' default page and a little above a scheme's usual count of criteria, so it
is the typical size of such a list; it is an estimate, not a bound (an old institution may hold
more), which is why these lists also count as requests."""

DEFAULT_FIRST = 20
"""``first`` of a plain list taking one (``ranking``) when it is not given: its resolver's default."""

MUTATION_COST = 5
"""Points one mutation costs, whatever it selects (GitHub charges mutations more than queries)."""

SELF_PRICED_MUTATIONS = frozenset({"login"})
"""Mutations priced by a limiter of their own, not from the query budget: logins
(:mod:`core.identity.throttle`), so a caller who spent its address's budget can still log in. A
mutation selecting only these costs nothing here."""

REQUESTS_PER_POINT = 100
"""GitHub's divisor: a point pays for 100 list fetches."""

CONFIGURATION_TYPES = frozenset(
    {
        "Scheme",
        "ApplicationKind",
        "Stage",
        "Transition",
        "Criterion",
        "Round",
        "QuotaRule",
        "Parameter",
        "ParameterValue",
        "PluginInfo",
        "QuotaUsage",
        "UserError",
        "Scope",
        "Contact",
        "JudgmentRequirement",
        "TimeInStage",
    }
)
"""Types whose lists are bounded by what the plugins declare (schemes, workflows, criteria, …), by
the request itself (a payload's errors, the caller's scopes) or by their row (an institution's
contacts, kept in one column), and held in memory: a list of them is no database fetch and counts
no nodes. Their fields are still walked, multiplied by :data:`ASSUMED_LIST_SIZE`,
so a database list added beneath one would still be counted. A list of any other type of object
counts as an unbounded database list: an unknown new list is over-counted, never missed."""

INTROSPECTION_FIELDS = frozenset({"__schema", "__type"})

PAGINATION_REQUIRED, QUERY_TOO_COSTLY, RATE_LIMITED = (
    "PAGINATION_REQUIRED",
    "QUERY_TOO_COSTLY",
    "RATE_LIMITED",
)


@dataclass(frozen=True)
class Estimate:
    nodes: int  # objects the response may hold (connections' pages and database lists)
    requests: int  # list fetches needed, GitHub-style (one per parent item)
    points: int  # what the request is charged
    problems: tuple[GraphQLError, ...]  # PAGINATION_REQUIRED errors, one per offending connection


def estimate(
    schema: GraphQLSchema,
    operation: OperationDefinitionNode,
    fragments: dict[str, FragmentDefinitionNode],
    variables: dict[str, object],
) -> Estimate:
    """Nodes, requests and points of ``operation`` (validated) with its coerced ``variables``."""
    root = {
        OperationType.QUERY: schema.query_type,
        OperationType.MUTATION: schema.mutation_type,
        OperationType.SUBSCRIPTION: schema.subscription_type,
    }[operation.operation]
    walk = _Walk(schema, fragments, variables)
    nodes, requests = walk.selections(operation.selection_set, root, frozenset())
    if operation.operation is OperationType.MUTATION:
        points = (
            0
            if _root_fields(operation.selection_set, fragments) <= SELF_PRICED_MUTATIONS
            else MUTATION_COST
        )
    else:
        points = max(1, (requests + REQUESTS_PER_POINT // 2) // REQUESTS_PER_POINT)
    return Estimate(nodes, requests, points, tuple(walk.problems))


def _root_fields(
    selection_set: SelectionSetNode,
    fragments: dict[str, FragmentDefinitionNode],
    seen: frozenset[str] = frozenset(),
) -> set[str]:
    """Names of the fields an operation selects at its root, through fragments (``__typename`` aside)."""
    names: set[str] = set()
    for selection in selection_set.selections:
        if isinstance(selection, FieldNode):
            names |= {selection.name.value} - {"__typename"}
        elif isinstance(selection, InlineFragmentNode):
            names |= _root_fields(selection.selection_set, fragments, seen)
        elif (
            isinstance(selection, FragmentSpreadNode)
            and selection.name.value in fragments.keys() - seen
        ):
            names |= _root_fields(
                fragments[selection.name.value].selection_set,
                fragments,
                seen | {selection.name.value},
            )
    return names


class _Walk:
    """Sums (nodes, requests) over a selection set, at a multiplier of 1.

    Both figures are linear in the size of the enclosing lists, so a selection set is costed once
    and scaled by its parent; fragments are costed once each (memoised by name), which keeps the
    walk linear in the document even where fragments are spread many times.
    """

    def __init__(
        self,
        schema: GraphQLSchema,
        fragments: dict[str, FragmentDefinitionNode],
        variables: dict[str, object],
    ):
        self.schema, self.fragments, self.variables = schema, fragments, variables
        self.problems: list[GraphQLError] = []
        self.memo: dict[str, tuple[int, int]] = {}

    def selections(
        self, selection_set: SelectionSetNode | None, parent, seen: frozenset[str]
    ) -> tuple[int, int]:
        nodes = requests = 0
        if selection_set is None:
            return 0, 0
        for selection in selection_set.selections:
            if isinstance(selection, FieldNode):
                n, r = self.field(selection, parent, seen)
            elif isinstance(selection, InlineFragmentNode):
                condition = selection.type_condition
                target = self._type(condition.name.value, parent) if condition else parent
                n, r = self.selections(selection.selection_set, target, seen)
            elif isinstance(selection, FragmentSpreadNode):
                n, r = self.fragment(selection.name.value, parent, seen)
            else:  # pragma: no cover - graphql-core has no other selection kinds
                continue
            nodes, requests = nodes + n, requests + r
        return nodes, requests

    def fragment(self, name: str, parent, seen: frozenset[str]) -> tuple[int, int]:
        if name in self.memo:
            return self.memo[name]
        definition = self.fragments.get(name)
        if definition is None or name in seen:  # unknown or cyclic: validation reports those
            return 0, 0
        target = self._type(definition.type_condition.name.value, parent)
        self.memo[name] = self.selections(definition.selection_set, target, seen | {name})
        return self.memo[name]

    def field(self, node: FieldNode, parent, seen: frozenset[str]) -> tuple[int, int]:
        name = node.name.value
        if name == "__typename" or name in INTROSPECTION_FIELDS:
            return 0, 0  # introspection is exempt: it costs the minimum
        definition: GraphQLField | None = getattr(parent, "fields", {}).get(name)
        if definition is None:
            return 0, 0
        named = get_named_type(definition.type)
        n, r = (
            self.selections(node.selection_set, named, seen) if is_composite_type(named) else (0, 0)
        )
        if named.name.endswith("Connection"):
            size = self._connection_first(node, definition)
            return size + size * n, 1 + size * r
        if not (is_list_type(get_nullable_type(definition.type)) and is_composite_type(named)):
            return n, r  # one object (or scalars): its own fields count
        if "first" in definition.args:  # a plain list bounded by its argument (ranking)
            first = self._first(node, definition)
            size = DEFAULT_FIRST if first is None else max(0, first)
            return size + size * n, 1 + size * r
        if parent.name.endswith("Connection"):  # a connection's edges: its page, already counted
            return n, r
        if named.name in CONFIGURATION_TYPES:
            return ASSUMED_LIST_SIZE * n, ASSUMED_LIST_SIZE * r
        if leads_to_entities(self.schema, named):
            return ASSUMED_LIST_SIZE * (1 + n), 1 + ASSUMED_LIST_SIZE * r
        return ASSUMED_LIST_SIZE + n, 1 + r  # records: what is nested counts per enclosing entity

    def _connection_first(self, node: FieldNode, definition: GraphQLField) -> int:
        first, name = self._first(node, definition), node.name.value
        if first is None:
            self._refuse(
                node,
                f"连接字段 {name} 须提供 first 参数（1–{MAX_PAGE}）；"
                f"You must provide a `first` value (1–{MAX_PAGE}) to paginate the `{name}` connection.",
            )
            return 0
        if not 1 <= first <= MAX_PAGE:
            self._refuse(
                node,
                f"连接字段 {name} 的 first 为 {first}，应在 1 到 {MAX_PAGE} 之间；"
                f"Requesting {first} records on the `{name}` connection is outside the `first` "
                f"range of 1–{MAX_PAGE} records.",
            )
            return 0
        return first

    def _first(self, node: FieldNode, definition: GraphQLField) -> int | None:
        argument = next((a for a in node.arguments or () if a.name.value == "first"), None)
        if argument is None:
            value = definition.args["first"].default_value
        elif isinstance(argument.value, VariableNode):
            value = self.variables.get(argument.value.name.value)
        else:
            value = value_from_ast(argument.value, GraphQLInt)
        return value if isinstance(value, int) and not isinstance(value, bool) else None

    def _refuse(self, node: FieldNode, message: str) -> None:
        self.problems.append(
            GraphQLError(message, nodes=[node], extensions={"code": PAGINATION_REQUIRED})
        )

    def _type(self, name: str, parent):
        return self.schema.get_type(name) or parent


def leads_to_entities(schema: GraphQLSchema, named: GraphQLNamedType) -> bool:
    """Whether a selection of ``named`` can reach a connection or a list of entities (types
    implementing ``Node``) through its fields, single objects and lists alike: then a list of it
    multiplies what is nested in it. Configuration types lead nowhere (they are held in memory)."""
    return _reach(schema)(named.name)


@lru_cache(maxsize=8)
def _reach(schema: GraphQLSchema):
    node = schema.get_type("Node")

    def entities(name: str) -> bool:
        t = schema.get_type(name)
        return node is not None and is_object_type(t) and node in t.interfaces

    @cache
    def reach(name: str, visiting: frozenset[str] = frozenset()) -> bool:
        t = schema.get_type(name)
        if name in CONFIGURATION_TYPES or name in visiting or not is_composite_type(t):
            return False
        if is_abstract_type(t):
            return any(reach(p.name, visiting | {name}) for p in schema.get_possible_types(t))
        for field_name, field in t.fields.items():
            child = get_named_type(field.type)
            if field_name.startswith("__") or not is_composite_type(child):
                continue
            if child.name.endswith("Connection") or (
                is_list_type(get_nullable_type(field.type)) and entities(child.name)
            ):
                return True
            if reach(child.name, visiting | {name}):
                return True
        return False

    return lambda name: entities(name) or reach(name)


def _operation(
    execution_context,
) -> tuple[OperationDefinitionNode, dict[str, FragmentDefinitionNode]] | None:
    document = execution_context.graphql_document
    # the name strawberry hands to execution: the one requested, else the first operation's
    operation = get_operation_ast(document, execution_context.operation_name)
    if operation is None:
        return None  # no such operation: execution refuses it and runs nothing
    fragments = {
        d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)
    }
    return operation, fragments


def budget_key(context) -> str:
    """Who pays: the account when there is one, else the actor's name, else the anonymous caller's
    address (``anonymous@<address>``). One place, so what identifies a caller can change."""
    if context.actor.user_id is not None:
        return f"user#{context.actor.user_id}"
    if context.actor.name != "anonymous":
        return context.actor.name
    return f"anonymous@{context.client}"


class QueryCost(SchemaExtension):
    """Refuses unpaginated, too large or unaffordable operations before execution; reports the cost."""

    def __init__(self) -> None:
        self.cost: dict[str, object] | None = None

    def on_execute(self) -> Iterator[None]:
        execution_context = self.execution_context
        errors = self._admit(execution_context)
        if errors:
            execution_context.result = ExecutionResult(
                data=None, errors=errors
            )  # execution is skipped
        yield

    def get_results(self) -> dict[str, object]:
        return {"cost": self.cost} if self.cost is not None else {}

    def _admit(self, execution_context) -> list[GraphQLError]:
        found = _operation(execution_context)
        if found is None:
            return []
        operation, fragments = found
        schema: GraphQLSchema = execution_context.schema._schema
        variables = get_variable_values(
            schema, operation.variable_definitions or (), execution_context.variables or {}
        )
        if isinstance(variables, list):
            return []  # invalid variables: execution reports them and runs nothing
        cost = estimate(schema, operation, fragments, variables.coerced)
        if cost.problems:
            return list(cost.problems)
        context = execution_context.context
        settings = context.platform.settings
        if cost.nodes > settings.query_max_nodes:
            return [
                GraphQLError(
                    f"查询预计返回至多 {cost.nodes:,} 个节点，超过上限 {settings.query_max_nodes:,}，请减小 first 或拆分查询；"
                    f"This query requests up to {cost.nodes:,} possible nodes which exceeds the maximum limit of "
                    f"{settings.query_max_nodes:,}.",
                    extensions={
                        "code": QUERY_TOO_COSTLY,
                        "nodes": cost.nodes,
                        "limit": settings.query_max_nodes,
                    },
                )
            ]
        charge = context.platform.query_budgets.charge(budget_key(context), cost.points)
        if not charge.paid:
            return [
                GraphQLError(
                    f"查询额度不足：本次需 {cost.points} 点，剩余 {charge.remaining} 点，额度于 {charge.reset_iso} 重置；"
                    f"API rate limit exceeded: this request costs {cost.points} point{'s' * (cost.points != 1)}, {charge.remaining} remain "
                    f"until the budget resets at {charge.reset_iso}.",
                    extensions={
                        "code": RATE_LIMITED,
                        "requested": cost.points,
                        "remaining": charge.remaining,
                        "resetAt": charge.reset_iso,
                    },
                )
            ]
        self.cost = {
            "requested": cost.points,
            "nodes": cost.nodes,
            "remaining": charge.remaining,
            "resetAt": charge.reset_iso,
        }
        return []
