"""Every application kind an applicant files is rendered by the console from the JSON Schema its
scheme publishes, and each scheme's worked example goes through its form unchanged.

The demo (``serve --demo``) files each plugin's worked examples through the services; the drafts
among them are opened in the console's editor and submitted from there. Whatever the API answers
is checked against the page: a submission that passes moves the application on; a refusal is shown
on the field each error names (a closed round on 申报批次, an unmet criterion on its form field).
Either way the form the console sent is the example itself: rendering it, validating it against
the published schema in the browser and sending it back lost or changed nothing.

Kinds started by reviewers (取消认定, 考核评估, 监督检查案件, 向省推荐, 设区市/省组织的评估) have no
console pages before the reviewers' increment and are not rendered here.
"""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import expect

from tests.console.conftest import Console

SCHEMES = """{ schemes { id title kinds { id title initiators formSchema } } }"""
DRAFTS = """{ applications(filter: {status: DRAFT}, first: 50) {
  edges { node { id schemeId kind form version institution { name } } } } }"""
# Top-level fields the form marks required: labels antd marks, and tables whose title carries the mark.
MARKED_REQUIRED = """() => [
  ...[...document.querySelectorAll('fieldset#root label.ant-form-item-required')].map((label) => label.htmlFor),
  ...[...document.querySelectorAll('fieldset#root .form-table-title')].filter((t) => t.querySelector('.form-table-required'))
     .map((title) => title.parentElement.id),
].map((id) => id.replace(/^root_/, '').replace(/__(anyof_select|title)$/, ''))"""
STAGE = """query($id: ID!) { application(id: $id) { stage { id } status form } }"""


def applicant_kinds(console: Console) -> list[tuple[dict, dict]]:
    schemes = console.server.graphql(SCHEMES, username="demo.applicant")["schemes"]
    return [
        (scheme, kind)
        for scheme in schemes
        for kind in scheme["kinds"]
        if "APPLICANT" in kind["initiators"]
    ]


@pytest.mark.fast
def test_every_kind_an_applicant_files_renders_from_its_published_schema(console: Console):
    kinds = applicant_kinds(console)
    assert len(kinds) >= 15
    console.login("demo.applicant")
    console.open("applications/new")
    console.choose("申报机构", "杭州临安天目职业技能培训学校")
    page = console.page
    for scheme, kind in kinds:
        console.choose("认定事项", scheme["title"])
        console.choose("申请事项", kind["title"])
        schema, where = kind["formSchema"], f"{scheme['id']}/{kind['id']}"
        titles = [
            field.get("title") or schema["$defs"][field["$ref"].rsplit("/", 1)[-1]]["title"]
            for field in schema["properties"].values()
        ]
        form = page.locator("fieldset#root")
        expect(page.get_by_text(f"申报表：{kind['title']}")).to_be_visible()
        expect(form).to_contain_text(titles[0])
        text = form.inner_text()
        assert [t for t in titles if t not in text] == [], (
            f"{where}: fields missing"
        )  # every field, under its title
        assert "Unsupported" not in text, where
        marked = set(page.evaluate(MARKED_REQUIRED))
        assert set(schema.get("required", [])) <= marked, f"{where}: required fields not marked"


def test_each_worked_example_goes_through_its_form_unchanged(console: Console):
    drafts = console.server.graphql(DRAFTS, username="demo.applicant")["applications"]["edges"]
    examples = {}
    for edge in drafts:  # one draft per scheme
        examples.setdefault(edge["node"]["schemeId"], edge["node"])
    assert set(examples) == {
        "hz_crossborder",
        "hz_outsourcing",
        "hz_practical_base",
        "linan_training",
        "zj_evaluation_org",
    }
    console.login("demo.applicant")
    page = console.page
    for scheme_id, draft in sorted(examples.items()):
        console.open(f"applications/{draft['id']}/edit")
        expect(page.locator("fieldset#root")).to_be_visible()
        with page.expect_response(
            lambda r: "SubmitApplication" in (r.request.post_data or "")
        ) as answer:
            page.get_by_role("button", name="提交申请").click()
        errors = json.loads(answer.value.text())["data"]["submitApplication"]["errors"]
        after = console.server.graphql(STAGE, {"id": draft["id"]}, username="demo.applicant")[
            "application"
        ]
        assert after["form"] == draft["form"], (
            f"{scheme_id}: the form changed on its way through the console"
        )
        if errors:
            expect(page.get_by_role("heading", name="修改申请")).to_be_visible()
            console.expect_errors_on_fields(errors)
            if scheme_id == "hz_outsourcing":  # the page has scrolled to the first refusal
                console.screenshot("applicant-example-refused", full_page=False)
        else:
            assert after["status"] != "DRAFT"
            expect(page.get_by_text("当前环节")).to_be_visible()
            expect(page.locator(".ant-tag").filter(has_text="审核中")).to_be_visible()
