"""A minimal scheme for racing grants: 5 places per occupation per city, revocable."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict

from core import (
    ApplicationKind,
    Effect,
    Parameters,
    Purpose,
    QuotaRule,
    Role,
    Scheme,
    Stage,
    Status,
    Transition,
    Workflow,
    hookimpl,
    occupation_city_keys,
)
from core.parameters import Parameter

SCHEME_ID = "race"


class Empty(BaseModel):
    model_config = ConfigDict(extra="forbid")


GRANTING = Workflow(
    stages=(
        Stage("notice", "公示", Status.PUBLIC_NOTICE, Role.CITY_REVIEWER),
        Stage("granted", "已认定", Status.APPROVED),
    ),
    transitions=(
        Transition(
            "grant", "予以认定", "notice", "granted", Role.CITY_REVIEWER, effect=Effect.GRANT
        ),
    ),
    initial="notice",
)
REVOKING = Workflow(
    stages=(
        Stage("open", "立案", Status.IN_REVIEW, Role.CITY_REVIEWER),
        Stage("revoked", "已取消", Status.CLOSED),
    ),
    transitions=(
        Transition(
            "revoke", "取消认定", "open", "revoked", Role.CITY_REVIEWER, effect=Effect.REVOKE
        ),
    ),
    initial="open",
)


@hookimpl
def accredit_schemes():
    return [
        Scheme(
            SCHEME_ID,
            "竞争名额",
            "竞〔2026〕1号",
            "示例局",
            "330000",
            dt.date(2020, 1, 1),
            "1",
            Parameters(
                {
                    "cap": Parameter(
                        "cap", "每职业每市上限", "第五条", ((dt.date(2020, 1, 1), 5, "第五条"),)
                    )
                }
            ),
            "竞争名额机构",
        )
    ]


@hookimpl
def accredit_application_kinds(scheme):
    if scheme.id == SCHEME_ID:
        return [
            ApplicationKind("recognition", "认定", Empty, GRANTING, initiator=Role.CITY_REVIEWER),
            ApplicationKind(
                "revocation",
                "取消",
                Empty,
                REVOKING,
                purpose=Purpose.CONCERNS_RECOGNITION,
                initiator=Role.CITY_REVIEWER,
            ),
        ]


@hookimpl
def accredit_quota_rules(scheme):
    if scheme.id == SCHEME_ID:
        return [
            QuotaRule(
                "per_occupation_city",
                "同一职业每市不超过5家",
                "第五条",
                "cap",
                keys=occupation_city_keys,
            )
        ]
