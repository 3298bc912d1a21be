"""Personal data (身份证号, phone numbers): encrypted at rest, masked for roles that do not need it,
and never written to logs — checked against a full dump of the database and the captured logs."""

from __future__ import annotations

import datetime as dt
import json
import logging
from pathlib import Path

import pytest
from sqlalchemy import select, text

from core.db.models import Base
from core.pii import mask_value
from plugins.zj_evaluation_org import plugin
from tests.plugins.zj_evaluation_org_forms import OCCUPATION, ROUND, draft, form
from tests.support import documents as doc
from tests.support.helpers import create, register

FORM = "query($id: ID!) { application(id: $id) { form events { before after } } }"
CONTACTS = "query($id: ID!) { institution(id: $id) { contacts { name phone } } }"
MOBILE = "13957112345"


def _derived(data: dict) -> list:
    """What the identity numbers also tell (sex, age) in the staff and expert tables."""
    return [p["gender"] for p in data["staff"] + data["experts"]] + [
        p["age"] for p in data["staff"]
    ]


def _personal(data: dict) -> list[str]:
    """Every identity number and phone number in a zj filing form."""
    people = data["staff"] + data["experts"]
    return [p["id_number"] for p in people] + [data["head"]["phone"], data["contact"]["phone"]]


async def _dump(platform) -> str:
    """Every row of every table, as text (JSON columns included), plus the raw SQLite files."""
    parts = []
    async with platform.engine.connect() as conn:
        for table in Base.metadata.sorted_tables:
            for row in (await conn.execute(select(table))).all():
                parts.append(
                    json.dumps(
                        [str(v) if not isinstance(v, (dict, list)) else v for v in row],
                        ensure_ascii=False,
                        default=str,
                    )
                )
        if conn.dialect.name == "sqlite":
            path = Path((await conn.execute(text("PRAGMA database_list"))).all()[0][2])
            for file in (path, path.with_name(path.name + "-wal")):
                if file.exists():
                    parts.append(file.read_bytes().decode("latin-1"))
    return "\n".join(parts)


@pytest.mark.fast
async def test_personal_data_is_sealed_in_the_database_masked_by_role_and_kept_out_of_logs(
    client_for, caplog
):
    caplog.set_level(logging.DEBUG)
    gql = await client_for([plugin], today="2020-12-01")
    sent = form()
    secrets = _personal(sent)
    inst, app = await draft(gql)
    contact_holder = await register(
        gql, division="330106", contacts=[{"name": "王芳", "phone": MOBILE}]
    )

    own = (await gql(FORM, {"id": app["id"]}, role="applicant"))["application"]["form"]
    assert _personal(own) == secrets  # the applicant reads its own form in clear
    assert _derived(own) == _derived(sent)  # and what the number tells: sex and age
    reviewer = (await gql(FORM, {"id": app["id"]}, role="district_reviewer"))["application"]["form"]
    assert _personal(reviewer) == secrets and _derived(reviewer) == _derived(sent)
    for role in ("expert", "scheme_admin", "auditor"):
        seen = (await gql(FORM, {"id": app["id"]}, role=role))["application"]
        assert _personal(seen["form"]) == [mask_value(s) for s in secrets], role
        assert not any(s in json.dumps(seen, ensure_ascii=False) for s in secrets), role
        assert set(_derived(seen["form"])) == {"**"}, (
            role
        )  # sex and age would narrow the masked number down
        logged = [e["after"]["form"] for e in seen["events"] if "form" in (e["after"] or {})]
        assert logged or role == "expert", (
            role
        )  # the history (experts get none) shows the stored form, masked
        for stored in logged:
            assert _personal(stored) == [mask_value(s) for s in secrets] and set(
                _derived(stored)
            ) == {"**"}, role
    masked = _personal(seen["form"])[0]
    assert (
        masked == secrets[0][:3] + "*" * 13 + secrets[0][-2:]
    )  # neither area nor birth date nor sequence

    assert (await gql(CONTACTS, {"id": contact_holder["id"]}, role="applicant"))["institution"][
        "contacts"
    ][0]["phone"] == MOBILE
    assert (await gql(CONTACTS, {"id": contact_holder["id"]}, role="scheme_admin"))["institution"][
        "contacts"
    ][0]["phone"] == "139****2345"

    # malformed requests: the refusal of the first quotes the whole input (its identity numbers and a
    # phone), and it is logged
    bad = dict(sent, staff=[dict(sent["staff"][0], age="thirty")])
    await gql(
        doc.CREATE,
        {
            "input": {
                "institutionId": inst["id"],
                "schemeId": "zj_evaluation_org",
                "form": bad,
                "bogus": MOBILE,
            }
        },
        role="applicant",
        expect_errors=True,
    )
    await gql(
        f'{{ institutions(first: 1, filter: {{creditCode: "{secrets[0]}"}}) {{ nope }} }}',
        role="applicant",
        expect_errors=True,
    )

    dump = await _dump(gql.platform)
    for secret in [*secrets, MOBILE]:
        assert secret not in dump, f"{secret} stored in clear"
    logged = caplog.text + "\n".join(r.getMessage() for r in caplog.records)
    assert caplog.records, "nothing was logged: the log check would prove nothing"
    for secret in [*secrets, MOBILE]:
        assert secret not in logged, f"{secret} written to the log"
    assert "139****2345" in logged  # the logged refusal was redacted, not dropped


