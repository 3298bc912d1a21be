"""附件2 浙江省社会培训评价组织评估细则（试行）: items, the automatic rule deductions, the bonus and
the aggregate (1-4项合计须在90分以上; 加分项另计).

Items 1, 3 and 4 are scored by the experts (the mean of each expert's latest score, as core does);
item 2 is computed from the declared rule list (每少1项扣2分，扣完为止); item 5 gives 10–20 points
for each 放宽 ground that stands and that the experts accept (0 when they do not).
"""

from __future__ import annotations

from statistics import fmean

from core.criteria import CriterionKind, CriterionResult, EvaluationMode, Facts, Finding, Outcome
from core.engine.context import TransitionContext
from core.errors import ErrorCode, UserError
from core.scoring import Assessment, ReviewFacts, Subtotal, latest_judgments
from plugins.zj_evaluation_org.choices import PERSONNEL_RULES, WORKPLACE_RULES
from plugins.zj_evaluation_org.relaxation import GROUNDS, assess

ITEMS_1_4 = "附件2 1-4"
BONUS = "附件2 5 加分项"
PASS_MARK_CRITERION = "annex2_note_pass_mark"
BONUS_IDS = {f"annex2_5_bonus_{g.id}": g for g in GROUNDS}


def _rule_points(listed, max_points: float):
    def check(facts: Facts) -> Finding:
        per = facts.params["points_off_per_missing_rule"]
        missing = [rule.label for rule in listed if rule not in set(facts.form.rules)]
        points = max(0.0, max_points - per.value * len(missing))
        return Finding(
            Outcome.SCORED,
            f"查阅文件，每少1项扣{per.value}分，扣完为止"
            + (f"；缺少：{'、'.join(missing)}" if missing else ""),
            {"missing": missing},
            points=points,
            field=("rules",) if missing else (),
            parameters=(per,),
        )

    return check


workplace_rules = _rule_points(WORKPLACE_RULES, 10)
personnel_rules = _rule_points(PERSONNEL_RULES, 10)


def pass_mark(facts: Facts) -> Finding:
    mark, low, high = (
        facts.params[n] for n in ("pass_mark_items_1_4", "bonus_min_points", "bonus_max_points")
    )
    return Finding(
        Outcome.INFO,
        f"1-4项合计分数必须在{mark.value}分以上（含本数）；加分项每项{low.value}-{high.value}分，"
        "不计入该合计",
        {"pass_mark": mark.value},
        parameters=(mark, low, high),
    )


def bonus_finding(facts: Facts, ground_id: str) -> Finding:
    """Evaluation of a bonus item (judgment): whether its ground is claimed and stands."""
    claim = assess(facts, BONUS_IDS[ground_id])
    if not claim.claimed:
        return Finding(Outcome.INFO, "未主张该情形，不加分", {"claimed": False, "stands": False})
    if not claim.stands:
        return Finding(
            Outcome.INFO,
            f"主张的情形不成立（{claim.reason}），不加分",
            {"claimed": True, "stands": False},
        )
    return Finding(
        Outcome.PENDING,
        f"情形成立（{claim.reason}）；评审专家核查佐证材料，认可的加10-20分，不认可的记0分",
        {"claimed": True, "stands": True},
    )


# -- aggregate --------------------------------------------------------------------------------------


def aggregate(results: list[CriterionResult], reviews: list[ReviewFacts]) -> Assessment:
    judged = latest_judgments(reviews)
    mark_result = next(r for r in results if r.criterion_id == PASS_MARK_CRITERION)
    mark = mark_result.values["pass_mark"]
    items, bonus, unscored, lines, counted = 0.0, 0.0, [], [], {}
    for r in results:
        if r.kind is not CriterionKind.SCORED:
            continue
        if r.mode is EvaluationMode.AUTOMATIC:
            points, how = r.points or 0.0, "自动计算"
        else:
            given = [
                float(v)
                for v in judged.get(r.criterion_id, {}).values()
                if isinstance(v, (int, float))
            ]
            points = round(fmean(given), 2) if given else 0.0
            how = f"{len(given)} 位专家的平均分" if given else "尚未评分"
            if not given and r.criterion_id not in BONUS_IDS:
                unscored.append(r.criterion_id)
            counted[r.criterion_id] = points if given else None
        if r.criterion_id in BONUS_IDS:
            if r.outcome is not Outcome.PENDING:
                continue
            bonus += points
        else:
            items += points
        lines.append(f"{r.citation} {r.title}：{points:g}/{r.max_points:g}（{how}）")
    items, bonus = round(items, 2), round(bonus, 2)
    passed = None if unscored else items >= mark
    verdict = "尚有评估项目未评分" if unscored else ("达到" if passed else "未达到") + f"{mark}分"
    lines += [
        f"1-4项合计：{items:g}/100（须{mark}分以上，{verdict}）",
        f"5 加分项：{bonus:g}（不计入1-4项合计）",
        f"总分：{items + bonus:g}",
    ]
    claimed = sum(
        1 for r in results if r.criterion_id in BONUS_IDS and r.outcome is Outcome.PENDING
    )
    subtotals = (
        Subtotal("1-4项合计", items, 100, ITEMS_1_4),
        Subtotal("加分项", bonus, 20 * claimed, BONUS),
    )
    return Assessment(
        total=round(items + bonus, 2),
        maximum=100 + 20 * claimed,
        passed=passed,
        lines=tuple(lines),
        points=counted,
        subtotals=subtotals,
    )


# -- refusals: bonus points within 10–20 -------------------------------------------------------------


def bonus_refusals(ctx: TransitionContext) -> list[UserError]:
    """Points for item 5 only for a ground that stands, and then 0 (not accepted) or 10–20."""
    results = {r.criterion_id: r for r in ctx.results}
    low, high = ctx.params.value("bonus_min_points"), ctx.params.value("bonus_max_points")
    errors = []
    for i, judgment in enumerate(ctx.judgments):
        result = results.get(judgment.criterion_id)
        if judgment.criterion_id not in BONUS_IDS or result is None or judgment.points is None:
            continue
        path = ("input", "judgments", str(i), "points")
        if result.outcome is not Outcome.PENDING and judgment.points != 0:
            errors.append(
                UserError(
                    ErrorCode.SCORE_OUT_OF_RANGE,
                    f"{result.citation} {result.title}：{result.rule}，只能记0分",
                    path,
                )
            )
        elif judgment.points != 0 and not low <= judgment.points <= high:
            errors.append(
                UserError(
                    ErrorCode.SCORE_OUT_OF_RANGE,
                    f"{result.citation} {result.title}：每项加{low}-{high}分（不认可的记0分），给出 {judgment.points:g} 分",
                    path,
                )
            )
    return errors
