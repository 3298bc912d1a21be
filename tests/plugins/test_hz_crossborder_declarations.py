"""hz_crossborder's declarations: the scheme, its call, and 附件1 as criteria and as the self-score form.

Given the plugin registered alone, when the registry is built, then the scheme carries the notice's
authority and deadline, the ten items of 附件1 are scored criteria with the table's maxima, and the
self-score form bounds each item by the same maximum.
"""

from __future__ import annotations

import datetime as dt

import pytest

from core.calendar import WorkingCalendar
from core.criteria import CriterionKind, EvaluationMode
from core.plugins import get_plugin_manager
from core.registry import Registry
from plugins.hz_crossborder import plugin
from plugins.hz_crossborder.forms import RecognitionForm

pytestmark = pytest.mark.fast  # no database, cheap: the whole module runs in the edit-test loop

ENTRY = Registry(
    get_plugin_manager(load_entrypoints=False, plugins=[plugin]), WorkingCalendar()
).scheme("hz_crossborder")

TABLE = {  # 附件1 as printed: item -> (category, maximum)
    "培训场地及环境": ("基础条件", 10),
    "日常管理": ("基础条件", 5),
    "财务情况": ("基础条件", 5),
    "办公条件": ("基础条件", 5),
    "教师管理系统": ("专业匹配", 15),
    "人才培养体系": ("专业匹配", 15),
    "人才培育情况": ("人才输送", 15),
    "人才输送情况": ("人才输送", 15),
    "创新工作": ("品牌建设", 10),
    "人才培育及输送情况反馈": ("单位业绩", 5),
}


def test_scheme_and_its_2021_call():
    scheme = ENTRY.scheme
    assert (scheme.jurisdiction, scheme.ban_parameter, scheme.recognition_title) == (
        "330100",
        None,
        "杭州跨境电商人才社会培训基地",
    )
    assert scheme.authority.startswith("杭州市跨境电子商务综合试验区建设领导小组办公室")
    assert "无文号" in scheme.document_number
    (call,) = ENTRY.rounds.values()
    assert (call.id, call.opens_on, call.closes_on, call.kinds) == (
        "2021",
        dt.date(2021, 7, 1),
        dt.date(2021, 8, 17),
        ("recognition",),
    )
    assert ENTRY.kinds["recognition"].needs_round


def test_annex1_items_are_scored_judgment_criteria_with_the_tables_maxima():
    scored = [c for c in ENTRY.criteria.values() if c.kind is CriterionKind.SCORED]
    assert {c.title: (c.category, c.max_points) for c in scored} == TABLE
    assert all(
        c.mode is EvaluationMode.JUDGMENT and c.citation.startswith("附件1 ") for c in scored
    )
    assert sum(c.max_points for c in scored) == 100


def test_self_score_fields_are_bounded_by_the_same_maxima():
    schema = RecognitionForm.model_json_schema()
    fields = schema["$defs"]["SelfScores"]["properties"]
    maxima = {
        f["title"].split("（")[0]: max(a.get("maximum", 0) for a in f["anyOf"])
        for f in fields.values()
    }
    assert maxima == {title: points for title, (_, points) in TABLE.items()}


def test_every_criterion_cites_the_notice_or_an_annex():
    assert all(c.citation for c in ENTRY.criteria.values())
    gates = [
        c.id
        for c in ENTRY.criteria.values()
        if c.kind is CriterionKind.GATE and c.mode is EvaluationMode.JUDGMENT
    ]
    assert gates == [
        "art1_declarations_verified",
        "art2_1_basic_conditions",
        "art2_2_curriculum_capability",
        "art2_3_delivery_capability",
        "art2_4_brand_building",
        "art2_5_reputation_and_platforms",
    ]
