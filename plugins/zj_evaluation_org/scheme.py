"""The scheme itself: 浙人社办发〔2020〕35号, its metadata, dated parameters and first round."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from core.parameters import Parameters
from core.schemes import Round, Scheme

SCHEME_ID = "zj_evaluation_org"
EFFECTIVE_FROM = dt.date(2020, 11, 5)

SCHEME = Scheme(
    id=SCHEME_ID,
    title="浙江省职业技能等级认定试点社会培训评价组织遴选",
    document_number="浙人社办发〔2020〕35号",
    authority="浙江省人力资源和社会保障厅",
    jurisdiction="330000",
    effective_from=EFFECTIVE_FROM,
    version="2020.1",
    parameters=Parameters.load(Path(__file__).with_name("parameters.yaml")),
    recognition_title="浙江省职业技能等级认定试点社会培训评价组织",
    ban_parameter=None,  # 五（三）取消试点资格: the notice sets no period before applying again
    summary="申报条件（一）、职业（工种）范围（二）、分级遴选与管理（三）、申报遴选流程（四）、"
    "每市同一职业原则上不超过5家（五（二））、试点有效期与综合评估（五（三））；附件1 遴选标准、附件2 评估细则、附件3 申报表。",
)

_params = SCHEME.parameters.at(EFFECTIVE_FROM)
FIRST_BATCH = Round(
    "2020_first_batch",
    "2020年首批职业技能等级认定试点社会培训评价组织遴选",
    opens_on=_params.value("first_batch_opens_on"),
    closes_on=_params.value("first_batch_closes_on"),
    kinds=("recognition",),
    citation="四（一）“2020年11月20日后”；五（二）“2020年12月31日前”报首批名单",
)
