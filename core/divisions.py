"""Administrative divisions of Zhejiang (GB/T 2260), as a cited table.

Covers the province, its 11 prefecture-level cities, and Hangzhou's 13 districts and counties as
they stand after the 2021 restructuring (国函〔2021〕18号, in force 2021-04-09: 下城区 merged into
拱墅区, 江干区 split into 上城区 and 钱塘区, 临平区 carved out of 余杭区). No maintained package
carries this right, so the table lives here. The retired codes are kept so that an old code gets a
specific error instead of "unknown".

An institution's registered area is one of these codes; its *city* is the prefecture-level code
(``3301xx`` -> ``330100``), or the province itself for bodies registered at province level.
"""

from __future__ import annotations

from dataclasses import dataclass

from core.errors import ErrorCode, Refused

PROVINCE = "330000"


@dataclass(frozen=True)
class Division:
    code: str
    name: str
    level: str  # "province" | "city" | "district"

    @property
    def city_code(self) -> str:
        return self.code if self.level != "district" else self.code[:4] + "00"


_ROWS: list[tuple[str, str, str]] = [
    (PROVINCE, "浙江省", "province"),
    ("330100", "杭州市", "city"),
    ("330200", "宁波市", "city"),
    ("330300", "温州市", "city"),
    ("330400", "嘉兴市", "city"),
    ("330500", "湖州市", "city"),
    ("330600", "绍兴市", "city"),
    ("330700", "金华市", "city"),
    ("330800", "衢州市", "city"),
    ("330900", "舟山市", "city"),
    ("331000", "台州市", "city"),
    ("331100", "丽水市", "city"),
    ("330102", "上城区", "district"),
    ("330105", "拱墅区", "district"),
    ("330106", "西湖区", "district"),
    ("330108", "滨江区", "district"),
    ("330109", "萧山区", "district"),
    ("330110", "余杭区", "district"),
    ("330111", "富阳区", "district"),
    ("330112", "临安区", "district"),
    ("330113", "临平区", "district"),
    ("330114", "钱塘区", "district"),
    ("330122", "桐庐县", "district"),
    ("330127", "淳安县", "district"),
    ("330182", "建德市", "district"),
]

DIVISIONS: dict[str, Division] = {code: Division(code, name, level) for code, name, level in _ROWS}

RETIRED: dict[str, str] = {
    "330103": "下城区已于2021年并入拱墅区（330105）",
    "330104": "江干区已于2021年撤销，分入上城区（330102）和钱塘区（330114）",
    "330185": "临安市已于2017年撤市设区，现为临安区（330112）",
}


def lookup(code: str, *field: str) -> Division:
    """Return the division for ``code`` or raise :class:`Refused` saying why it is not accepted."""
    if code in DIVISIONS:
        return DIVISIONS[code]
    if code in RETIRED:
        raise Refused.one(
            ErrorCode.UNKNOWN_DIVISION, f"行政区划代码 {code} 已停用：{RETIRED[code]}", *field
        )
    raise Refused.one(
        ErrorCode.UNKNOWN_DIVISION,
        f"行政区划代码 {code} 不在浙江省（GB/T 2260）地市及杭州市区县代码表中",
        *field,
    )


def name_of(code: str) -> str:
    division = DIVISIONS.get(code)
    return division.name if division else code
