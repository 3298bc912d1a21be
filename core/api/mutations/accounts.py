"""accounts, createAccount, setAccountAccess, deactivateAccount: account management for scheme
administrators, within their own area, through the same audited services as ``accredit users``."""

from __future__ import annotations

import strawberry

from core.actors import Scope
from core.api.context import Info
from core.api.mutations.payloads import write
from core.api.types.accounts import AccountType
from core.api.types.common import RoleEnum, UserErrorType
from core.identity import management


@strawberry.input
class ScopeInput:
    area_code: str | None = strawberry.field(
        default=None, description="GB/T 2260 code of a province, city or district"
    )
    scheme_id: str | None = strawberry.field(
        default=None, description="Only this scheme; omitted: every scheme"
    )
    credit_code: str | None = strawberry.field(
        default=None, description="Applicants: the institution acted for"
    )

    def scope(self) -> Scope:
        return Scope(
            area=self.area_code or None,
            scheme_id=self.scheme_id or None,
            credit_code=self.credit_code or None,
        )


@strawberry.input
class CreateAccountInput:
    username: str
    role: RoleEnum
    scopes: list[ScopeInput]
    password: str | None = strawberry.field(
        default=None, description="Omitted: a machine account, API tokens only"
    )
    display_name: str = ""


@strawberry.input
class SetAccountAccessInput:
    username: str
    role: RoleEnum
    scopes: list[ScopeInput] = strawberry.field(
        description="Replace the account's scopes with these"
    )


@strawberry.input
class DeactivateAccountInput:
    username: str


@strawberry.type
class AccountPayload:
    account: AccountType | None
    errors: list[UserErrorType]


@strawberry.type
class AccountQueries:
    @strawberry.field(
        description="Accounts a scheme administrator manages (every scope within theirs), by username; empty for other roles"
    )
    async def accounts(self, info: Info) -> list[AccountType]:
        users = await info.context.run(lambda s: management.managed_accounts(s, info.context.actor))
        return [AccountType.of(u) for u in users]


@strawberry.type
class AccountMutations:
    @strawberry.mutation(
        description="Create an account with one role and its scopes, within your own area (scheme administrators; audited)"
    )
    async def create_account(self, info: Info, input: CreateAccountInput) -> AccountPayload:
        account, errors = await write(
            info,
            lambda s: management.create_account(
                s,
                info.context.actor,
                username=input.username,
                role=input.role,
                scopes=[i.scope() for i in input.scopes],
                password=input.password,
                display_name=input.display_name,
            ),
            AccountType.of,
        )
        return AccountPayload(account=account, errors=errors)

    @strawberry.mutation(
        description="Give an account another role and scopes, from its next request (scheme administrators; audited)"
    )
    async def set_account_access(self, info: Info, input: SetAccountAccessInput) -> AccountPayload:
        account, errors = await write(
            info,
            lambda s: management.set_access(
                s, info.context.actor, input.username, input.role, [i.scope() for i in input.scopes]
            ),
            AccountType.of,
        )
        return AccountPayload(account=account, errors=errors)

    @strawberry.mutation(
        description="End an account: its sessions and API tokens stop working at once (scheme administrators; audited)"
    )
    async def deactivate_account(self, info: Info, input: DeactivateAccountInput) -> AccountPayload:
        account, errors = await write(
            info,
            lambda s: management.deactivate_account(s, info.context.actor, input.username),
            AccountType.of,
        )
        return AccountPayload(account=account, errors=errors)
