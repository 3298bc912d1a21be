"""README.md runs verbatim: every GraphQL document in it answers without errors against the demo
data (loaded in-process as ``accredit serve --demo`` loads it: every installed plugin's examples
and one account per role), its example mutation succeeds, and every shell command runs against
the same database. A shell block that cannot run here says why in a ``readme-test: not run``
comment just above it (installing, serving, a PostgreSQL server)."""

from __future__ import annotations

import asyncio
import re
import shlex
from pathlib import Path

import pytest

from core.cli import main
from core.demo import create_demo_accounts, load_demo
from tests.conftest import TEST_SECRET

README = Path(__file__).resolve().parent.parent / "README.md"
BLOCK = re.compile(r"^```(\w+)\n(.*?)^```", re.S | re.M)
NOT_RUN = re.compile(r"<!-- readme-test: not run \((.+?)\) -->")
READER = "demo.district_reviewer"
PASSWORD = "Readme-test password 2026"


def blocks(language: str) -> list[str]:
    """The README's fenced blocks in ``language`` that are meant to run, in order."""
    text, found, previous_end = README.read_text(encoding="utf-8"), [], 0
    for match in BLOCK.finditer(text):
        between = text[previous_end : match.start()]
        previous_end = match.end()
        if match.group(1) == language and not NOT_RUN.search(between):
            found.append(match.group(2))
    return found


def variables_for(document: str, answers: dict, password: str) -> dict:
    """What the README tells a reader to pass: the demo account's login, then the application the
    example query shows in ``district_review`` (its id and version)."""
    if "login(" in document:
        return {"username": READER, "password": password}
    if "$id" in document:
        nodes = [e["node"] for e in answers["applications"]["edges"]]
        waiting = next(n for n in nodes if n["stageId"] == "district_review")
        return {"id": waiting["id"], "version": waiting["version"]}
    return {}


@pytest.mark.fast
async def test_the_readme_runs_verbatim_against_the_demo_data(client_for, monkeypatch, capsys):
    gql = await client_for(load_entrypoints=True)
    assert await load_demo(gql.platform) > 0
    password = await create_demo_accounts(gql.platform)

    # every GraphQL document answers without errors, and the example mutation takes effect
    documents = blocks("graphql")
    assert len(documents) >= 3 and any(d.lstrip().startswith("mutation($id") for d in documents)
    token, answers = None, {}
    for document in documents:
        data = await gql(
            document, variables_for(document, answers, password), token=token
        )  # no errors
        if "login" in data:
            assert data["login"]["errors"] == [] and data["login"]["token"]
            token = data["login"]["token"]
        elif (
            "awaitingRole" in document
        ):  # the work queue: what waits on the district (not drafts, not the recognised)
            names = {e["node"]["institution"]["name"] for e in data["applications"]["edges"]}
            assert names == {"杭州萧山软件人才学院", "杭州临安青山湖职业培训有限公司"}
        elif "applications" in data:
            answers = data
            assert data["applications"]["totalCount"] >= 2
            waiting = next(
                e["node"]
                for e in data["applications"]["edges"]
                if e["node"]["stageId"] == "district_review"
            )
            assert (
                next(a for a in waiting["availableActions"] if a["id"] == "district_approve")[
                    "allowed"
                ]
                is True
            )
        elif "applicationCounts" in data:  # the dashboard's queries
            assert (
                data["applicationCounts"] and data["quotaUsages"] == []
            )  # no zj filing in the demo
        else:
            payload = next(iter(data.values()))
            assert payload["errors"] == [], payload["errors"]
            assert payload["application"]["stageId"] != "district_review"

    # every shell command runs against the same database
    monkeypatch.setenv("ACCREDIT_DATABASE_URL", gql.platform.settings.database_url)
    monkeypatch.setenv("ACCREDIT_SECRET_KEY", TEST_SECRET)
    monkeypatch.setattr("getpass.getpass", lambda prompt="": PASSWORD)  # "asks for a password"
    commands = [
        line
        for block in blocks("sh")
        for line in block.splitlines()
        if shlex.split(line, comments=True)
    ]
    assert len(commands) >= 10
    for line in commands:
        program, *argv = shlex.split(line, comments=True)
        assert program == "accredit", f"README shell line is not an accredit command: {line}"
        status = await asyncio.to_thread(main, argv)
        assert status == 0, (line, capsys.readouterr().err)
