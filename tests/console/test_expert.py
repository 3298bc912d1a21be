"""The expert's whole path in the console, in a real browser against a real server.

The city bureau opens a biennial assessment (附件3, 100 points and a 20-point bonus) of the demo's
recognised practical-training base and sends it to the experts. A second expert, scoped to the
scheme and recorded as linked to another institution awaiting the panel, finds both in their work
list, the other flagged 需回避 with its reason on the sheet, and scores the assessment. The demo
expert then opens the same sheet blind (nothing of the other's points), is refused an item scored
above its maximum with the API's message under that item (nothing stored), scores within range and
sees the panel: each expert's points, the means that count, the subtotals and the total. The work
list and the sheet pass axe-core.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.console.conftest import Console
from tests.plugins.hz_practical_base_forms import ASSESSMENT

PASSWORD = "Console-Expert-Passw0rd"
BASE = "杭州钱塘示范技师学院"  # the demo's recognised sub-base
LINKED = "杭州余杭示范数控装备股份有限公司"  # the demo's application at the experts' site visit
EQUIPMENT = "附件3 第2项 有申报项目所需的实训设备（不含租赁）"
ITEMS = {
    "附件3 第6项 有专门的分基地运行管理制度": (3, 4),
    "附件3 第7项 有规范合理的运行流程": (3, 3),
    "附件3 第8项 有工作人员岗位职责": (2, 3),
    "附件3 第10项 有月度、年度实训情况统计、分析": (9, 10),
    "附件3 第11项 有完整的实训台账": (5, 5),
}  # (the second expert's, the demo expert's)

RECOGNITIONS = """query { recognitions(filter: {schemeId: "hz_practical_base"}, first: 10) {
  edges { node { id institution { id name } } } } }"""
INSTITUTIONS = """query($name: String!) { institutions(filter: {nameContains: $name}, first: 1) { edges { node { creditCode } } } }"""
CREATE = """mutation($i: CreateApplicationInput!) { createApplication(input: $i) { application { id version } errors { message } } }"""
EDIT = """mutation($i: EditApplicationInput!) { editApplication(input: $i) { application { id version } errors { message } } }"""
ACT = """mutation($i: ActOnApplicationInput!) { actOnApplication(input: $i) { application { id version } errors { message } } }"""
PANEL = (
    """query($id: ID!) { application(id: $id) { score stage { id } reviews { reviewer stage } } }"""
)


def _assessment_at_the_experts(server) -> str:
    """The bureau opens the base's biennial assessment, the base reports, the bureau forwards it (五（一）)."""
    [held] = [
        e["node"]
        for e in server.graphql(RECOGNITIONS, username="demo.city_reviewer")["recognitions"][
            "edges"
        ]
        if e["node"]["institution"]["name"] == BASE
    ]
    app = server.graphql(
        CREATE,
        {
            "i": {
                "institutionId": held["institution"]["id"],
                "schemeId": "hz_practical_base",
                "kind": "biennial_assessment",
                "recognitionId": held["id"],
                "form": {"years": [{"year": 2024}, {"year": 2025}]},
            }
        },
        username="demo.city_reviewer",
    )["createApplication"]
    assert app["errors"] == []
    app = server.graphql(
        EDIT,
        {
            "i": {
                "id": app["application"]["id"],
                "expectedVersion": app["application"]["version"],
                "form": ASSESSMENT,
            }
        },
        username="demo.applicant",
    )["editApplication"]["application"]
    for action, username in (
        ("submit_report", "demo.applicant"),
        ("forward_to_experts", "demo.city_reviewer"),
    ):
        done = server.graphql(
            ACT,
            {"i": {"id": app["id"], "expectedVersion": app["version"], "action": action}},
            username=username,
        )["actOnApplication"]
        assert done["errors"] == [], done["errors"]
        app = done["application"]
    return app["id"]


def _score(console: Console, points: dict[str, float]) -> None:
    for item, value in points.items():
        console.page.get_by_label(f"{item} 得分").fill(str(value))
    console.page.get_by_role("button", name="提交评分").click()


