"""The scheme itself: 杭人社发〔2023〕115号, its metadata and dated parameters."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from core.parameters import Parameters
from core.schemes import Scheme

SCHEME_ID = "hz_practical_base"

SCHEME = Scheme(
    id=SCHEME_ID,
    title="杭州市高技能人才公共实训基地（市公共实训基地分基地）认定",
    document_number="杭人社发〔2023〕115号",
    authority="杭州市人力资源和社会保障局",
    jurisdiction="330100",
    effective_from=dt.date(2024, 1, 20),
    version="2024.1",
    parameters=Parameters.load(Path(__file__).with_name("parameters.yaml")),
    # The plaque every base receives (二（三）2); each grant's own name is decided in terms.py.
    recognition_title="杭州市高技能人才公共实训基地",
    ban_parameter=None,  # 五（二）撤销并摘牌 sets no period before a new application
    summary="《杭州市高技能人才公共实训基地体系建设实施办法》：申报条件和认定标准（二、附件1）、申报表（附件2）、"
    "受理、专家现场考察评估、公示和授予名称铭牌（二（三））、每两年考核评估及撤销摘牌（五、附件3）。",
)
