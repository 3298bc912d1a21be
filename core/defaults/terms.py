"""Default recognition terms (the scheme's title, no code, no expiry) and revocation ground (the
transition itself, carrying the scheme's ban)."""

from __future__ import annotations

from core.engine.context import TransitionContext
from core.hookspecs import hookimpl
from core.recognitions import RecognitionTerms, RevocationGround


@hookimpl(trylast=True)
def accredit_recognition_terms(context: TransitionContext) -> RecognitionTerms:
    return RecognitionTerms(title=context.scheme.recognition_title)


@hookimpl(trylast=True)
def accredit_revocation_ground(context: TransitionContext) -> RevocationGround:
    return RevocationGround(context.transition.title, context.transition.citation, bans=True)
