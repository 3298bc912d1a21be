"""login, logout, declareConflictOfInterest."""

from __future__ import annotations

import datetime as dt

import strawberry
from strawberry import relay

from core import access
from core.api.context import Info
from core.api.mutations.payloads import write
from core.api.queries import database_id
from core.api.types.common import UserErrorType
from core.api.types.identity import ViewerType
from core.api.types.institutions import InstitutionType
from core.errors import ErrorCode, Refused
from core.identity import accounts
from core.identity import login as logins
from core.roles import Role
from core.services import loading


@strawberry.input
class LoginInput:
    username: str
    password: str


@strawberry.type
class LoginPayload:
    token: str | None = strawberry.field(description="Send as `Authorization: Bearer <token>`")
    expires_at: dt.datetime | None
    viewer: ViewerType | None
    errors: list[UserErrorType]


@strawberry.type
class LogoutPayload:
    ended: bool
    errors: list[UserErrorType]


@strawberry.input
class DeclareConflictInput:
    institution_id: relay.GlobalID
    reason: str = strawberry.field(
        description="The link: employment, shareholding, kinship, consultancy…"
    )


@strawberry.type
class DeclareConflictPayload:
    recorded: bool
    errors: list[UserErrorType]


@strawberry.type
class IdentityMutations:
    @strawberry.mutation(
        description="Exchange a username and password for a bearer token; locked after repeated failures"
    )
    async def login(self, info: Info, input: LoginInput) -> LoginPayload:
        ctx = info.context
        result = await logins.login(
            ctx.platform,
            input.username,
            input.password,
            ctx.client,
            ctx.request.cookies if ctx.request else {},
        )
        if result.device is not None and ctx.response is not None:
            ctx.response.set_cookie(
                *result.device,
                max_age=logins.KNOWN_DEVICE_DAYS * 86_400,
                httponly=True,
                samesite="strict",
                secure=ctx.request.url.scheme == "https",
            )
        if result.error is not None:
            return LoginPayload(
                token=None,
                expires_at=None,
                viewer=None,
                errors=[UserErrorType.of(e) for e in result.error.errors],
            )
        return LoginPayload(
            token=result.token,
            expires_at=result.expires_at,
            viewer=ViewerType.of(result.actor),
            errors=[],
        )

    @strawberry.mutation(description="End the session of the bearer token this request carries")
    async def logout(self, info: Info) -> LogoutPayload:
        ctx = info.context
        if ctx.login_session is None:
            return LogoutPayload(
                ended=False,
                errors=[
                    UserErrorType.of(
                        Refused.one(
                            ErrorCode.INVALID, "本请求未携带登录令牌（API 令牌由管理员吊销）"
                        ).errors[0]
                    )
                ],
            )
        await ctx.platform.transaction(
            lambda session: accounts.logout(session, ctx.actor, ctx.login_session)
        )
        return LogoutPayload(ended=True, errors=[])

    @strawberry.mutation(
        description="Declare your own link to an institution (回避): you will not be able to review or decide its applications"
    )
    async def declare_conflict_of_interest(
        self, info: Info, input: DeclareConflictInput
    ) -> DeclareConflictPayload:
        ctx = info.context

        async def run(session):
            if ctx.actor.user_id is None or ctx.actor.role in (Role.PUBLIC, Role.APPLICANT):
                raise Refused.denied(
                    ErrorCode.ROLE_NOT_ALLOWED,
                    "只有评审、审核和管理人员可申报回避",
                    f"declareConflictOfInterest by role {ctx.actor.role.value}",
                )
            inst = await loading.institution(
                session,
                database_id(input.institution_id, InstitutionType, "input", "institutionId"),
                "input",
                "institutionId",
            )
            if not access.institution_in_scope(ctx.actor, inst):
                raise Refused.denied(
                    ErrorCode.NOT_FOUND,
                    "机构不存在",
                    f"conflict declared on institution {inst.id} outside the actor's scope",
                    "input",
                    "institutionId",
                    subject=("institution", inst.id),
                )
            await accounts.record_conflict(
                session, ctx.actor, ctx.actor.name, inst.credit_code, input.reason
            )
            return True

        recorded, errors = await write(info, run, bool)
        return DeclareConflictPayload(recorded=bool(recorded), errors=errors)
