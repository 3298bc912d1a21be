"""Every GraphQL document the web console sends is a file under console/src/graphql, holds one
operation named as its file (so a deployment can allow exactly these documents), and is valid
against the committed schema.graphql: a change to the schema that breaks the console fails here."""

from __future__ import annotations

from pathlib import Path

import pytest
from graphql import OperationDefinitionNode, build_schema, parse, validate

pytestmark = pytest.mark.fast  # no database, cheap: the whole module runs in the edit-test loop

ROOT = Path(__file__).resolve().parents[1]
DOCUMENTS = sorted((ROOT / "console" / "src" / "graphql").glob("*.graphql"))
SCHEMA = build_schema((ROOT / "schema.graphql").read_text(encoding="utf-8"))


def test_the_console_has_its_documents_and_sends_each_of_them():
    assert {"Login", "Schemes", "CreateApplication", "Evaluate", "PublicRegister"} <= {
        d.stem for d in DOCUMENTS
    }
    code = "\n".join(
        path.read_text(encoding="utf-8") for path in (ROOT / "console" / "src").rglob("*.js*")
    )
    assert [
        d.stem for d in DOCUMENTS if f"'{d.stem}'" not in code
    ] == []  # request('Name', …): none left unused


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.stem)
def test_document_is_one_named_operation_valid_against_the_schema(path: Path):
    document = parse(path.read_text(encoding="utf-8"))
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    assert [op.name.value if op.name else None for op in operations] == [path.stem]
    assert validate(SCHEMA, document) == []
