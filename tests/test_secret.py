"""The master secret: created once (0600, whole), shared by every worker, refused when too short."""

from __future__ import annotations

import stat
from concurrent.futures import ThreadPoolExecutor

import pytest

from core.secret import derive, master_secret
from core.settings import Settings

pytestmark = pytest.mark.fast  # no database, cheap: the whole module runs in the edit-test loop


def test_workers_starting_together_share_one_secret_file(tmp_path):
    settings = Settings(secret_file=str(tmp_path / "accredit.secret"))
    with ThreadPoolExecutor(8) as pool:
        values = set(pool.map(lambda _: master_secret(settings), range(16)))
    assert len(values) == 1 and len(values.pop()) >= 32
    assert stat.S_IMODE((tmp_path / "accredit.secret").stat().st_mode) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "accredit.secret"
    ]  # no drafts left behind


def test_a_configured_secret_wins_and_a_short_one_is_refused(tmp_path):
    assert (
        master_secret(Settings(secret_key="k" * 40, secret_file=str(tmp_path / "unused")))
        == "k" * 40
    )
    assert not (tmp_path / "unused").exists()
    with pytest.raises(ValueError, match="at least 32"):
        master_secret(Settings(secret_key="short"))


def test_each_purpose_gets_its_own_key():
    assert derive("s" * 40, "bearer tokens v1") != derive("s" * 40, "personal data v1")
    assert len(derive("s" * 40, "bearer tokens v1")) == 32
