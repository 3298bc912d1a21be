"""A scheme shipped as its own distribution is served with no change to core.

``tests/outoftree`` is a separate package (``accredit-example-scheme`` 0.3.0) that registers a module
under the ``accredit.schemes`` entry-point group. It is pip-installed into a folder put on this
process's import path (``pip install --target``: its metadata and entry point are found there as
in site-packages, while parallel test workers and servers, which share the environment, never see
it), the platform is built from entry points (as ``accredit serve`` does), and the scheme is
queried, applied under, submitted and granted through GraphQL.
"""

from __future__ import annotations

import importlib
import importlib.util
import shutil
import subprocess
import sys
from importlib import metadata
from pathlib import Path

import pytest

from tests.support import documents as doc
from tests.support.helpers import act, codes, create, ok, register, submit

SOURCE = Path(__file__).parent / "outoftree"
DISTRIBUTION, MODULE, SCHEME = (
    "accredit-example-scheme",
    "accredit_example_scheme",
    "example_outoftree",
)

QUERY = """{
  schemes { id plugin pluginVersion kinds { id formSchema } criteria { id citation } }
  plugins { name version hooks }
}"""

EDIT = """mutation($input: EditApplicationInput!) {
  editApplication(input: $input) { application { id version stageId form } errors { field code message } } }"""


def _pip(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "pip", *args], capture_output=True, text=True, timeout=300
    )


def _forget_module() -> None:
    for name in [n for n in sys.modules if n == MODULE or n.startswith(MODULE + ".")]:
        del sys.modules[name]


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """Install the out-of-tree distribution (from a copy, so no build files land in the repo) into a
    folder on this process's import path; take the folder off it after."""
    source, target = (
        tmp_path_factory.mktemp("outoftree") / "src",
        tmp_path_factory.mktemp("outoftree-site"),
    )
    shutil.copytree(
        SOURCE, source, ignore=shutil.ignore_patterns("build", "*.egg-info", "__pycache__")
    )
    args = ["install", "--no-deps", "-q", "--target", str(target)]
    if importlib.util.find_spec("setuptools") is not None:
        args.append(
            "--no-build-isolation"
        )  # build offline with the setuptools at hand; else pip fetches it
    result = _pip(*args, str(source))
    assert result.returncode == 0, f"pip install failed:\n{result.stdout}\n{result.stderr}"

    sys.path.append(str(target))
    importlib.invalidate_caches()
    _forget_module()
    try:
        assert metadata.version(DISTRIBUTION) == "0.3.0"
        yield
    finally:
        sys.path.remove(str(target))
        _forget_module()
        importlib.invalidate_caches()
        assert not _entry_point_installed("example")


def _entry_point_installed(name: str) -> bool:
    return any(ep.name == name for ep in metadata.entry_points(group="accredit.schemes"))


@pytest.mark.fast
async def test_out_of_tree_scheme_is_served_from_its_entry_point(installed, client_for):
    assert _entry_point_installed("example")
    gql = await client_for(load_entrypoints=True)
    data = await gql(QUERY)

    schemes = {s["id"]: s for s in data["schemes"]}
    example = schemes[SCHEME]
    assert example["plugin"] == "example" and example["pluginVersion"] == "0.3.0"
    assert [k["id"] for k in example["kinds"]] == ["recognition"]
    form_schema = example["kinds"][0]["formSchema"]
    assert form_schema["required"] == ["teachers"]
    assert form_schema["properties"]["teachers"]["title"] == "专职教师人数"
    assert example["criteria"] == [{"id": "teachers", "citation": "第三条"}]

    plugins = {p["name"]: p for p in data["plugins"]}
    assert plugins["example"]["version"] == "0.3.0"
    assert {
        "accredit_schemes",
        "accredit_application_kinds",
        "accredit_criteria",
        "accredit_examples",
    } <= set(plugins["example"]["hooks"])

    # The built-in scheme is served alongside whenever accredit itself is installed (pip install -e .).
    if _entry_point_installed("hz_outsourcing"):
        assert "hz_outsourcing" in schemes


async def test_out_of_tree_scheme_takes_an_application_through_its_workflow(installed, client_for):
    gql = await client_for(load_entrypoints=True)
    inst = await register(gql, name="杭州树外示例培训学校有限公司")

    draft = ok(await create(gql, inst["id"], SCHEME, {"teachers": 2}))
    assert draft["stageId"] == "draft" and draft["status"] == "DRAFT"
    assert (
        draft["evaluation"]["plugin"] == "example"
        and draft["evaluation"]["pluginVersion"] == "0.3.0"
    )
    [result] = draft["criterionResults"]
    assert (
        result["criterionId"] == "teachers"
        and result["outcome"] == "FAIL"
        and result["citation"] == "第三条"
    )

    refused = await submit(gql, draft)
    assert codes(refused) == ["CRITERION_NOT_MET"]
    assert "第三条" in refused["errors"][0]["message"]

    edited = (
        await gql(
            EDIT,
            {
                "input": {
                    "id": draft["id"],
                    "expectedVersion": draft["version"],
                    "form": {"teachers": 5, "summary": "三名以上专职教师"},
                }
            },
            role="applicant",
        )
    )["editApplication"]
    assert edited["errors"] == [] and edited["application"]["form"]["teachers"] == 5

    submitted = ok(await submit(gql, edited["application"]))
    assert submitted["stageId"] == "review" and submitted["status"] == "IN_REVIEW"
    assert {a["id"] for a in submitted["availableActions"]} == {"grant", "reject"}

    granted = ok(await act(gql, submitted, "grant", role="city_reviewer"))
    assert granted["stageId"] == "granted" and granted["status"] == "APPROVED"
    held = await gql(doc.INSTITUTION, {"id": inst["id"]})
    assert [
        (r["schemeId"], r["title"], r["status"]) for r in held["institution"]["recognitions"]
    ] == [(SCHEME, "示例认定培训机构", "ACTIVE")]
