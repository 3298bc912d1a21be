"""The district and city reviewers' path in the console, in a real browser against a real server.

An institution of 余杭区 files a 服务外包人才培训机构 认定申请 through the API. The district reviewer
finds it in the work queue (filtered by scheme and district), reads the criterion results, tries to
return it without a reason and reads the API's refusal on the reason field, then passes it on with
its judgments on the criteria the action publishes; it leaves the district's queue. A decision the
judgments do not support (临安区) is refused on the criteria it names. The city
reviewer finds it in theirs (filtered by stage), reads the district's review and forwards it to the
experts. The queue and application pages pass axe-core.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect
from stdnum.cn import uscc

from plugins.hz_outsourcing.examples import FORM
from tests.console.conftest import Console

PASSWORD = "Reviewer-Test-Passw0rd"
CREDIT_CODE = "91330110MA2R0W001" + uscc.calc_check_digit("91330110MA2R0W001")
INSTITUTION = "杭州余杭审核示范培训学校"
SCHEME = "杭州市服务外包人才培训机构认定"

REGISTER = """mutation($i: RegisterInstitutionInput!) { registerInstitution(input: $i) { institution { id } errors { message } } }"""
CREATE = """mutation($i: CreateApplicationInput!) { createApplication(input: $i) {
  application { id version } errors { message } } }"""
SUBMIT = """mutation($i: SubmitApplicationInput!) { submitApplication(input: $i) {
  application { id version stage { id } } errors { message } } }"""
STATE = """query($id: ID!) { application(id: $id) { version stage { id } reviews { role transition comment
  judgments { criterionId passed note } } } }"""


def _filed(console: Console) -> str:
    """An application of 余杭区 submitted by its institution through the API; its ID."""
    server = console.server
    server.cli(
        "users",
        "create",
        "yuhang.peixun",
        "--role",
        "applicant",
        "--credit-code",
        CREDIT_CODE,
        "--password-stdin",
        stdin=PASSWORD + "\n",
    )
    ask = lambda query, variables: server.graphql(
        query, variables, username="yuhang.peixun", password=PASSWORD
    )
    institution = ask(
        REGISTER,
        {
            "i": {
                "name": INSTITUTION,
                "creditCode": CREDIT_CODE,
                "orgType": "ENTERPRISE",
                "divisionCode": "330110",
                "registeredOn": "2016-05-01",
                "legalRepresentative": "沈立",
                "contacts": [{"name": "钱芳", "phone": "0571-86001122"}],
            }
        },
    )["registerInstitution"]["institution"]
    draft = ask(
        CREATE,
        {
            "i": {
                "institutionId": institution["id"],
                "schemeId": "hz_outsourcing",
                "kind": "recognition",
                "form": FORM,
            }
        },
    )["createApplication"]["application"]
    submitted = ask(SUBMIT, {"i": {"id": draft["id"], "expectedVersion": draft["version"]}})[
        "submitApplication"
    ]
    assert (
        submitted["errors"] == [] and submitted["application"]["stage"]["id"] == "district_review"
    )
    return draft["id"]


def _state(console: Console, application_id: str) -> dict:
    return console.server.graphql(STATE, {"id": application_id}, username="demo.city_reviewer")[
        "application"
    ]


@pytest.mark.fast
def test_district_then_city_reviewer_move_an_application_on_from_their_queues(console: Console):
    page = console.page
    application_id = _filed(console)

    # The district reviewer's queue, filtered to the scheme and the district.
    console.login("demo.district_reviewer")
    expect(page.get_by_role("heading", name="待办审核")).to_be_visible()
    console.choose("认定事项", SCHEME)
    console.choose("所在地区", "杭州市 余杭区")
    row = page.get_by_role("row").filter(has_text=INSTITUTION)
    expect(row).to_contain_text("区、县（市）商务部门初审")
    expect(row).to_contain_text("杭州市 余杭区")
    expect(row).to_contain_text("2026年3月2日")
    expect(page.get_by_text("共 1 条")).to_be_visible()
    console.screenshot("reviewer-queue")
    console.assert_accessible()

    # The application: criterion results with their articles, then the actions with what each requires.
    row.get_by_role("link", name=INSTITUTION).click()
    expect(page.get_by_role("heading", name=f"{INSTITUTION}：认定申请")).to_be_visible()
    scale = page.get_by_role("row").filter(has_text="第六条（三）")
    expect(scale).to_contain_text("累计培训服务外包人才（人）：2350")
    expect(scale).to_contain_text("符合")
    action = page.get_by_role("form", name="办理")
    expect(action.get_by_role("list", name="办理要求")).to_contain_text(
        "自动核验的必备条件须全部符合"
    )
    judgments = action.locator(".ant-table").get_by_role("radiogroup")
    expect(judgments).to_have_count(5)  # the five criteria 初审 may judge
    console.assert_accessible()

    # Returning it without a reason: the API's refusal, in plain words, on the reason.
    action.get_by_text("退回修改", exact=True).click()
    expect(action.get_by_role("list", name="办理要求")).to_contain_text("须写明审核意见（理由）")
    action.get_by_role("button", name="退回修改").click()
    page.get_by_role("dialog").get_by_role("button", name="确定").click()
    reason = page.locator(".ant-form-item").filter(has=page.get_by_label("审核意见", exact=True))
    refusal = reason.locator(".ant-form-item-explain-error")
    expect(refusal).to_have_text("必须填写：“退回修改”须填写评审意见")
    console.settle(refusal)
    console.screenshot("reviewer-refused", full_page=False)
    assert (
        _state(console, application_id)["stage"]["id"] == "district_review"
    )  # refused: nothing changed

    # Passing it on, with a judgment on each criterion.
    action.get_by_text("初审通过，报杭州市商务局", exact=True).click()
    for group in judgments.all():
        group.get_by_text("符合", exact=True).click()
    action.get_by_label("有一定数量的具备教学资质的专业教师 说明").fill(
        "专职教师 2 人，资质证书齐全"
    )
    page.get_by_label("审核意见", exact=True).fill("材料齐全，符合第六条所列条件")
    expect(refusal).to_have_count(0)  # the refusal goes once the reason is written
    page.get_by_label("审核意见", exact=True).scroll_into_view_if_needed()
    console.screenshot("reviewer-application", full_page=False)  # the judgments, ready to send
    action.get_by_role("button", name="初审通过，报杭州市商务局").click()
    page.get_by_role("dialog").get_by_role("button", name="确定").click()
    expect(page.locator(".ant-descriptions-item").filter(has_text="当前环节")).to_contain_text(
        "杭州市商务局审核"
    )
    expect(page.get_by_text("本环节由市级审核人员办理，您无需操作")).to_be_visible()
    state = _state(console, application_id)
    assert state["stage"]["id"] == "city_review"
    [review] = state["reviews"]
    assert (review["role"], review["transition"], review["comment"]) == (
        "DISTRICT_REVIEWER",
        "district_approve",
        "材料齐全，符合第六条所列条件",
    )
    assert [j["passed"] for j in review["judgments"]] == [True] * 5
    assert "专职教师 2 人，资质证书齐全" in [j["note"] for j in review["judgments"]]
    page.get_by_role("button", name="返回待办").click()
    expect(page.get_by_role("heading", name="待办审核")).to_be_visible()
    expect(page.get_by_role("row").filter(has_text=INSTITUTION)).to_have_count(
        0
    )  # no longer waiting on the district

    # A decision its judgments do not support: each refusal on the criterion it names (临安区's
    # designation needs every judgment a pass).
    console.choose("认定事项", "杭州市临安区定点职业技能培训机构管理")
    page.get_by_role("link", name="杭州临安青山湖职业培训有限公司").click()
    action = page.get_by_role("form", name="办理")
    action.get_by_text("审批确定为定点机构", exact=True).click()
    expect(action.get_by_role("list", name="办理要求")).to_contain_text(
        "须对以下 3 项作出“符合”的判定"
    )
    action.get_by_role("radiogroup", name="场地、设施、设备满足培训需要 判定").get_by_text(
        "符合", exact=True
    ).click()
    action.get_by_role("radiogroup", name="师资力量与培训规模相称 判定").get_by_text(
        "不符合", exact=True
    ).click()
    action.get_by_role("button", name="审批确定为定点机构").click()
    page.get_by_role("dialog").get_by_role("button", name="确定").click()
    rows = action.locator(".ant-table-row")
    expect(
        rows.filter(has_text="师资力量与培训规模相称").locator(".ant-form-item-explain-error")
    ).to_have_text(
        "不符合条件：评审判定不符合 第三条、第五条 师资力量与培训规模相称（须每位评审人员的最近一次判定均为符合）"
    )
    expect(
        rows.filter(has_text="管理制度健全").locator(".ant-form-item-explain-error")
    ).to_have_text("尚未判定：尚未对 第八条 管理制度健全并能落实，安全措施到位 作出判定")
    expect(
        rows.filter(has_text="场地、设施").locator(".ant-form-item-explain-error")
    ).to_have_count(0)
    console.screenshot("reviewer-judgments-refused", full_page=False)

    # The city reviewer finds it waiting at their stage, reads the district's review and forwards it.
    page.get_by_role("button", name="退出").click()
    console.login("demo.city_reviewer")
    console.choose("当前环节", "杭州市商务局审核")
    page.get_by_role("row").filter(has_text=INSTITUTION).get_by_role(
        "link", name=INSTITUTION
    ).click()
    page.get_by_role("tab", name="审核意见（1）").click()
    expect(page.get_by_role("tabpanel")).to_contain_text(
        "区县审核人员 demo.district_reviewer：初审通过，报杭州市商务局"
    )
    expect(page.get_by_role("tabpanel")).to_contain_text("专职教师 2 人，资质证书齐全")
    console.assert_accessible()
    action = page.get_by_role("form", name="办理")
    expect(action.get_by_role("radiogroup", name="办理事项")).to_contain_text(
        "审核通过，提交专家评审"
    )
    for group in action.locator(".ant-table").get_by_role("radiogroup").all():
        group.get_by_text("符合", exact=True).click()
    action.get_by_role("button", name="审核通过，提交专家评审").click()
    page.get_by_role("dialog").get_by_role("button", name="确定").click()
    expect(page.locator(".ant-descriptions-item").filter(has_text="当前环节")).to_contain_text(
        "专家评审"
    )
    console.screenshot("reviewer-city-forwarded")
    state = _state(console, application_id)
    assert state["stage"]["id"] == "expert_review"
    assert [(r["role"], r["transition"]) for r in state["reviews"]] == [
        ("DISTRICT_REVIEWER", "district_approve"),
        ("CITY_REVIEWER", "city_forward"),
    ]
