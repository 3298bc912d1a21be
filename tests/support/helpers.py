"""Small given/when helpers over the GraphQL client."""

from __future__ import annotations

import itertools
from typing import Any

from stdnum.cn import uscc

from tests.support import documents as doc

_serial = itertools.count(1)


def credit_code(serial: int | None = None) -> str:
    """A valid unified social credit code, distinct per call."""
    body = f"91330100MA{(serial or next(_serial)):07d}"
    body = body.replace("I", "1").replace("O", "0")
    return body + uscc.calc_check_digit(body)


async def register(
    gql,
    *,
    name: str = "杭州示例培训学校有限公司",
    org_type: str = "ENTERPRISE",
    division: str = "330106",
    registered_on: str = "2015-06-01",
    **extra: Any,
) -> dict:
    data = await gql(
        doc.REGISTER,
        {
            "input": {
                "name": name,
                "creditCode": extra.pop("credit_code", None) or credit_code(),
                "orgType": org_type,
                "divisionCode": division,
                "registeredOn": registered_on,
                "legalRepresentative": "张三",
                "contacts": [{"name": "李四", "phone": "0571-88888888"}],
                **extra,
            }
        },
        role="applicant",
    )
    payload = data["registerInstitution"]
    assert payload["errors"] == [], payload["errors"]
    return payload["institution"]


async def create(
    gql,
    institution_id: str,
    scheme: str,
    form: dict,
    *,
    kind: str = "recognition",
    occupations: list[str] | None = None,
    role: str = "applicant",
    **extra: Any,
) -> dict:
    data = await gql(
        doc.CREATE,
        {
            "input": {
                "institutionId": institution_id,
                "schemeId": scheme,
                "kind": kind,
                "form": form,
                "occupations": occupations or [],
                **extra,
            }
        },
        role=role,
    )
    return data["createApplication"]


async def act(
    gql,
    application: dict,
    action: str,
    *,
    role: str,
    actor: str | None = None,
    comment: str = "",
    judgments: list[dict] | None = None,
) -> dict:
    """Take a transition; without ``actor``, as a person of ``role`` who has not acted before (four eyes)."""
    data = await gql(
        doc.ACT,
        {
            "input": {
                "id": application["id"],
                "expectedVersion": application["version"],
                "action": action,
                "comment": comment,
                "judgments": judgments or [],
            }
        },
        role=role,
        actor=actor or f"{role}-{next(_serial)}",
    )
    return data["actOnApplication"]


async def panel_scored(gql, application: dict, points: float = 8) -> dict:
    """The toy scheme's review stage after one expert of its panel has scored it (a decision there
    needs the panel's review)."""
    return ok(
        await act(
            gql,
            application,
            "score",
            role="expert",
            judgments=[{"criterionId": "quality", "points": points}],
        )
    )


async def submit(gql, application: dict) -> dict:
    data = await gql(
        doc.SUBMIT,
        {"input": {"id": application["id"], "expectedVersion": application["version"]}},
        role="applicant",
    )
    return data["submitApplication"]


def ok(payload: dict) -> dict:
    assert payload["errors"] == [], payload["errors"]
    return payload["application"]


def codes(payload: dict) -> list[str]:
    return [e["code"] for e in payload["errors"]]
