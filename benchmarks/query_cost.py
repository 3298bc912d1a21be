"""How long the cost estimate (core/api/cost.py) takes on the largest documents the endpoint accepts.

    python benchmarks/query_cost.py [--runs 200]

Prints, for each document, its tokens, the estimate (nodes, requests, points), the median time of
``estimate()`` alone beside graphql-core's full validation of the same document for scale, and what
the endpoint would answer (the shape guard, the node limit, or served).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from graphql import FragmentDefinitionNode, Lexer, Source, TokenKind, parse, validate

from core.api.cost import estimate
from core.api.guards import LIMIT_RULES, LIMITS, shape_problem
from core.api.schema import schema
from core.settings import Settings

MAX_NODES = Settings.model_fields["query_max_nodes"].default
MAX_TOKENS = LIMITS.max_tokens

APPLICATION = (
    "id databaseId schemeId kind stageId status version score grade occupations form "
    "stage { id title role } availableActions { id title role } recognition { id status banUntil } "
    "evaluation { plugin pluginVersion schemeVersion evaluatedOn total maximum passed grade lines } "
    "criterionResults { criterionId citation kind mode outcome rule values points maxPoints } "
    "reviews { reviewer role comment judgments { criterionId passed points } } events { action actor role } "
    "institution { name creditCode recognitions { status title } }"
)


def widest(limit: int) -> str:
    """Up to 30 aliased connections (the alias limit), each one page of applications with nested
    lists, as many as fit under the token limit."""
    blocks: list[str] = []
    for n in range(30):
        block = f"a{n}: applications(first: 1) {{ totalCount edges {{ cursor node {{ {APPLICATION} }} }} }}"
        if tokens("{ " + " ".join([*blocks, block]) + " }") > limit:
            break
        blocks.append(block)
    return "{ " + " ".join(blocks) + " }"


def fragment_chain(depth: int = 12) -> str:
    """Each fragment spreads the next twice: 2^depth expansions for a walk without memoisation
    (the endpoint's shape guard refuses it first; the estimate must not depend on that)."""
    chain = " ".join(
        f"fragment F{i} on Application {{ id ...F{i + 1} ...F{i + 1} }}" for i in range(depth)
    )
    return (
        "{ applications(first: 10) { edges { node { ...F0 } } } } "
        + chain
        + f" fragment F{depth} on Application {{ reviews {{ reviewer }} }}"
    )


def tokens(document: str) -> int:
    lexer, count = Lexer(Source(document)), 0
    while lexer.advance().kind is not TokenKind.EOF:
        count += 1
    return count


def median_ms(run, runs: int) -> float:
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        run()
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=200)
    args = parser.parse_args()
    graphql_schema = schema._schema
    print(f"token limit {MAX_TOKENS}; median of {args.runs} runs")
    print(
        f"{'document':<26}{'tokens':>8}{'nodes':>14}{'requests':>12}{'points':>8}{'estimate ms':>13}{'validate ms':>13}  answer"
    )
    for name, document in (
        ("30 aliased connections", widest(MAX_TOKENS)),
        ("fragment chain, 2^12 uses", fragment_chain()),
    ):
        parsed = parse(document, max_tokens=MAX_TOKENS)
        guarded = shape_problem(parsed) or validate(graphql_schema, parsed, LIMIT_RULES)
        operation = parsed.definitions[0]
        fragments = {
            d.name.value: d for d in parsed.definitions if isinstance(d, FragmentDefinitionNode)
        }
        result = estimate(graphql_schema, operation, fragments, {})
        verdict = (
            "shape guard"
            if guarded
            else "QUERY_TOO_COSTLY"
            if result.nodes > MAX_NODES
            else "served"
        )
        cost_ms = median_ms(lambda: estimate(graphql_schema, operation, fragments, {}), args.runs)
        validate_ms = median_ms(lambda: validate(graphql_schema, parsed), max(1, args.runs // 10))
        print(
            f"{name:<26}{tokens(document):>8}{result.nodes:>14,}{result.requests:>12,}{result.points:>8}"
            f"{cost_ms:>13.3f}{validate_ms:>13.3f}  {verdict}"
        )


if __name__ == "__main__":
    main()
