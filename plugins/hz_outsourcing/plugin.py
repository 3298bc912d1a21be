"""accredit plugin for 杭商务〔2021〕192号《杭州市服务外包人才培训机构认定管理办法》.

Registered under the ``accredit.schemes`` entry point as ``hz_outsourcing``. Hooks only: the
scheme is in :mod:`.scheme`, forms in :mod:`.forms`, criteria in :mod:`.criteria`, workflows in
:mod:`.workflow`, policy numbers in ``parameters.yaml``; README.md maps every article to code.

No quota rule: the document sets no cap on the number of recognised institutions.
No rounds: applications are made 根据相关通知 (第七条), with no fixed call.
"""

from __future__ import annotations

from core import hookimpl
from core.criteria import Criterion
from core.engine.context import TransitionContext
from core.examples import Example
from core.recognitions import RevocationGround
from core.schemes import ApplicationKind, Scheme
from plugins.hz_outsourcing.criteria import CRITERIA
from plugins.hz_outsourcing.examples import EXAMPLES
from plugins.hz_outsourcing.grounds import revocation_ground
from plugins.hz_outsourcing.kinds import KINDS
from plugins.hz_outsourcing.scheme import SCHEME, SCHEME_ID

__version__ = "0.1.0"


@hookimpl
def accredit_schemes() -> list[Scheme]:
    return [SCHEME]


@hookimpl
def accredit_application_kinds(scheme: Scheme) -> list[ApplicationKind] | None:
    return list(KINDS) if scheme.id == SCHEME_ID else None


@hookimpl
def accredit_criteria(scheme: Scheme) -> list[Criterion] | None:
    return list(CRITERIA) if scheme.id == SCHEME_ID else None


@hookimpl
def accredit_revocation_ground(context: TransitionContext) -> RevocationGround | None:
    return revocation_ground(context) if context.scheme.id == SCHEME_ID else None


@hookimpl
def accredit_examples(scheme: Scheme) -> list[Example] | None:
    return list(EXAMPLES) if scheme.id == SCHEME_ID else None
