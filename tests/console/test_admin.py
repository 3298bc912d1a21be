"""The scheme administrator's path in the console, in a real browser against a real server.

Only 浙江省社会培训评价组织 caps recognitions (five per occupation and city), and its only round,
the first batch, closed in 2020: so this test runs its own ``accredit serve --demo`` dated inside
that round. An organisation is taken to public notice through the API; the administrator's
dashboard shows no place taken; the server is restarted five working days later (the notice has
run), the city files the organisation, and the quota chart shows the place taken. The administrator
downloads the lists as workbooks and the test reads them back.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

import pytest
from openpyxl import load_workbook
from playwright.sync_api import expect
from stdnum.cn import uscc

from tests.console.conftest import Console, ConsoleServer
from tests.plugins.zj_evaluation_org_forms import ROUND, SCHEME, form, full_review

PASSWORD = "Console-Admin-Passw0rd"
CREDIT_CODE = "52330106MA2C0A001" + uscc.calc_check_digit("52330106MA2C0A001")
INSTITUTION = "杭州西湖控制台评价中心"
QUOTA_KEY = "职业 4-03-02-01（杭州市）"

REGISTER = """mutation($i: RegisterInstitutionInput!) { registerInstitution(input: $i) { institution { id } errors { message } } }"""
CREATE = """mutation($i: CreateApplicationInput!) { createApplication(input: $i) { application { id version } errors { message } } }"""
SUBMIT = """mutation($i: SubmitApplicationInput!) { submitApplication(input: $i) { application { id version } errors { message } } }"""
ACT = """mutation($i: ActOnApplicationInput!) { actOnApplication(input: $i) {
  application { id version stage { id } } errors { message } } }"""
COUNTS = """{ applicationCounts { count } }"""


@pytest.fixture(scope="module")
def admin_server(tmp_path_factory) -> Iterator[ConsoleServer]:
    server = ConsoleServer(tmp_path_factory.mktemp("admin-server"))
    server.env["ACCREDIT_TODAY"] = "2020-12-01"
    server.start()
    yield server
    server.stop()


@pytest.fixture
def served(admin_server: ConsoleServer) -> ConsoleServer:
    return admin_server


def _done(payload: dict) -> dict:
    assert payload["errors"] == [], payload["errors"]
    return payload["application"] or payload.get("institution")


def to_notice(server: ConsoleServer) -> dict:
    """An organisation in 西湖区 files for one occupation; the city accepts it, an expert reviews it,
    the city selects it: it is in public notice (五（三）)."""
    server.cli(
        "users",
        "create",
        "xihu.pingjia",
        "--role",
        "applicant",
        "--credit-code",
        CREDIT_CODE,
        "--password-stdin",
        stdin=PASSWORD + "\n",
    )
    server.cli(
        "users",
        "create",
        "hangzhou.second",
        "--role",
        "city_reviewer",
        "--area",
        "330100",
        "--password-stdin",
        stdin=PASSWORD + "\n",
    )
    applicant = {"username": "xihu.pingjia", "password": PASSWORD}
    inst = server.graphql(
        REGISTER,
        {
            "i": {
                "name": INSTITUTION,
                "creditCode": CREDIT_CODE,
                "orgType": "PRIVATE_NON_ENTERPRISE",
                "divisionCode": "330106",
                "registeredOn": "2010-01-01",
                "legalRepresentative": "张三",
                "contacts": [{"name": "李四", "phone": "0571-88888888"}],
            }
        },
        **applicant,
    )
    inst = inst["registerInstitution"]["institution"]
    app = _done(
        server.graphql(
            CREATE,
            {
                "i": {
                    "institutionId": inst["id"],
                    "schemeId": SCHEME,
                    "roundId": ROUND,
                    "form": form(),
                }
            },
            **applicant,
        )["createApplication"]
    )
    app = _done(
        server.graphql(
            SUBMIT, {"i": {"id": app["id"], "expectedVersion": app["version"]}}, **applicant
        )["submitApplication"]
    )
    for action, who, extra in (
        ("accept_city", "demo.city_reviewer", {}),
        ("expert_review_city", "demo.expert", {"comment": "逐项打分", "judgments": full_review()}),
        ("select_city", "hangzhou.second", {}),
    ):
        app = act(server, app, action, who, **extra)
    assert app["stage"]["id"] == "city_notice"
    return app


def act(server: ConsoleServer, app: dict, action: str, username: str, **extra) -> dict:
    password = None if username.startswith("demo.") else PASSWORD
    return _done(
        server.graphql(
            ACT,
            {"i": {"id": app["id"], "expectedVersion": app["version"], "action": action, **extra}},
            username=username,
            password=password,
        )["actOnApplication"]
    )


def quota_chart(console: Console):
    return console.page.locator(".ant-card").filter(has_text="名额使用情况")


def workbook(download, folder):
    """The downloaded workbook's sheet, opened as a spreadsheet program would open the file."""
    path = folder / download.suggested_filename
    download.save_as(path)
    return load_workbook(path).active


