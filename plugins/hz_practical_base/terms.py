"""What a grant confers (二（三）2): the name 杭州市公共实训基地 + 名称或区域 + 分基地.

Every base also receives the uniform plaque “杭州市高技能人才公共实训基地”, the scheme's
``recognition_title``. No code and no expiry: the document numbers nothing, and a base stays
recognised until a biennial assessment (五) finds it 不合格.
"""

from __future__ import annotations

from core.engine.context import TransitionContext
from core.recognitions import RecognitionTerms
from plugins.hz_practical_base.forms import NAME_PREFIX, NAME_SUFFIX, RecognitionForm


def base_name(form: RecognitionForm) -> str:
    return f"{NAME_PREFIX}{form.requested_name}{NAME_SUFFIX}"


def recognition_terms(context: TransitionContext) -> RecognitionTerms:
    return RecognitionTerms(title=base_name(context.form))
