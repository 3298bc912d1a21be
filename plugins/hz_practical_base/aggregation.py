"""The score and grade of a biennial assessment (五（一）（二）（三）, 附件3).

基础部分 (items 1–12, 100 points) plus 加分部分 (items 13–14, 20 points). An expert-scored item
counts the mean of each expert's latest score, rounded half up to two decimals (the figure an
official writes on the 考核评估表), never above the bound the recorded facts allow; sums are exact
decimals, so a total of 89.99 is 良好 and 90.00 is 优秀 with no float drift. The grade waits until
every expert-scored item has a score, except that a ground of 五（三） makes it 不合格 at once.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from core.criteria import CriterionKind, CriterionResult, EvaluationMode, Outcome
from core.scoring import Assessment, ReviewFacts, Subtotal, latest_judgments
from plugins.hz_practical_base.criteria import AUTOMATIC_FAIL, BONUS_ITEMS, GRADE_BANDS

EXCELLENT, GOOD, PASS, FAIL = "优秀", "良好", "合格", "不合格"
CENT = Decimal("0.01")


def _decimal(value: float | int) -> Decimal:
    return Decimal(str(value))


def _show(value: Decimal) -> str:
    """89.50 -> 89.5, 15.0 -> 15, 100 -> 100 (no exponent)."""
    return f"{value.normalize():f}"


def _item_points(result: CriterionResult, judged: dict) -> tuple[Decimal | None, str]:
    """Points of one 附件3 item and the line that explains them (None while unscored)."""
    head = f"{result.citation} {result.title}"
    maximum = f"{result.max_points:g}"
    if result.mode is EvaluationMode.AUTOMATIC:
        points = _decimal(result.points or 0)
        return points, f"{head}：{_show(points)}/{maximum}（按记录自动计算）"
    given = [
        _decimal(v)
        for v in judged.get(result.criterion_id, {}).values()
        if isinstance(v, (int, float)) and not isinstance(v, bool)
    ]
    if not given:
        return None, f"{head}：待专家评分（满分{maximum}）"
    mean = (sum(given) / len(given)).quantize(CENT, rounding=ROUND_HALF_UP)
    bound = result.values.get("max_allowed")
    if bound is not None and mean > _decimal(bound):
        return (
            _decimal(bound),
            f"{head}：{_show(_decimal(bound))}/{maximum}（记录显示不具备；专家平均{_show(mean)}分不予采用）",
        )
    return mean, f"{head}：{_show(mean)}/{maximum}（{len(given)}位专家的平均分）"


def grade_of(total: Decimal, bands: dict) -> str:
    if total >= bands["grade_excellent_min"]:
        return EXCELLENT
    if total >= bands["grade_good_min"]:
        return GOOD
    return PASS if total >= bands["grade_pass_min"] else FAIL


def assess(results: list[CriterionResult], reviews: list[ReviewFacts]) -> Assessment:
    by_id = {r.criterion_id: r for r in results}
    bands = by_id[GRADE_BANDS].values
    judged = latest_judgments(reviews)
    base = bonus = Decimal(0)
    base_max = bonus_max = 0.0
    lines, unscored, counted = [], [], {}
    for result in (r for r in results if r.kind is CriterionKind.SCORED):
        points, line = _item_points(result, judged)
        lines.append(line)
        if result.mode is EvaluationMode.JUDGMENT:
            counted[result.criterion_id] = None if points is None else float(points)
        if points is None:
            unscored.append(result.citation)
            points = Decimal(0)
        if result.criterion_id in BONUS_ITEMS:
            bonus, bonus_max = bonus + points, bonus_max + (result.max_points or 0)
        else:
            base, base_max = base + points, base_max + (result.max_points or 0)
    with_bonus = bool(bands["grade_includes_bonus"])
    total = base + bonus if with_bonus else base
    maximum = base_max + bonus_max if with_bonus else base_max
    lines.append(
        f"基础部分 {_show(base)}/{base_max:g}，加分部分 {_show(bonus)}/{bonus_max:g}，"
        f"考核得分 {_show(total)}{'（含加分）' if with_bonus else '（不含加分）'}"
    )
    grounds = by_id[AUTOMATIC_FAIL]
    if grounds.outcome is Outcome.FAIL:
        lines.append(f"五（三）{grounds.rule}")
        grade = FAIL
    elif unscored:
        lines.append(f"尚有{len(unscored)}项待专家评分（{'、'.join(unscored)}），暂不评定等级")
        grade = None
    else:
        grade = grade_of(total, bands)
        lines.append(f"五（二）考核结果：{grade}")
    subtotals = (
        Subtotal("基础部分", float(base), base_max, "附件3 1-12"),
        Subtotal("加分部分", float(bonus), bonus_max, "附件3 13-14"),
    )
    return Assessment(
        total=float(total),
        maximum=maximum,
        passed=None if grade is None else grade != FAIL,
        grade=grade,
        lines=tuple(lines),
        points=counted,
        subtotals=subtotals,
    )
