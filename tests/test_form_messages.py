"""A form the plugin's model refuses is answered in Chinese, naming the field by the titles the form
publishes down to the one at fault, never in pydantic's English and never quoting the input."""

from __future__ import annotations

import pytest

from plugins.hz_outsourcing import plugin
from tests.plugins.hz_outsourcing_forms import form
from tests.support import documents as doc
from tests.support.helpers import create, register


@pytest.mark.fast
async def test_refusals_name_the_field_by_its_titles_in_chinese(client_for):
    gql = await client_for([plugin])
    inst = await register(gql)
    bad = form(
        teachers=[{"name": "  ", "qualification": "系统架构设计师", "full_time": True}],
        premises={"address": "杭州市西湖区文三路 90 号", "area_m2": 0, "tenure": "borrowed"},
        trainees_cumulative=-1,
        training_started_on="2018-13-01",
        unknown_key=1,
    )
    del bad["textbooks"]
    refused = await create(gql, inst["id"], "hz_outsourcing", bad)
    messages = {tuple(e["field"][2:]): (e["code"], e["message"]) for e in refused["errors"]}
    assert messages == {
        ("teachers", "0", "name"): ("INVALID", "专业教师 第1项 姓名：不能为空"),
        ("premises", "area_m2"): ("INVALID", "固定培训场所 面积（平方米）：应大于 0"),
        ("premises", "tenure"): ("INVALID", "固定培训场所 产权：不是可选的值"),
        ("trainees_cumulative",): ("INVALID", "累计培训服务外包人才（人）：应不小于 0"),
        ("training_started_on",): ("INVALID", "开始从事培训之日：应为日期（如 2026-03-02）"),
        ("textbooks",): ("REQUIRED", "培训教材：必填"),
        ("unknown_key",): ("INVALID", "unknown_key：不是表单中的字段"),
    }
    assert not any(
        "borrowed" in message or "2018-13-01" in message for _, message in messages.values()
    )
    assert (await gql(doc.COUNTS))["applications"]["totalCount"] == 0


async def test_a_rule_the_plugin_states_is_given_in_its_own_words(client_for):
    gql = await client_for([plugin])
    inst = await register(gql)
    refused = await create(
        gql,
        inst["id"],
        "hz_outsourcing",
        form(trainees_cumulative=100, trainees_recent_half_year=300),
    )
    assert [(e["field"], e["message"]) for e in refused["errors"]] == [
        (["input", "form"], "表单：近半年内培训人数已计入累计培训人数，不应大于累计人数")
    ]