def test_administrator_watches_quotas_change_downloads_the_lists_and_reads_the_ranking(
    console: Console, tmp_path
):
    server, page = console.server, console.page
    app = to_notice(server)
    console.login("demo.scheme_admin")
    expect(page.get_by_role("heading", name="统计概览")).to_be_visible()
    card = quota_chart(console)
    expect(card).to_contain_text(
        "本市范围内同一职业社会培训评价机构不超过5家（不含技师学院）（五（二））"
    )
    expect(card).to_contain_text("尚未占用名额")

    # Once the notice's five working days have run (the day after the fifth: 四（三）), the city files
    # the organisation, taking a place.
    server.stop()
    server.env["ACCREDIT_TODAY"] = "2020-12-09"
    server.start()
    filed = act(server, app, "file_city", "demo.city_reviewer")
    assert filed["stage"]["id"] == "filed"
    page.reload()
    chart = card.locator(".console-chart")
    expect(chart).to_have_attribute(
        "aria-label", re.compile(f"{QUOTA_KEY}的数据是1")
    )  # 已用名额 1 …
    expect(chart).to_have_attribute(
        "aria-label", re.compile(f"{QUOTA_KEY}的数据是4")
    )  # … and 4 left of 5
    console.screenshot("admin-dashboard")
    console.assert_accessible()

    # The quota use and the applications as workbooks, read back.
    with page.expect_download() as download:
        card.get_by_role("button", name="导出名额使用").click()
    assert download.value.suggested_filename == "名额使用-20201209.xlsx"
    sheet = workbook(download.value, tmp_path)
    assert list(sheet.values) == [
        ("限额规则", "依据", "职业（工种）", "城市", "已用名额", "名额上限", "剩余名额"),
        (
            "本市范围内同一职业社会培训评价机构不超过5家（不含技师学院）",
            "五（二）",
            "4-03-02-01",
            "杭州市",
            1,
            5,
            4,
        ),
    ]

    applications = page.locator(".ant-card").filter(has_text="各区县申请办理情况")
    console.choose("认定事项", "浙江省职业技能等级认定试点社会培训评价组织遴选")
    with page.expect_download() as download:
        applications.get_by_role("button", name="导出申请明细").click()
    sheet = workbook(download.value, tmp_path)
    rows = list(sheet.values)
    assert rows[0][:4] == ("申请编号", "机构名称", "统一社会信用代码", "所在地区")
    [ours] = [r for r in rows[1:] if r[1] == INSTITUTION]
    assert ours[6:8] == ("已备案并赋码", "已通过")
    submitted = sheet.cell(row=rows.index(ours) + 1, column=10)
    assert submitted.is_date and submitted.value == dt.datetime(2020, 12, 1)
    expected = server.graphql(
        '{ applicationCounts(filter: {schemeId: "zj_evaluation_org"}) { count } }',
        username="demo.scheme_admin",
    )
    assert len(rows) - 1 == sum(c["count"] for c in expected["applicationCounts"])

    # The round's ranking.
    page.get_by_role("link", name="评审排名").click()
    console.choose("认定事项", "浙江省职业技能等级认定试点社会培训评价组织遴选")
    console.choose("申报批次", "2020年首批职业技能等级认定试点社会培训评价组织遴选")
    expect(page.get_by_role("row").filter(has_text=INSTITUTION)).to_contain_text("已备案并赋码")
    console.screenshot("admin-ranking")
    console.assert_accessible()


@pytest.mark.fast
def test_administrator_creates_an_account_the_api_refusing_a_weak_password_on_its_field(
    console: Console,
):
    """An account for a district reviewer of 西湖区, created in the console."""
    server, page = console.server, console.page
    console.login("demo.scheme_admin")
    page.get_by_role("link", name="账号管理").click()
    expect(page.get_by_role("row").filter(has_text="demo.district_reviewer")).to_contain_text(
        "区县审核人员"
    )
    page.get_by_role("button", name="新建账号").click()
    dialog = page.get_by_role("dialog", name="新建账号")
    dialog.get_by_label("用户名").fill("xihu.shenhe")
    dialog.get_by_label("姓名").fill("王芳")
    dialog.get_by_label("初始密码").fill("short")
    console.choose("角色", "区县审核人员")
    console.choose("管辖区域", "杭州市 西湖区")
    dialog.get_by_text("新建账号").click()  # the area list closes
    dialog.get_by_role("button", name="创建").click()
    password_item = dialog.locator(".ant-form-item").filter(has=page.get_by_label("初始密码"))
    expect(password_item.locator(".ant-form-item-explain-error")).to_have_text("密码至少 12 个字符")
    console.screenshot("admin-account-refused", full_page=False)
    console.assert_accessible()
    dialog.get_by_label("初始密码").fill(PASSWORD)
    dialog.get_by_role("button", name="创建").click()
    row = page.get_by_role("row").filter(has_text="xihu.shenhe")
    expect(row).to_contain_text("区县审核人员")
    expect(row).to_contain_text("西湖区")
    console.screenshot("admin-accounts")
    console.assert_accessible()
    me = server.graphql(
        "{ me { role scopes { areaCode } } }", username="xihu.shenhe", password=PASSWORD
    )["me"]
    assert me == {"role": "DISTRICT_REVIEWER", "scopes": [{"areaCode": "330106"}]}
