"""A deployment that accepts only its registered documents (ACCREDIT_ALLOWED_DOCUMENTS): the web
console's documents pass, anything else is refused with DOCUMENT_NOT_ALLOWED before it runs."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.api.app import create_app
from tests.conftest import make_platform

CONSOLE_DOCUMENTS = Path(__file__).resolve().parents[1] / "console" / "src" / "graphql"


async def _post(gql, query: str, variables=None) -> dict:
    response = await gql.http.post("/graphql", json={"query": query, "variables": variables or {}})
    assert response.status_code == 200, response.text
    return response.json()


@pytest.mark.fast
async def test_only_the_registered_documents_run(client_for):
    gql = await client_for(
        allowed_documents="console"
    )  # the console's documents, as built into the package
    schemes = (CONSOLE_DOCUMENTS / "Schemes.graphql").read_text(encoding="utf-8")
    assert "errors" not in await _post(gql, schemes)

    for other in (
        "{ schemes { id } }",
        schemes + " ",
    ):  # a document of its own, or a registered one altered
        refused = await _post(gql, other)
        assert refused["data"] is None
        assert [e["extensions"]["code"] for e in refused["errors"]] == ["DOCUMENT_NOT_ALLOWED"]


def test_the_built_console_carries_every_document_it_sends():
    from core.api.persisted import CONSOLE_DOCUMENTS as BUILT

    assert sorted(p.name for p in BUILT.glob("*.graphql")) == sorted(
        p.name for p in CONSOLE_DOCUMENTS.glob("*.graphql")
    )
    assert all(
        (BUILT / p.name).read_bytes() == p.read_bytes() for p in CONSOLE_DOCUMENTS.glob("*.graphql")
    )


async def test_without_the_setting_any_document_runs(client_for):
    gql = await client_for()
    assert "errors" not in await _post(gql, "{ schemes { id } }")


def test_a_folder_without_documents_is_refused_at_start_up(tmp_path, migrated_template):
    platform = make_platform(
        f"sqlite+aiosqlite:///{tmp_path / 'x.db'}", [], allowed_documents=str(tmp_path / "missing")
    )
    with pytest.raises(
        ValueError, match="ACCREDIT_ALLOWED_DOCUMENTS: .*missing is not a folder of .graphql files"
    ):
        create_app(platform)
