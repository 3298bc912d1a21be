"""The scheme itself: 杭商务〔2021〕192号, its metadata and dated parameters."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from core.parameters import Parameters
from core.schemes import Scheme

SCHEME_ID = "hz_outsourcing"

SCHEME = Scheme(
    id=SCHEME_ID,
    title="杭州市服务外包人才培训机构认定",
    document_number="杭商务〔2021〕192号",
    authority="杭州市商务局",
    jurisdiction="330100",
    effective_from=dt.date(2021, 12, 20),
    version="2021.1",
    parameters=Parameters.load(Path(__file__).with_name("parameters.yaml")),
    recognition_title="杭州市服务外包人才培训机构",
    ban_parameter="reapply_ban_years",
    summary="《杭州市服务外包人才培训机构认定管理办法》：认定条件（第六条）、认定程序（第七至九条）、"
    "年度报送（第十二条）、计划变更备案（第十三条）、两年一次检查登记（第十四条）和取消认定（第十五条）。",
)
