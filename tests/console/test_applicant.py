"""The applicant's whole path in the console, in a real browser against a real server.

A new applicant account (created on the command line, as an operator would) logs in, registers
its institution, fills in a 认定申请 from the form the scheme publishes, meets the API's refusal on
the field it names, pre-checks the form criterion by criterion, saves and submits it, follows it
through a request for more information, and sees its recognitions with the ban that a revocation
brings. Anyone sees the public register without logging in. The main pages pass axe-core.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect
from stdnum.cn import uscc

from tests.console.conftest import Console

PASSWORD = "Console-Test-Passw0rd"
CREDIT_CODE = "91330106MA2C0N001" + uscc.calc_check_digit("91330106MA2C0N001")
INSTITUTION = "杭州西湖控制台示范培训学校"
SCHEME = "杭州市服务外包人才培训机构认定"

APPLICATIONS_OF = """query($f: ApplicationFilter) { applications(filter: $f, first: 10) {
  edges { node { id version stage { id } form institution { name } } } } }"""
STAGE = """query($id: ID!) { application(id: $id) { stage { id } } }"""
ACT = """mutation($i: ActOnApplicationInput!) { actOnApplication(input: $i) {
  application { id version } errors { code message } } }"""


@pytest.mark.fast
def test_public_register_needs_no_login(console: Console):
    page = console.page
    console.open("register")
    row = page.get_by_role("row").filter(has_text="杭州临安天目职业技能培训学校")
    expect(row).to_contain_text("杭州市 临安区")  # division names, not codes
    expect(row).to_contain_text("2026年3月2日")
    expect(row).to_contain_text("电工、中式烹调师、茶艺师")
    console.choose("认定事项", SCHEME)
    expect(page.get_by_role("row")).to_have_count(2)  # the header and the one recognition under it
    expect(page.get_by_text("共 1 条")).to_be_visible()
    console.screenshot("public-register")
    console.assert_accessible()


def answer(console: Console, field: str, value: str) -> None:
    console.page.locator(f"#root_{field}").get_by_text(value, exact=True).click()


def add_tag(console: Console, field: str, text: str) -> None:
    console.page.locator(f"#root_{field}").fill(text)
    console.page.locator(f"#root_{field}").press("Enter")


def test_applicant_registers_files_prechecks_submits_and_follows_the_application(console: Console):
    server, page = console.server, console.page
    server.cli(
        "users",
        "create",
        "xihu.peixun",
        "--role",
        "applicant",
        "--credit-code",
        CREDIT_CODE,
        "--password-stdin",
        stdin=PASSWORD + "\n",
    )
    console.login("xihu.peixun", PASSWORD)
    expect(page.get_by_role("heading", name="我的申请")).to_be_visible()
    expect(page.get_by_text("暂无申请")).to_be_visible()

    # Register the institution; the API's refusal lands on the field it names.
    page.get_by_role("link", name="机构信息").click()
    expect(page.get_by_text(f"统一社会信用代码为 {CREDIT_CODE}")).to_be_visible()
    page.get_by_role("button", name="登记机构").click()
    page.get_by_label("机构名称").fill(INSTITUTION)
    console.choose("机构类型", "民办非企业单位")
    console.choose("登记注册地", "杭州市 西湖区")
    page.get_by_label("登记注册日期").fill("2030-01-01")
    page.get_by_label("登记注册日期").press("Tab")
    page.get_by_label("法定代表人").fill("周建华")
    page.get_by_label("地址").fill("杭州市西湖区文三路 100 号")
    page.get_by_role("button", name="添加联系人").click()
    page.get_by_label("联系人 1 姓名").fill("吴敏")
    page.get_by_label("联系人 1 电话").fill("0571-88112233")
    page.get_by_role("button", name="登记").click()
    date_item = page.locator(".ant-form-item").filter(has=page.get_by_label("登记注册日期"))
    expect(date_item.locator(".ant-form-item-explain-error")).to_contain_text("2030")
    page.get_by_label("登记注册日期").fill("2016-05-01")
    page.get_by_label("登记注册日期").press("Tab")
    page.get_by_role("button", name="登记").click()
    expect(page.locator(".ant-card-head-title")).to_have_text(
        [INSTITUTION]
    )  # its own, not the register's
    card = page.locator(".ant-card").filter(has_text=INSTITUTION)
    expect(card).to_contain_text("杭州市 西湖区")
    expect(card).to_contain_text("2016年5月1日")
    expect(card).to_contain_text("民办非企业单位")
    console.screenshot("applicant-institution")
    console.assert_accessible()
    card.get_by_role("button", name=f"修改 {INSTITUTION}").click()  # and edit it
    expect(page.get_by_label("统一社会信用代码")).to_be_disabled()
    page.get_by_label("地址").fill("杭州市西湖区文三路 102 号")
    page.get_by_role("button", name="保存").click()
    expect(card).to_contain_text("杭州市西湖区文三路 102 号")

    # A 认定申请 from the form the scheme publishes.
    page.get_by_role("link", name="新建申请").click()
    console.choose("申报机构", INSTITUTION)
    console.choose("认定事项", SCHEME)
    console.choose("申请事项", "认定申请")
    expect(page.locator("label[for=root_trainees_cumulative]")).to_have_text(
        "累计培训服务外包人才（人）"
    )
    for field in (
        "independent_legal_person",
        "business_in_operation",
        "no_serious_violations_3y",
        "no_fiscal_arrears",
        "files_accounts_and_statistics",
        "attends_inspections",
        "has_assessment_system",
        "issues_certificates",
        "textbooks_self_compiled",
        "declaration_truthful",
    ):
        answer(console, field, "是")
    add_tag(console, "business_qualifications", "民办职业培训学校办学许可证 330106000123")
    add_tag(console, "equipment", "学员计算机 60 台")
    page.locator("#root_training_started_on").fill("2018-09-01")
    page.locator("#root_training_started_on").press("Tab")
    page.locator("#root_trainees_cumulative").fill("2350")
    page.locator("#root_trainees_recent_half_year").fill("310")
    page.locator("#root_teachers").get_by_role("button", name="添加一行").click()
    page.locator("#root_teachers_0_name").fill("   ")  # blank: JSON Schema's minLength lets it by
    page.locator("#root_teachers_0_qualification").fill("系统架构设计师（高级）")
    console.choose("专职", "是")
    console.choose("固定培训场所", "填写")
    page.locator("#root_premises_address").fill("杭州市西湖区文三路 100 号 2 楼")
    page.locator("#root_premises_area_m2").fill("600")
    console.choose("产权", "租赁")
    page.locator("#root_training_content").get_by_text(
        "服务外包企业新入职人员岗前业务技能培训"
    ).click()
    page.locator("#root_delivery_modes").get_by_text("线下", exact=True).click()
    page.get_by_role("button", name="保存草稿").click()
    name_cell = page.locator("td").filter(has=page.locator("#root_teachers_0_name"))
    expect(name_cell.locator(".form-table-error")).to_have_text(
        "专业教师 第1项 姓名：不能为空"
    )  # the API's, on its cell
    console.screenshot("applicant-field-error", full_page=False)  # scrolled to the refused field
    console.assert_accessible()
    assert (
        server.graphql(
            "{ applications(first: 10) { totalCount } }", username="xihu.peixun", password=PASSWORD
        )["applications"]["totalCount"]
        == 0
    )  # refused: nothing stored

    page.locator("#root_teachers_0_name").fill("陈明")
    page.get_by_role("button", name="预审").click()
    drawer = page.get_by_role("dialog", name="预审结果")
    expect(drawer).to_contain_text("有 1 项必备条件不符合")
    rules = drawer.get_by_role("row").filter(has_text="第六条（八）")
    expect(rules).to_contain_text("不符合")
    expect(rules).to_contain_text("培训管理细则")
    console.settle(drawer)
    rules.scroll_into_view_if_needed()
    console.screenshot(
        "applicant-precheck", full_page=False
    )  # the drawer over the form, at the failure
    console.assert_accessible()
    page.keyboard.press("Escape")
    for topic in (
        "培训计划的制定",
        "培训组织和实施",
        "培训纪律",
        "培训师资",
        "招生要求",
        "培训收费标准",
        "培训考核",
    ):
        page.locator("#root_management_rules_topics").get_by_text(topic, exact=True).click()
    page.get_by_role("button", name="预审").click()
    expect(drawer).to_contain_text("自动核验的必备条件均已符合")
    scale = drawer.get_by_role("row").filter(has_text="第六条（三）")
    expect(scale).to_contain_text("累计培训服务外包人才500人以上（含本数）")  # the rule
    expect(scale).to_contain_text(
        "累计培训服务外包人才（人）：2350"
    )  # the value, under its form title
    expect(scale).to_contain_text("符合")
    expect(
        drawer.get_by_role("row").filter(has_text="第六条（二）")
    ).to_contain_text(  # the policy number, its source
        "培训从业时间下限（整年，含本数：“2年以上”）：2（第六条（二），2021年12月20日起）"
    )
    expect(drawer.get_by_role("row").filter(has_text="第六条（四）")).to_contain_text("待评审")
    page.keyboard.press("Escape")

    page.get_by_role("button", name="保存草稿").click()
    expect(page.get_by_role("heading", name="修改申请")).to_be_visible()
    page.get_by_role("button", name="提交申请").click()
    expect(page.get_by_role("heading", name="认定申请")).to_be_visible()
    expect(page.get_by_text("区、县（市）商务部门初审（第七条）")).to_be_visible()
    expect(page.locator(".ant-tag").filter(has_text="审核中")).to_be_visible()
    page.get_by_role("tab", name="办理记录").click()
    expect(page.get_by_text("提交申请，进入“区、县（市）商务部门初审”")).to_be_visible()
    console.screenshot("applicant-application")
    console.assert_accessible()

    # The district asks for more information; the applicant reads why, corrects and submits again.
    [app] = [
        e["node"]
        for e in server.graphql(
            APPLICATIONS_OF,
            {"f": {"schemeId": "hz_outsourcing"}},
            username="xihu.peixun",
            password=PASSWORD,
        )["applications"]["edges"]
    ]
    returned = server.graphql(
        ACT,
        {
            "i": {
                "id": app["id"],
                "expectedVersion": app["version"],
                "action": "district_return",
                "comment": "请补充专业教师的资质证书编号",
            }
        },
        username="demo.district_reviewer",
    )
    assert returned["actOnApplication"]["errors"] == []
    page.reload()
    expect(page.get_by_text("审核人员要求补正材料")).to_be_visible()
    expect(page.get_by_text("请补充专业教师的资质证书编号").first).to_be_visible()
    page.get_by_role("tab", name="审核意见（1）").click()
    expect(page.locator(".ant-tag").filter(has_text="退回补正")).to_be_visible()
    console.screenshot("applicant-returned")
    page.get_by_role("button", name="修改").click()
    page.locator("#root_teachers_0_qualification").fill(
        "系统架构设计师（高级），证书编号 2019-0001"
    )
    page.get_by_role("button", name="提交申请").click()
    expect(page.get_by_text("区、县（市）商务部门初审（第七条）")).to_be_visible()
    [app] = [
        e["node"]
        for e in server.graphql(
            APPLICATIONS_OF,
            {"f": {"schemeId": "hz_outsourcing"}},
            username="xihu.peixun",
            password=PASSWORD,
        )["applications"]["edges"]
    ]
    assert app["stage"]["id"] == "district_review"
    assert app["form"]["teachers"] == [
        {
            "name": "陈明",
            "qualification": "系统架构设计师（高级），证书编号 2019-0001",
            "full_time": True,
        }
    ]


RECOGNITIONS = """query($f: RecognitionFilter) { recognitions(filter: $f, first: 5) {
  edges { node { id institution { id name } } } } }"""
CREATE = """mutation($i: CreateApplicationInput!) { createApplication(input: $i) {
  application { id version } errors { code message } } }"""
SUBMIT = """mutation($i: SubmitApplicationInput!) { submitApplication(input: $i) {
  application { id version } errors { code message } } }"""


def test_applicant_sees_its_recognitions_their_validity_and_the_ban_a_revocation_brings(
    console: Console,
):
    server, page = console.server, console.page
    # The city revokes the demo's recognised 服务外包 training institution (第十五条): a case one
    # reviewer opens and another decides (four eyes).
    server.cli(
        "users",
        "create",
        "city.second",
        "--role",
        "city_reviewer",
        "--area",
        "330100",
        "--password-stdin",
        stdin=PASSWORD + "\n",
    )
    [held] = [
        e["node"]
        for e in server.graphql(
            RECOGNITIONS, {"f": {"schemeId": "hz_outsourcing"}}, username="demo.city_reviewer"
        )["recognitions"]["edges"]
    ]
    case = server.graphql(
        CREATE,
        {
            "i": {
                "institutionId": held["institution"]["id"],
                "schemeId": "hz_outsourcing",
                "kind": "revocation",
                "recognitionId": held["id"],
                "form": {"ground": "false_data", "facts": "连续两年未如实报送培训数据"},
            }
        },
        username="demo.city_reviewer",
    )["createApplication"]["application"]
    case = server.graphql(
        SUBMIT,
        {"i": {"id": case["id"], "expectedVersion": case["version"]}},
        username="demo.city_reviewer",
    )["submitApplication"]["application"]
    revoked = server.graphql(
        ACT,
        {
            "i": {
                "id": case["id"],
                "expectedVersion": case["version"],
                "action": "revoke",
                "comment": "经查实，取消认定",
            }
        },
        username="city.second",
        password=PASSWORD,
    )
    assert revoked["actOnApplication"]["errors"] == []

    console.login("demo.applicant")
    page.get_by_role("link", name="我的认定").click()
    expect(
        page.get_by_role("heading", name="我的认定")
    ).to_be_visible()  # not the list of applications any more
    row = page.get_by_role("row").filter(has_text=held["institution"]["name"])
    expect(row).to_contain_text("已撤销")
    expect(row).to_contain_text("2026年3月2日（第十五条")  # the ground recorded, with its article
    expect(row).to_contain_text("经查实，取消认定）")
    expect(row).to_contain_text("2029年3月2日")  # three years' ban (第十五条)
    expect(page.get_by_role("alert")).to_contain_text(
        f"{held['institution']['name']}的“杭州市服务外包人才培训机构”已被撤销，至2029年3月2日（含当日）不得重新申请该认定"
    )
    expect(page.get_by_role("row").filter(has_text="杭州临安天目职业技能培训学校")).to_contain_text(
        "有效"
    )
    console.screenshot("applicant-recognitions")
    console.assert_accessible()


def test_applicant_withdraws_a_draft(console: Console):
    page = console.page
    [draft] = [
        e["node"]
        for e in console.server.graphql(
            APPLICATIONS_OF, {"f": {"schemeId": "hz_crossborder"}}, username="demo.applicant"
        )["applications"]["edges"]
        if e["node"]["institution"]["name"] == "杭州临平丝路跨境电商职业培训学校"
    ]  # the demo's second draft
    console.login("demo.applicant")
    console.open(f"applications/{draft['id']}")
    page.get_by_role("button", name="撤回").click()
    page.get_by_role("dialog").get_by_role("button", name="确定").click()
    expect(page.locator(".ant-descriptions-item").filter(has_text="当前环节")).to_contain_text(
        "已撤回"
    )
    steps = page.locator(".ant-steps")
    expect(steps).to_have_text("填报申报表已撤回")  # only the stages it went through
    assert (
        console.server.graphql(STAGE, {"id": draft["id"]}, username="demo.applicant")[
            "application"
        ]["stage"]["id"]
        == "withdrawn"
    )
