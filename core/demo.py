"""``accredit serve --demo``: a small realistic data set built from the plugins' own examples.

Loaded once (only into an empty database), through the same services a client uses, so every
demo application has its evaluations, reviews and event log like real ones; with it, one account
per role (province-wide; the applicant acts for every demo institution) sharing one random
password, printed once.
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import Callable

from sqlalchemy import func, select
from stdnum.cn import uscc

from core.actors import EVERYWHERE, Actor, Scope
from core.db import models
from core.errors import Refused
from core.examples import Example
from core.identity import accounts
from core.platform import Platform
from core.roles import Role
from core.services.applications import Draft, create_application
from core.services.institutions import register_institution
from core.services.transitions import Act, act

log = logging.getLogger("accredit.demo")
DEMO_ROLES = [role for role in Role if role is not Role.PUBLIC]


def demo_credit_code(serial: int) -> str:
    body = f"91330100MA2{serial:06d}"
    return body + uscc.calc_check_digit(body)


async def load_demo(
    platform: Platform, progress: Callable[[str], None] = lambda scheme_id: None
) -> int:
    """Load the examples of every scheme, calling ``progress(scheme_id)`` before each scheme's;
    returns how many loaded (0 if the database is not empty)."""
    async with platform.reading() as session:
        if await session.scalar(select(func.count()).select_from(models.Institution)):
            return 0
    serial = loaded = 0
    for entry in platform.registry.schemes.values():
        progress(entry.scheme.id)
        for examples in platform.pm.hook.accredit_examples(scheme=entry.scheme):
            for example in examples or ():
                serial += 1
                loaded += await load_example(platform, entry.scheme.id, example, serial)
    return loaded


async def create_demo_accounts(platform: Platform) -> str:
    """``demo.<role>`` accounts for every role; returns their (random) password."""
    password = secrets.token_urlsafe(12)
    operator = Actor("demo", Role.SCHEME_ADMIN, EVERYWHERE)

    async def create(session) -> None:
        codes = list(
            await session.scalars(
                select(models.Institution.credit_code).order_by(models.Institution.id)
            )
        )
        for role in DEMO_ROLES:
            scopes = (
                [Scope(credit_code=code) for code in codes]
                if role is Role.APPLICANT
                else [Scope(area="330000")]
            )
            await accounts.create_user(
                session,
                operator,
                username=f"demo.{role.value}",
                role=role,
                scopes=scopes,
                password=password,
                display_name="演示账号",
            )

    await platform.transaction(create)
    return password


async def load_example(platform: Platform, scheme_id: str, example: Example, serial: int) -> bool:
    """One example in one transaction: its institution (credit code ``serial``), the application and
    every step; False (nothing written) when the plugin's own checks refuse it."""
    applicant = Actor(f"demo-applicant-{serial}", Role.APPLICANT, EVERYWHERE)
    try:
        async with platform.writing() as session:
            inst = await register_institution(
                session,
                platform,
                applicant,
                demo_credit_code(serial),
                {
                    "name": example.institution_name,
                    "org_type": example.org_type,
                    "division_code": example.division_code,
                    "registered_on": example.registered_on,
                    "legal_representative": "示例法人",
                    "contacts": [{"name": "示例联系人", "phone": "0571-87000000"}],
                },
            )
            kind = platform.registry.scheme(scheme_id).kind(example.kind)
            creator = Actor(f"demo-{kind.initiators[0].value}", kind.initiators[0], EVERYWHERE)
            app = await create_application(
                platform,
                session,
                creator,
                institution_id=inst.id,
                scheme_id=scheme_id,
                kind_id=example.kind,
                draft=Draft(example.form, example.occupations, example.round_id),
            )
            for n, step in enumerate(example.steps):  # a different person at each step (four eyes)
                app = await act(
                    platform,
                    session,
                    Actor(f"demo-{step.role.value}-{n}", step.role, EVERYWHERE),
                    app.id,
                    Act(step.transition, app.version, step.comment, step.judgments),
                )
    except Refused as refused:  # a plugin's example that no longer passes its own checks
        log.warning("demo example %r of %s was refused: %s", example.title, scheme_id, refused)
        return False
    return True
