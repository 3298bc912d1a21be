"""The web console's built assets, committed inside the package, match their source, and the app
serves them at /console (any client-side route falls back to the page itself).

The source digest is the one console/vite.config.js writes into manifest.json: sha256 over
"<path>\\n<sha256 of the file>\\n" for every file of SOURCES, sorted by path. Recomputed here in
Python, so CI needs no Node: a change to the console's source, lock file or build configuration
without `npm run build` (and committing its output) fails this test.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import httpx
import pytest

from core.api.app import create_app
from core.api.console import ASSETS
from tests.conftest import make_platform

pytestmark = (
    pytest.mark.fast
)  # cheap (the built files and one request): the whole module runs in the edit-test loop

ROOT = Path(__file__).resolve().parents[1]
CONSOLE = ROOT / "console"
SOURCES = [
    "index.html",
    "package.json",
    "package-lock.json",
    "vite.config.js",
    "src",
]  # as in vite.config.js
MANIFEST = json.loads((ASSETS / "manifest.json").read_text(encoding="utf-8"))


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def source_digest() -> str:
    files = sorted(
        path.relative_to(CONSOLE).as_posix()
        for name in SOURCES
        for path in (
            [CONSOLE / name] if (CONSOLE / name).is_file() else (CONSOLE / name).rglob("*")
        )
        if path.is_file()
    )
    return _sha256(
        "".join(f"{path}\n{_sha256((CONSOLE / path).read_bytes())}\n" for path in files).encode()
    )


def test_built_console_matches_its_source():
    assert MANIFEST["source_sha256"] == source_digest(), (
        "console/ changed since core/api/console_assets was built: run `npm ci && npm run build` in console/ and commit the output"
    )


def test_built_files_are_the_ones_the_build_wrote_and_the_page_loads_only_them():
    built = {
        path.relative_to(ASSETS).as_posix(): _sha256(path.read_bytes())
        for path in ASSETS.rglob("*")
        if path.is_file() and path.name != "manifest.json"
    }
    assert built == MANIFEST["outputs"]
    page = (ASSETS / "index.html").read_text(encoding="utf-8")
    referenced = re.findall(r'(?:src|href)="/console/([^"]+)"', page)
    assert referenced and all(ref in built for ref in referenced)
    assert not re.search(r'(?:src|href)="(?:https?:)?//', page), (
        "the page must load nothing from elsewhere"
    )


async def test_the_app_serves_the_console_and_its_routes(tmp_path, migrated_template):
    import shutil

    shutil.copy(migrated_template, tmp_path / "a.db")
    platform = make_platform(f"sqlite+aiosqlite:///{tmp_path / 'a.db'}", [])
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=create_app(platform)), base_url="http://test"
    ) as http:
        assert (await http.get("/")).headers["location"] == "/console/"
        assert (await http.get("/console")).headers["location"] == "/console/"
        page = await http.get(
            "/console/applications/QXBwbGljYXRpb246MQ==/edit"
        )  # a client-side route
        assert page.status_code == 200 and '<div id="app"></div>' in page.text
        assert page.headers["cache-control"] == "no-cache"
        script = next(name for name in MANIFEST["outputs"] if name.endswith(".js"))
        asset = await http.get(f"/console/{script}")
        assert asset.status_code == 200 and "immutable" in asset.headers["cache-control"]
        assert (await http.get("/console/assets/missing.js")).status_code == 404
    await platform.close()
