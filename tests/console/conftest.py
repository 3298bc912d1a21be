"""A real ``accredit serve --demo`` and a real Chromium for the console's browser tests.

The server runs once per session as a subprocess on a free port with a temporary SQLite database,
exactly as an operator starts it, and the console reaches it only through ``/graphql``. Chromium is
Debian's (``/usr/bin/chromium``, installed by ``.ci/run`` when missing), driven by Playwright for
Python; Playwright's own browser download is never used. Each test gets a fresh browser context;
after it, no request may have left the server's origin (the console works offline) and no script
error may have happened.

Screenshots go to ``$ACCREDIT_SCREENSHOTS`` when set (``docs/screenshots`` refreshes the README's),
else to a temporary folder.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, expect, sync_playwright

from tests.support.ports import free_port

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
TODAY = "2026-03-02"
expect.set_options(timeout=30_000)  # two busy CI cores: a large form can take seconds to render


class ConsoleServer:
    """``accredit serve --demo`` in a subprocess; ``password`` is what it printed for the demo accounts."""

    def __init__(self, folder: Path):
        self.folder, self.port = folder, free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.env = {
            **os.environ,
            "ACCREDIT_DATABASE_URL": f"sqlite+aiosqlite:///{folder / 'console.db'}",
            "ACCREDIT_TODAY": TODAY,
            "ACCREDIT_SECRET_KEY": "console-test-secret-" + "x" * 32,
            "ACCREDIT_SECRET_FILE": str(folder / "accredit.secret"),
        }
        self.log_path = folder / "server.log"
        self.password = ""
        self.tokens: dict[str, str] = {}

    def start(self, timeout: float = 180) -> None:
        self.log = open(self.log_path, "w", encoding="utf-8")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "core.cli", "serve", "--demo", "--port", str(self.port)],
            cwd=ROOT,
            env=self.env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(
                    f"accredit serve exited with {self.process.returncode}:\n{self.log_text()}"
                )
            try:
                if httpx.get(f"{self.url}/readyz", timeout=2).status_code == 200:
                    printed = re.search(
                        r"password (\S+):", self.log_text()
                    )  # not again on a restart
                    self.password = printed.group(1) if printed else self.password
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.5)
        raise RuntimeError(f"accredit serve not ready after {timeout:.0f} s:\n{self.log_text()}")

    def log_text(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(15)
        self.log.close()

    def cli(self, *args: str, stdin: str = "") -> str:
        """Run ``accredit <args>`` against the server's database, as an operator would."""
        done = subprocess.run(
            [sys.executable, "-m", "core.cli", *args],
            cwd=ROOT,
            env=self.env,
            input=stdin,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 0, done.stdout + done.stderr
        return done.stdout

    def graphql(
        self,
        query: str,
        variables: dict | None = None,
        *,
        username: str,
        password: str | None = None,
    ) -> dict:
        """Ask the API directly, as the given user (to check what the console stored)."""
        if username not in self.tokens:
            login = httpx.post(
                f"{self.url}/graphql",
                timeout=30,
                json={
                    "query": "mutation($i: LoginInput!) { login(input: $i) { token } }",
                    "variables": {
                        "i": {"username": username, "password": password or self.password}
                    },
                },
            ).json()
            self.tokens[username] = login["data"]["login"]["token"]
        token = self.tokens[username]
        body = httpx.post(
            f"{self.url}/graphql",
            timeout=30,
            json={"query": query, "variables": variables or {}},
            headers={"Authorization": f"Bearer {token}"},
        ).json()
        assert "errors" not in body, body["errors"]
        return body["data"]


@pytest.fixture(scope="session")
def console_server(tmp_path_factory) -> Iterator[ConsoleServer]:
    server = ConsoleServer(tmp_path_factory.mktemp("console-server"))
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if not Path(CHROMIUM).exists():
        pytest.fail(
            f"{CHROMIUM} is missing: `apt-get install chromium fonts-noto-cjk` (.ci/run does it on CI)"
        )
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture(scope="session")
def screenshots(tmp_path_factory) -> Path:
    folder = Path(os.environ.get("ACCREDIT_SCREENSHOTS") or tmp_path_factory.mktemp("screenshots"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


class Console:
    """The console in one browser tab, with the few gestures the tests repeat."""

    def __init__(self, page: Page, server: ConsoleServer, screenshots: Path):
        self.page, self.server, self.screenshots = page, server, screenshots

    def open(self, path: str) -> None:
        self.page.goto(f"{self.server.url}/console/{path.lstrip('/')}")

    def login(self, username: str, password: str | None = None) -> None:
        self.open("login")
        self.page.get_by_label("用户名").fill(username)
        self.page.get_by_label("密码").fill(password or self.server.password)
        self.page.get_by_role("button", name="登录").click()
        expect(self.page.get_by_role("button", name="退出")).to_be_visible()

    def choose(self, label: str, option: str) -> None:
        """Pick ``option`` in the antd select labelled ``label``, and see it chosen (a click that lands
        while a dropdown is still opening or closing is tried again)."""
        field = self.page.get_by_label(label, exact=True)
        select = self.page.locator(".ant-select").filter(has=field)
        for attempt in range(3):
            field.click()
            # dispatched rather than clicked at a position: the list may still be sliding open
            self.page.locator(
                f".ant-select-dropdown:visible .ant-select-item-option[title='{option}']"
            ).dispatch_event("click")
            try:
                expect(select).to_contain_text(option, timeout=5_000)
                return
            except AssertionError:
                self.page.keyboard.press("Escape")
                if attempt == 2:
                    raise

    def screenshot(self, name: str, *, full_page: bool = True) -> Path:
        """Save the page as ``<name>.png`` (passing notices hidden, so pictures do not depend on timing)."""
        path = self.screenshots / f"{name}.png"
        self.page.screenshot(
            path=path, full_page=full_page, style=".ant-message { display: none !important; }"
        )
        return path

    def settle(self, locator, *, tries: int = 50) -> None:
        """Wait until ``locator`` stops moving (a drawer sliding in), for a picture of where it stays."""
        previous = None
        for _ in range(tries):
            current = locator.bounding_box()
            if current is not None and current == previous:
                return
            previous = current
            self.page.wait_for_timeout(100)

    def expect_errors_on_fields(self, errors: list[dict]) -> None:
        """Each of the API's ``errors`` is shown on the field its path names: a form field (rjsf's
        ``root_<path>``, in its table cell or form item), the round, or else the page's alert."""
        for error in errors:
            path = error["field"][1:] if error["field"][:1] == ["input"] else error["field"]
            if path[:1] == ["form"] and len(path) > 1:
                field = self.page.locator(f"[id='root_{'_'.join(path[1:])}']").first
                cell = self.page.locator("td").filter(has=field)
                shown = (
                    cell.locator(".form-table-error")
                    if cell.count()
                    else self.page.locator(".ant-form-item")
                    .filter(has=field)
                    .last.locator(".ant-form-item-explain")
                )
            elif path[:1] in (["round"], ["roundId"]):
                shown = (
                    self.page.locator(".ant-form-item")
                    .filter(has=self.page.get_by_label("申报批次"))
                    .locator(".ant-form-item-explain")
                )
            else:
                shown = self.page.get_by_role("alert")
            expect(shown).to_contain_text(error["message"])

    def assert_accessible(self) -> None:
        """axe-core finds no serious or critical violation on the page as it stands."""
        results = Axe().run(self.page)
        bad = [v for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
        assert not bad, "\n".join(
            f"{v['id']} ({v['impact']}): {v['help']} -> {[n['target'] for n in v['nodes']][:5]}"
            for v in bad
        )


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if report.when == "call":
        item.console_failed = report.failed
    return report


@pytest.fixture
def served(console_server: ConsoleServer) -> ConsoleServer:
    """The server the console test drives: the shared demo, unless a module needs one of its own."""
    return console_server


@pytest.fixture
def console(
    request, browser: Browser, served: ConsoleServer, screenshots: Path
) -> Iterator[Console]:
    context = browser.new_context(
        locale="zh-CN", timezone_id="Asia/Shanghai", viewport={"width": 1400, "height": 900}
    )
    page = context.new_page()
    elsewhere: list[str] = []
    script_errors: list[str] = []
    page.on(
        "request",
        lambda request: (
            None
            if request.url.startswith((served.url, "data:", "blob:"))
            else elsewhere.append(request.url)
        ),
    )
    page.on("pageerror", lambda error: script_errors.append(str(error)))
    yield Console(page, served, screenshots)
    if getattr(request.node, "console_failed", False):  # what the page showed when the test failed
        page.screenshot(path=screenshots / f"failed-{request.node.name}.png", full_page=True)
    context.close()
    assert not elsewhere, f"the console fetched from outside the server: {elsewhere[:5]}"
    assert not script_errors, f"script errors in the page: {script_errors[:5]}"
