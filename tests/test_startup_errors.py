"""Settings and options that cannot work stop ``accredit`` with one line naming the setting or
option and what to do, exit status 2, before anything listens or writes (:mod:`core.startup`)."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from core.cli import _parser, main
from tests.conftest import TEST_SECRET

ROOT = Path(__file__).resolve().parent.parent
CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture
def operator(monkeypatch, tmp_path, capsys):
    """``accredit ARGV`` in this process with a working environment (a new SQLite file, a secret)
    unless the test changes it; uvicorn must never be reached. Returns (status, stdout, stderr)."""
    monkeypatch.setenv("ACCREDIT_DATABASE_URL", f"sqlite+aiosqlite:///{tmp_path / 'accredit.db'}")
    monkeypatch.setenv("ACCREDIT_SECRET_KEY", TEST_SECRET)
    monkeypatch.setattr("uvicorn.run", lambda *a, **k: pytest.fail("the server started"))

    def run(*argv: str) -> tuple[int, str, str]:
        status = main(list(argv))
        captured = capsys.readouterr()
        return status, captured.out, captured.err

    return run


def one_line(status: int, err: str, *needles: str) -> None:
    assert status == 2
    assert len(err.splitlines()) == 1 and err.startswith("accredit: "), err
    for needle in needles:
        assert needle in err, err


@pytest.mark.parametrize(
    ("url", "needles"),
    [
        ("not a url", ["is not a database URL", "postgresql+asyncpg://"]),
        ("postgres://u:pw@localhost/db", ["postgres://", "postgresql+asyncpg://"]),
        ("postgresql://u:pw@localhost/db", ["synchronous", "postgresql+asyncpg://"]),
        ("sqlite:///accredit.db", ["synchronous", "sqlite+aiosqlite://"]),
        ("postgresql+psycopg2://u:pw@localhost/db", ["cannot use", "postgresql+asyncpg://"]),
        ("mysql+aiomysql://u:pw@localhost/db", ["'mysql'", "sqlite+aiosqlite"]),
        ("sqlite+aiosqlite:////no/such/folder/accredit.db", ["/no/such/folder does not exist"]),
        (
            "postgresql+asyncpg://u:hunter2secret@127.0.0.1:1/db",
            ["cannot connect", "check that the server runs"],
        ),
    ],
)
def test_a_database_url_that_cannot_work_is_one_line(operator, monkeypatch, url, needles):
    monkeypatch.setenv("ACCREDIT_DATABASE_URL", url)
    status, _, err = operator("db", "upgrade")
    one_line(status, err, "ACCREDIT_DATABASE_URL", *needles)
    assert "hunter2secret" not in err  # the password is never printed


def test_a_missing_driver_is_named_with_what_to_install(operator, monkeypatch):
    monkeypatch.setattr(
        "importlib.util.find_spec", lambda name: None if name == "asyncpg" else object()
    )
    monkeypatch.setenv("ACCREDIT_DATABASE_URL", "postgresql+asyncpg://u@localhost/db")
    one_line(*operator("db", "upgrade")[::2], "pip install asyncpg")


def test_a_short_secret_or_an_unwritable_secret_file_stops_serve(operator, monkeypatch, tmp_path):
    monkeypatch.setenv("ACCREDIT_SECRET_KEY", "too short")
    one_line(*operator("serve")[::2], "ACCREDIT_SECRET_KEY must hold at least 32 characters")
    monkeypatch.delenv("ACCREDIT_SECRET_KEY")
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    monkeypatch.setenv("ACCREDIT_SECRET_FILE", str(locked / "accredit.secret"))
    if os.geteuid() == 0:  # root writes anywhere: a folder that does not exist fails the same way
        monkeypatch.setenv("ACCREDIT_SECRET_FILE", str(tmp_path / "missing" / "accredit.secret"))
    one_line(*operator("serve")[::2], "ACCREDIT_SECRET_FILE: cannot create", "ACCREDIT_SECRET_KEY")


def test_a_port_in_use_is_refused_before_the_url_is_printed(operator):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        status, out, err = operator("serve", "--port", str(port))
    one_line(status, err, f"--port {port}", "already in use")
    assert out == ""  # no URL, no migration


def test_a_setting_that_is_not_valid_is_named(operator, monkeypatch):
    monkeypatch.setenv("ACCREDIT_POOL_SIZE", "ten")
    one_line(*operator("plugins")[::2], "ACCREDIT_POOL_SIZE")


def test_plugins_lists_what_accredit_plugins_names_and_refuses_a_name_it_cannot_import(
    operator, monkeypatch
):
    monkeypatch.setenv("ACCREDIT_PLUGINS", "tests.support.toy_plugin")
    status, out, _ = operator("plugins")
    assert status == 0 and "plugin tests.support.toy_plugin" in out
    monkeypatch.setenv("ACCREDIT_PLUGINS", "no_such_scheme.plugin")
    one_line(
        *operator("plugins")[::2], "ACCREDIT_PLUGINS names no_such_scheme.plugin", "install it"
    )


def test_schema_export_into_a_missing_folder(operator, tmp_path):
    one_line(
        *operator("schema", "export", "--output", str(tmp_path / "nowhere" / "schema.graphql"))[
            ::2
        ],
        "--output",
        "does not exist",
    )


def test_users_create_refuses_a_scheme_that_does_not_exist_and_speaks_english(operator):
    one_line(
        *operator(
            "users",
            "create",
            "expert.wu",
            "--role",
            "expert",
            "--area",
            "330100",
            "--scheme",
            "nope",
            "--no-password",
        )[::2],
        "--scheme nope: no such scheme",
        "hz_outsourcing",
    )
    assert operator("db", "upgrade")[0] == 0
    status, _, err = operator(
        "users", "create", "x", "--role", "expert", "--area", "330100", "--no-password"
    )
    assert (
        status == 1 and err.strip() == "refused: username: INVALID: 2-64 letters, digits or _ . @ -"
    )
    assert not CJK.search(err)


def test_users_create_without_a_terminal_says_how_to_give_the_password(tmp_path):
    """A real process with no controlling terminal (as under cron or CI), its stdin empty."""
    env = {
        **os.environ,
        "ACCREDIT_DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'a.db'}",
        "ACCREDIT_SECRET_KEY": TEST_SECRET,
    }
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "core.cli",
            "users",
            "create",
            "chen.admin",
            "--role",
            "scheme_admin",
            "--area",
            "330100",
        ],
        cwd=ROOT,
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        start_new_session=True,
        timeout=120,
    )
    assert result.returncode == 2, result.stderr
    assert result.stderr.strip() == (
        "accredit: no terminal to ask for the password on: pipe it in with "
        "--password-stdin, or create a machine account with --no-password"
    )


@pytest.mark.fast
def test_version_and_help_on_every_serve_option(capsys):
    with pytest.raises(SystemExit) as exited:
        main(["--version"])
    assert exited.value.code == 0 and re.fullmatch(
        r"accredit \d+\.\d+\.\d+\n", capsys.readouterr().out
    )
    serve = next(
        a for a in _parser()._subparsers._group_actions[0].choices.items() if a[0] == "serve"
    )[1]
    assert all(action.help for action in serve._actions), [
        a.dest for a in serve._actions if not a.help
    ]
