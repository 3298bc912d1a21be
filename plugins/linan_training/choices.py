"""Ordered levels: coded choices (:class:`core.forms.Choice`) that carry an explicit rank.

第五条 compares levels (中专以上学历、中级以上职称、高级以上职业资格证书): a :class:`Ranked` choice
carries a rank, and “以上” includes the level itself (《民法典》第一千二百五十九条), so a requirement is
met when ``rank >= required.rank``.
"""

from __future__ import annotations

from core.forms import Choice


class Ranked(Choice):
    """A choice on an ordered scale; equal ranks are the same level (e.g. 高中 and 中专).

    The rank is declared with each member (``"code", "标签", rank``) instead of core's declaration
    order, so that two members can share a level.
    """

    def __new__(cls, value: str, label: str, rank: int) -> Ranked:
        member = str.__new__(cls, value)
        member._value_ = value
        member.label = label
        member._rank = rank
        return member

    @property
    def rank(self) -> int:
        return self._rank

    def at_least(self, required: Ranked) -> bool:
        """“…以上”: this level or a higher one."""
        return self.rank >= required.rank
