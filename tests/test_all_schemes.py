"""Given one institution of 临安区, when it files under each of the five installed schemes (with
each plugin's own worked example form), then one query shows all its applications across schemes."""

from __future__ import annotations

import pytest

from core.roles import Role
from tests.support.helpers import create, register

FIVE = {
    "hz_outsourcing",
    "hz_crossborder",
    "hz_practical_base",
    "linan_training",
    "zj_evaluation_org",
}


async def test_one_institution_holds_applications_under_all_five_schemes(client_for):
    gql = await client_for(load_entrypoints=True)
    platform = gql.platform
    assert set(platform.registry.schemes) >= FIVE, sorted(platform.registry.schemes)
    inst = await register(
        gql, name="杭州临安综合职业培训学校有限公司", division="330112", registered_on="2012-05-01"
    )
    for scheme_id in sorted(FIVE):
        entry = platform.registry.scheme(scheme_id)
        examples = [
            e
            for found in platform.pm.hook.accredit_examples(scheme=entry.scheme)
            for e in found or ()
        ]
        example = next(e for e in examples if Role.APPLICANT in entry.kind(e.kind).initiators)
        payload = await create(
            gql,
            inst["id"],
            scheme_id,
            example.form,
            kind=example.kind,
            occupations=list(example.occupations),
            role="applicant",
            **({"roundId": example.round_id} if example.round_id else {}),
        )
        assert payload["errors"] == [], (scheme_id, payload["errors"])

    query = """query($id: ID!) { institution(id: $id) { name applications {
        schemeId kind status scheme { title documentNumber } criterionResults { citation outcome } } } }"""
    data = (await gql(query, {"id": inst["id"]}))["institution"]
    assert {a["schemeId"] for a in data["applications"]} == FIVE
    assert all(a["status"] == "DRAFT" and a["criterionResults"] for a in data["applications"])
    assert {a["scheme"]["documentNumber"] for a in data["applications"]} >= {
        "杭商务〔2021〕192号",
        "杭人社发〔2023〕115号",
        "临人社发〔2020〕105号",
        "浙人社办发〔2020〕35号",
    }


@pytest.mark.fast
async def test_every_scheme_renders_through_the_schemes_query(client_for):
    gql = await client_for(load_entrypoints=True)
    data = await gql("""{ schemes { id version plugin pluginVersion documentNumber effectiveFrom
        rounds { id opensOn closesOn } parameters { name reference history { since value reference } }
        kinds { id initiators formSchema stages { id role status } transitions { id role effect } }
        criteria { id citation kind mode maxPoints category } quotaRules { id citation limitParameter } } }""")
    schemes = {s["id"]: s for s in data["schemes"]}
    assert set(schemes) >= FIVE
    for scheme in schemes.values():
        assert scheme["criteria"] and scheme["kinds"] and scheme["parameters"], scheme["id"]
        assert all(c["citation"] for c in scheme["criteria"]), scheme["id"]
    assert any(q["limitParameter"] for q in schemes["zj_evaluation_org"]["quotaRules"])
