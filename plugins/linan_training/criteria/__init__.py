"""The criteria of 临人社发〔2020〕105号, each citing its article, gathered from one module per area."""

from __future__ import annotations

from core.criteria import Criterion
from plugins.linan_training import ids
from plugins.linan_training.criteria import (
    classes,
    designation,
    exams,
    funding,
    oversight,
    teachers,
)
from plugins.linan_training.criteria.common import auto, designation_active

# Teachers, classes, fees and subsidies are for an institution whose designation is in force.
UNDER_DESIGNATION = (ids.TEACHER, ids.CLASS_FILING, ids.CLASS_CHANGE, ids.FEE, ids.SUBSIDY)

CRITERIA: tuple[Criterion, ...] = (
    *designation.CRITERIA,
    auto(
        "art3_designation_active",
        "定点资质有效",
        "第三条、第十六条",
        "定点条件",
        designation_active,
        UNDER_DESIGNATION,
    ),
    *teachers.CRITERIA,
    *classes.CRITERIA,
    *exams.CRITERIA,
    *funding.CRITERIA,
    *oversight.CRITERIA,
)
