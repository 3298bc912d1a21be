"""createApplication, editApplication, submitApplication, actOnApplication."""

from __future__ import annotations

import strawberry
from strawberry import relay
from strawberry.scalars import JSON

from core.api.context import Info
from core.api.mutations.payloads import write
from core.api.queries import database_id, optional_database_id
from core.api.types.applications import ApplicationType
from core.api.types.common import UserErrorType
from core.api.types.institutions import InstitutionType
from core.api.types.recognitions import RecognitionType
from core.errors import ErrorCode, Refused
from core.scoring import Judgment
from core.services import loading
from core.services.applications import KEEP, Draft, Edit, create_application, edit_application
from core.services.transitions import Act, act


@strawberry.input
class CreateApplicationInput:
    institution_id: relay.GlobalID
    scheme_id: str
    kind: str = "recognition"
    round_id: str | None = None
    recognition_id: relay.GlobalID | None = strawberry.field(
        default=None, description="For kinds that concern a recognition"
    )
    form: JSON = strawberry.field(description="Form data; see the kind's formSchema")
    occupations: list[str] = strawberry.field(default_factory=list)


@strawberry.input(description="Only what is sent changes: an omitted field keeps its value")
class EditApplicationInput:
    id: relay.GlobalID
    expected_version: int
    form: JSON | None = strawberry.field(
        default=strawberry.UNSET, description="The whole form; omitted: unchanged"
    )
    occupations: list[str] | None = strawberry.field(
        default=strawberry.UNSET, description="Omitted: unchanged; [] or null: none"
    )
    round_id: str | None = strawberry.field(
        default=strawberry.UNSET, description="Omitted: unchanged; null: no round"
    )


@strawberry.input
class SubmitApplicationInput:
    id: relay.GlobalID
    expected_version: int


@strawberry.input
class JudgmentInput:
    criterion_id: str
    passed: bool | None = strawberry.field(
        default=None, description="For gates decided by judgment"
    )
    points: float | None = strawberry.field(
        default=None, description="For scored items, 0..maxPoints"
    )
    note: str = ""


@strawberry.input
class ActOnApplicationInput:
    id: relay.GlobalID
    expected_version: int
    action: str = strawberry.field(
        description="A transition id from the application's availableActions"
    )
    comment: str = ""
    judgments: list[JudgmentInput] = strawberry.field(default_factory=list)


@strawberry.type
class ApplicationPayload:
    application: ApplicationType | None
    errors: list[UserErrorType]


def _app_id(global_id: relay.GlobalID) -> int:
    return database_id(global_id, ApplicationType, "input", "id")


def _edit(input: EditApplicationInput) -> Edit:
    """Omitted fields (UNSET) are kept; an explicit null clears the round and the occupations,
    and is refused for the form, which cannot be cleared."""
    if input.form is None:
        raise Refused.one(
            ErrorCode.REQUIRED, "表单不能为 null（不修改表单时省略该字段）", "input", "form"
        )
    return Edit(
        form=KEEP if input.form is strawberry.UNSET else input.form,
        occupations=KEEP
        if input.occupations is strawberry.UNSET
        else tuple(input.occupations or ()),
        round_id=KEEP if input.round_id is strawberry.UNSET else input.round_id,
    )


@strawberry.type
class ApplicationMutations:
    @strawberry.mutation(description="Start an application (a draft) under a scheme")
    async def create_application(
        self, info: Info, input: CreateApplicationInput
    ) -> ApplicationPayload:
        ctx = info.context

        async def run(session):
            recognition_id = optional_database_id(
                input.recognition_id, RecognitionType, "input", "recognitionId"
            )
            return await create_application(
                ctx.platform,
                session,
                ctx.actor,
                institution_id=database_id(
                    input.institution_id, InstitutionType, "input", "institutionId"
                ),
                scheme_id=input.scheme_id,
                kind_id=input.kind,
                recognition_id=recognition_id,
                draft=Draft(
                    form=input.form, occupations=tuple(input.occupations), round_id=input.round_id
                ),
            )

        row, errors = await write(info, run, ApplicationType.of)
        return ApplicationPayload(application=row, errors=errors)

    @strawberry.mutation(description="Change a draft (or an application returned for correction)")
    async def edit_application(self, info: Info, input: EditApplicationInput) -> ApplicationPayload:
        ctx = info.context
        row, errors = await write(
            info,
            lambda s: edit_application(
                ctx.platform,
                s,
                ctx.actor,
                application_id=_app_id(input.id),
                expected_version=input.expected_version,
                edit=_edit(input),
            ),
            ApplicationType.of,
        )
        return ApplicationPayload(application=row, errors=errors)

    @strawberry.mutation(description="Submit: the transition of the current stage that submits it")
    async def submit_application(
        self, info: Info, input: SubmitApplicationInput
    ) -> ApplicationPayload:
        ctx = info.context

        async def run(session):
            row = await loading.application_in_view(
                session, ctx.actor, _app_id(input.id), "input", "id"
            )
            kind = ctx.platform.registry.scheme(row.scheme_id).kind(row.kind)
            submit = next((t for t in kind.workflow.available(row.stage) if t.submits), None)
            if submit is None:
                stage = kind.workflow.stage(row.stage)
                raise Refused.one(
                    ErrorCode.TRANSITION_NOT_ALLOWED,
                    f"申请处于“{stage.title}”阶段，不能提交",
                    "input",
                    "id",
                )
            return await act(
                ctx.platform, session, ctx.actor, row.id, Act(submit.id, input.expected_version)
            )

        row, errors = await write(info, run, ApplicationType.of)
        return ApplicationPayload(application=row, errors=errors)

    @strawberry.mutation(
        description="Take a workflow transition (review, decision, notice…) with comment and judgments"
    )
    async def act_on_application(
        self, info: Info, input: ActOnApplicationInput
    ) -> ApplicationPayload:
        ctx = info.context
        request = Act(
            transition=input.action,
            expected_version=input.expected_version,
            comment=input.comment,
            judgments=tuple(
                Judgment(j.criterion_id, j.passed, j.points, j.note) for j in input.judgments
            ),
        )
        row, errors = await write(
            info,
            lambda s: act(ctx.platform, s, ctx.actor, _app_id(input.id), request),
            ApplicationType.of,
        )
        return ApplicationPayload(application=row, errors=errors)
