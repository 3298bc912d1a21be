"""What the schema-driven fuzz runs share: the committed schema, strategies for its custom scalars
(as document literals for hypothesis-graphql) and for hostile variable values, and the check every
answer must pass."""

from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Any

import graphql
from hypothesis import strategies as st

SDL = (Path(__file__).parents[2] / "schema.graphql").read_text(encoding="utf-8")
SCHEMA = graphql.build_schema(SDL)
ROOT_FIELDS = [
    (name, field)
    for root in (SCHEMA.query_type, SCHEMA.mutation_type)
    for name, field in root.fields.items()
]
LEAKS = (
    "Traceback",
    'File "',
    "sqlalchemy",
    "SELECT ",
    "INSERT ",
    "asyncpg",
    "sqlite3",
    ".py",
    "/work/",
    "site-packages",
)
RAW_IDS = [
    f"{t}:{n}"
    for t in ("Institution", "Application", "Recognition", "Nothing")
    for n in (1, 2, 3, 99999, -1)
]


# -- literals in the document (hypothesis-graphql's custom scalars) --------------------------------


def _string(value: str) -> graphql.StringValueNode:
    return graphql.StringValueNode(value=value)


def global_ids() -> st.SearchStrategy[str]:
    """Global IDs of objects that exist, of ones that do not, and garbage."""
    encoded = st.sampled_from(RAW_IDS).map(lambda raw: base64.b64encode(raw.encode()).decode())
    return st.one_of(encoded, st.text(max_size=30))


def _json_literal() -> st.SearchStrategy:
    leaves = st.one_of(
        st.integers(-(10**6), 10**6).map(lambda i: graphql.IntValueNode(value=str(i))),
        st.sampled_from(["1e999", "-1e400", "1.5"]).map(lambda f: graphql.FloatValueNode(value=f)),
        st.text(max_size=20).map(_string),
        st.booleans().map(lambda b: graphql.BooleanValueNode(value=b)),
        st.just(graphql.NullValueNode()),
    )
    return st.recursive(
        leaves,
        lambda inner: st.one_of(
            st.lists(inner, max_size=4).map(
                lambda items: graphql.ListValueNode(values=tuple(items))
            ),
            st.dictionaries(
                st.sampled_from(["trainees", "staff", "id_number", "name", "phone", "x"]),
                inner,
                max_size=4,
            ).map(
                lambda d: graphql.ObjectValueNode(
                    fields=tuple(
                        graphql.ObjectFieldNode(name=graphql.NameNode(value=k), value=v)
                        for k, v in d.items()
                    )
                )
            ),
        ),
        max_leaves=12,
    )


SCALARS = {
    "JSON": _json_literal(),
    "Date": st.one_of(
        st.dates().map(lambda d: _string(d.isoformat())), st.text(max_size=12).map(_string)
    ),
    "DateTime": st.one_of(
        st.datetimes().map(lambda d: _string(d.isoformat())), st.text(max_size=12).map(_string)
    ),
    "ID": global_ids().map(_string),
}


# -- hostile values for variables ------------------------------------------------------------------

OVERFLOW = object()
"""Stands for the number ``1e999`` (infinity once parsed), which ``json.dumps`` cannot write."""
_OVERFLOW_MARK = "\x01overflow\x01"

HOSTILE_TEXT = st.one_of(
    st.text(
        st.characters(codec=None, categories=["Cs", "Cc"]), min_size=1, max_size=3
    ),  # lone surrogates, NUL
    st.sampled_from(["\ud800", "名\x00称", "\udfff尾", "x" * 2500]),
)
HOSTILE_NUMBER = st.one_of(
    st.sampled_from([float("nan"), float("inf"), -float("inf"), OVERFLOW]),
    st.sampled_from([2**31, 2**63, -(2**63) - 1, 10**40]),
)


def mostly(usual: st.SearchStrategy, hostile: st.SearchStrategy) -> st.SearchStrategy:
    """One value in six hostile, so that an operation with several leaves still often gets through."""
    return st.one_of(*[usual] * 5, hostile)


TEXT = mostly(st.text(max_size=12), HOSTILE_TEXT)
FLOAT = mostly(st.floats(-1e6, 1e6), HOSTILE_NUMBER)
INT = mostly(st.integers(-5, 120), HOSTILE_NUMBER)


def nested(depth: int, leaf: Any = 1) -> Any:
    for _ in range(depth):
        leaf = [leaf]
    return leaf


JSON = st.recursive(
    st.one_of(TEXT, FLOAT, INT, st.booleans(), st.none()),
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(TEXT, inner, max_size=3)),
    max_leaves=8,
) | st.integers(20, 60).map(nested)  # deeper than any form: refused whole above 32 levels
LEAF = st.one_of(TEXT, FLOAT, INT, HOSTILE_TEXT, HOSTILE_NUMBER, st.integers(20, 40).map(nested))


@st.composite
def mutated(draw, form: dict) -> dict:
    """``form`` (a worked example) with one value replaced: something else, something hostile, or
    a deep nesting."""
    paths, stack = [], [((), form)]
    while stack:
        path, value = stack.pop()
        items = (
            value.items()
            if isinstance(value, dict)
            else enumerate(value)
            if isinstance(value, list)
            else ()
        )
        stack.extend(((*path, key), item) for key, item in items)
        paths.append(path)
    target = draw(st.sampled_from([p for p in paths if p]))
    copy = json.loads(json.dumps(form, default=str))
    holder = copy
    for key in target[:-1]:
        holder = holder[key]
    holder[target[-1]] = draw(LEAF)
    return copy


def encode(body: dict) -> str:
    """The request body as a client's JSON encoder could write it: ``\\uXXXX`` escapes (lone
    surrogates included), ``NaN``/``Infinity`` as Python writes them, and ``1e999`` for OVERFLOW."""
    text = json.dumps(
        body, default=lambda value: _OVERFLOW_MARK if value is OVERFLOW else str(value)
    )
    return text.replace(json.dumps(_OVERFLOW_MARK), "1e999")


# -- what every answer must be ---------------------------------------------------------------------


def strict_json(text: str) -> Any:
    """JSON as any standard parser reads it: ``NaN`` and ``Infinity`` are not JSON."""

    def refuse(constant: str) -> Any:
        raise ValueError(f"not JSON: {constant}")

    return json.loads(text, parse_constant=refuse)


def check(status: int, text: str, sent: str) -> None:
    """No server error and no leak: 200 (data or typed errors), or 400/413 with a coded error."""
    assert status in (200, 400, 413), f"HTTP {status} for {sent[:300]!r}: {text[:500]}"
    body = strict_json(text)
    if status != 200:
        assert body["errors"][0]["extensions"]["code"], body
    for error in body.get("errors") or ():
        message = error.get("message", "")
        assert "internal error" not in message, f"server error for {sent[:300]!r}"
        assert not any(leak in message for leak in LEAKS), (
            f"unmasked error {message!r} for {sent[:300]!r}"
        )
        assert "stacktrace" not in json.dumps(error.get("extensions") or {}), error
