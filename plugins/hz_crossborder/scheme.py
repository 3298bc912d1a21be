"""The scheme itself: the 2021 call of 杭州市跨境电商综试办, its metadata and dated parameters."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from core.parameters import Parameters
from core.schemes import Scheme

SCHEME_ID = "hz_crossborder"
HANGZHOU = "330100"

SCHEME = Scheme(
    id=SCHEME_ID,
    title="杭州跨境电商人才社会培训基地认定",
    # The notice carries no 文号: this descriptive reference stands in for it (README.md).
    document_number="《关于开展2021年度杭州跨境电商人才社会培训基地认定工作的通知》（无文号）",
    authority="杭州市跨境电子商务综合试验区建设领导小组办公室（杭州自贸片区管委会跨境电商综试处）",
    jurisdiction=HANGZHOU,
    effective_from=dt.date(2021, 1, 1),  # the 年度 of the call; the notice's own date is not given
    version="2021.1",
    parameters=Parameters.load(Path(__file__).with_name("parameters.yaml")),
    recognition_title="杭州跨境电商人才社会培训基地",
    ban_parameter=None,  # the notice provides no revocation and no ban
    summary="在杭注册、具有独立法人资格的社会培训基地，经区、县（市）跨境电商主管部门组织报名并汇总申报，"
    "市综试办预审、专家按附件1评价表（100分）打分并实地考察，终审综合评定、公示无异议后认定。",
)