async def test_the_scan_run_after_every_test_finds_a_number_stored_in_clear(database_url):
    """The suite-wide check (tests/conftest.py) would notice: here a mobile typed into free text."""
    from sqlalchemy import insert

    from core.db import models
    from tests.conftest import make_platform
    from tests.support import pii_scan

    platform = make_platform(database_url, [])
    try:
        async with platform.writing() as session:
            await session.execute(
                insert(models.Institution).values(
                    name="某机构",
                    credit_code="91330106MA27U0PX5Y",
                    org_type="enterprise",
                    division_code="330106",
                    city_code="330100",
                    registered_on=dt.date(2015, 1, 1),
                    legal_representative="甲",
                    contacts=[{"name": "乙", "phone": platform.vault.seal(MOBILE)}],
                    address=f"文三路 90 号，电话 {MOBILE}",
                )
            )
        assert await pii_scan.in_database(platform.engine) == [
            f"institutions: {MOBILE}"
        ]  # the sealed one is not reported
    finally:
        await platform.close()


async def test_a_repeated_identity_number_is_refused_without_quoting_it(client_for):
    gql = await client_for([plugin], today="2020-12-01")
    inst = await register(gql, org_type="PRIVATE_NON_ENTERPRISE", registered_on="2010-01-01")
    sent = form()
    sent["staff"].append(dict(sent["staff"][0], name="重名"))
    payload = await create(
        gql, inst["id"], "zj_evaluation_org", sent, occupations=[OCCUPATION], roundId=ROUND
    )
    assert payload["application"] is None
    message = payload["errors"][0]["message"]
    assert f"第 {len(sent['staff'])} 行与第 1 行的身份证号码重复" in message
    assert (
        sent["staff"][0]["id_number"] not in message
        and mask_value(sent["staff"][0]["id_number"]) not in message
    )


def test_the_sqlite_database_is_created_readable_by_its_owner_only(tmp_path, monkeypatch):
    """It holds the sealed personal data beside everything else, as the secret file (0600) does."""
    import stat

    from core.cli import main

    monkeypatch.setenv("ACCREDIT_DATABASE_URL", f"sqlite+aiosqlite:///{tmp_path / 'accredit.db'}")
    assert main(["db", "upgrade"]) == 0
    assert stat.S_IMODE((tmp_path / "accredit.db").stat().st_mode) == 0o600