@pytest.mark.fast
def test_two_experts_score_blind_then_see_the_panel(console: Console):
    server, page = console.server, console.page
    application = _assessment_at_the_experts(server)
    server.cli(
        "users",
        "create",
        "expert.two",
        "--role",
        "expert",
        "--area",
        "330100",
        "--scheme",
        "hz_practical_base",
        "--password-stdin",
        stdin=PASSWORD + "\n",
    )
    linked = server.graphql(INSTITUTIONS, {"name": LINKED}, username="demo.city_reviewer")[
        "institutions"
    ]["edges"][0]["node"]
    server.cli(
        "users", "conflict", "expert.two", linked["creditCode"], "--reason", "曾任该公司技术顾问"
    )

    # The second expert's work list: the assessment to score, and the linked institution flagged.
    console.login("expert.two", PASSWORD)
    expect(page.get_by_role("heading", name="评分任务")).to_be_visible()
    expect(page.get_by_role("row").filter(has_text=BASE)).to_contain_text("待评分")
    expect(page.get_by_role("row").filter(has_text=LINKED)).to_contain_text("需回避")
    console.screenshot("expert-queue")
    console.assert_accessible()
    page.get_by_role("link", name=LINKED).click()
    expect(page.get_by_role("alert").filter(has_text="您须回避本申请")).to_contain_text("应当回避")
    expect(page.get_by_role("button", name="提交评分")).to_have_count(0)
    console.screenshot("expert-conflict", full_page=False)
    page.get_by_role("button", name="返回评分任务").click()
    page.get_by_role("link", name=BASE).click()
    expect(page.get_by_role("heading", name=f"评分表：{BASE}")).to_be_visible()
    _score(console, {EQUIPMENT: 13.5, **{item: mine for item, (mine, _) in ITEMS.items()}})
    expect(page.get_by_text("专家组汇总（已评分专家 1 人）")).to_be_visible()

    # The demo expert, blind: no one else's points, no aggregate, until they submit their own.
    console.login("demo.expert")
    console.open(f"scoring/{application}")
    expect(page.get_by_text("背靠背评分")).to_be_visible()
    equipment = page.get_by_role("row").filter(has_text="有申报项目所需的实训设备（不含租赁）")
    expect(equipment.get_by_label(f"{EQUIPMENT} 得分")).to_be_visible()
    expect(page.get_by_text(re.compile("^专家组汇总"))).to_have_count(0)
    expect(page.locator(".console-content")).not_to_contain_text("expert.two")
    expect(page.locator(".console-content")).not_to_contain_text("13.5")
    expect(page.get_by_role("heading", name="基本建设")).to_contain_text(
        "满分 40 分"
    )  # the category's maximum
    expect(page.get_by_role("row").filter(has_text="附件3 第1项")).to_contain_text(
        "15 分（按申报记录自动计算）"
    )

    # Above the item's maximum: the API's message under that item, and nothing stored.
    _score(console, {EQUIPMENT: 16, **{item: theirs for item, (_, theirs) in ITEMS.items()}})
    expect(equipment.locator(".ant-form-item-explain-error")).to_have_text(
        f"{EQUIPMENT} 满分 15 分，给出 16 分"
    )
    console.screenshot("expert-score-refused", full_page=False)
    console.assert_accessible()
    stored = server.graphql(PANEL, {"id": application}, username="demo.city_reviewer")[
        "application"
    ]
    assert [r["reviewer"] for r in stored["reviews"] if r["stage"] == "expert_assessment"] == [
        "expert.two"
    ]

    # Within range: submitted, and the panel shows.
    page.get_by_label(f"{EQUIPMENT} 得分").fill("15")
    page.get_by_role("button", name="提交评分").click()
    expect(page.get_by_text("专家组汇总（已评分专家 2 人）")).to_be_visible()
    expect(equipment).to_contain_text("13.5")  # the other expert's points, now shown
    expect(equipment.locator("td").last).to_have_text("14.25")  # the mean that counts
    expect(page.get_by_role("columnheader", name="我的评分").first).to_be_visible()
    expect(page.get_by_role("heading", name="制度建设")).to_contain_text(
        "小计 9 分"
    )  # 3.5 + 3 + 2.5 of 10
    expect(page.locator(".ant-statistic").filter(has_text="总分")).to_contain_text("97.75")
    expect(page.locator(".ant-statistic").filter(has_text="基础部分")).to_contain_text("97.75")
    page.get_by_text("专家组汇总（已评分专家 2 人）").scroll_into_view_if_needed()
    console.screenshot("expert-panel", full_page=False)
    console.assert_accessible()
    stored = server.graphql(PANEL, {"id": application}, username="demo.city_reviewer")[
        "application"
    ]
    assert stored["score"] == 97.75 and stored["stage"]["id"] == "expert_assessment"

    # The panel has scored: the expert concludes the assessment (附件3), and it leaves the experts' lists.
    page.get_by_role("button", name="返回评分任务").click()
    page.get_by_text("已评分", exact=True).click()
    expect(page.get_by_role("row").filter(has_text=BASE)).to_contain_text("已评分")
    page.get_by_role("link", name=BASE).click()
    page.get_by_role("button", name="完成专家考核评估").click()
    page.get_by_role("dialog").get_by_role("button", name="确定").click()
    expect(page.get_by_role("heading", name="评分任务")).to_be_visible()
    page.get_by_text("已评分", exact=True).click()
    expect(page.get_by_text("暂无已评分的申请")).to_be_visible()
    assert (
        server.graphql(PANEL, {"id": application}, username="demo.city_reviewer")["application"][
            "stage"
        ]["id"]
        == "decision"
    )

    # A third expert declares their own link to an institution on its sheet (回避), and is shown it.
    server.cli(
        "users",
        "create",
        "expert.three",
        "--role",
        "expert",
        "--area",
        "330100",
        "--password-stdin",
        stdin=PASSWORD + "\n",
    )
    console.login("expert.three", PASSWORD)
    page.get_by_role("link", name=LINKED).click()
    page.get_by_role("button", name="申请回避").click()
    page.get_by_label("回避理由").fill("配偶在该公司任职")
    page.get_by_role("dialog").get_by_role("button", name="确定").click()
    expect(page.get_by_role("alert").filter(has_text="您须回避本申请")).to_contain_text(
        "expert.three 已登记与"
    )
    expect(page.get_by_role("button", name="提交评分")).to_have_count(0)
