"""The scheme itself: 临人社发〔2020〕105号, its metadata and dated parameters."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from core.parameters import Parameters
from core.schemes import Scheme

SCHEME_ID = "linan_training"

SCHEME = Scheme(
    id=SCHEME_ID,
    title="杭州市临安区定点职业技能培训机构管理",
    document_number="临人社发〔2020〕105号",
    authority="杭州市临安区人力资源和社会保障局",
    jurisdiction="330112",
    effective_from=dt.date(2020, 12, 23),
    version="2020.1",
    parameters=Parameters.load(Path(__file__).with_name("parameters.yaml")),
    recognition_title="杭州市临安区定点职业技能培训机构",
    ban_parameter=None,  # 第十六条 cancels the designation but states no period barring a new application
    summary="《杭州市临安区职业技能培训管理办法》：定点审批（第三条）、培训师资库（第五条）、办班备案及调整（第六条）、"
    "班额（第七条）、鉴定考核和补考（第九至十一条）、收费核准和培训补贴（第十二、十三条）、年度考评（第十四、十五条）、"
    "暂停和取消定点资质（第十六条）。",
)
