"""Default recognition terms: the scheme's title, no code, no expiry."""
from __future__ import annotations

from core.engine.context import TransitionContext
from core.hookspecs import hookimpl
from core.recognitions import RecognitionTerms


@hookimpl(trylast=True)
def accredit_recognition_terms(context: TransitionContext) -> RecognitionTerms:
    return RecognitionTerms(title=context.scheme.recognition_title)
