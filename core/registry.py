"""Everything the plugins declared, collected once at start-up and checked for consistency.

A duplicate id or a dangling reference (a criterion naming an undeclared kind, a quota rule or a
transition naming an unknown parameter) stops start-up with :class:`RegistryError` naming the
plugin and the id, instead of surfacing later as a wrong decision.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pluggy

from core.calendar import WorkingCalendar
from core.criteria import Criterion
from core.errors import ErrorCode, Refused
from core.plugins import plugin_version
from core.quotas import QuotaRule
from core.schemes import ApplicationKind, Round, Scheme


class RegistryError(RuntimeError):
    pass


@dataclass(eq=False)  # hashed by identity: caches key on it
class SchemeEntry:
    scheme: Scheme
    plugin: str
    plugin_version: str
    rounds: dict[str, Round] = field(default_factory=dict)
    kinds: dict[str, ApplicationKind] = field(default_factory=dict)
    criteria: dict[str, Criterion] = field(default_factory=dict)
    quota_rules: dict[str, QuotaRule] = field(default_factory=dict)

    def kind(self, kind_id: str, *path: str) -> ApplicationKind:
        try:
            return self.kinds[kind_id]
        except KeyError:
            known = "、".join(self.kinds)
            raise Refused.one(
                ErrorCode.NOT_FOUND,
                f"方案 {self.scheme.id} 没有申请类型 {kind_id!r}（可选：{known}）",
                *path,
            ) from None

    def round(self, round_id: str, *path: str) -> Round:
        try:
            return self.rounds[round_id]
        except KeyError:
            raise Refused.one(
                ErrorCode.NOT_FOUND, f"方案 {self.scheme.id} 没有申报批次 {round_id!r}", *path
            ) from None

    def criteria_for(self, kind_id: str) -> list[Criterion]:
        return [c for c in self.criteria.values() if kind_id in c.kinds]


class Registry:
    def __init__(self, pm: pluggy.PluginManager, calendar: WorkingCalendar):
        self.pm = pm
        self.calendar = calendar
        self.schemes: dict[str, SchemeEntry] = {}
        self._collect()

    def scheme(self, scheme_id: str, *path: str) -> SchemeEntry:
        try:
            return self.schemes[scheme_id]
        except KeyError:
            raise Refused.one(ErrorCode.NOT_FOUND, f"没有方案 {scheme_id!r}", *path) from None

    # -- collection ---------------------------------------------------------------------------

    def _collect(self) -> None:
        for impl in self.pm.hook.accredit_schemes.get_hookimpls():
            for scheme in impl.function() or ():
                if scheme.id in self.schemes:
                    raise RegistryError(
                        f"scheme {scheme.id!r} declared by {impl.plugin_name!r} "
                        f"is already declared by {self.schemes[scheme.id].plugin!r}"
                    )
                self.schemes[scheme.id] = SchemeEntry(
                    scheme, impl.plugin_name, plugin_version(self.pm, impl.plugin)
                )
        for entry in self.schemes.values():
            self._collect_scheme(entry)

    def _per_plugin(self, hook: pluggy.HookCaller, scheme: Scheme):
        for impl in hook.get_hookimpls():
            kwargs = {name: scheme for name in impl.argnames if name == "scheme"}
            for item in impl.function(**kwargs) or ():
                yield impl.plugin_name, item

    def _collect_scheme(self, entry: SchemeEntry) -> None:
        scheme, hook = entry.scheme, self.pm.hook
        where = f"scheme {scheme.id!r}"
        names = {p.name for p in scheme.parameters}
        if scheme.ban_parameter and scheme.ban_parameter not in names:
            raise RegistryError(
                f"{where}: ban_parameter {scheme.ban_parameter!r} is not a parameter of the scheme"
            )
        for plugin, kind in self._per_plugin(hook.accredit_application_kinds, scheme):
            _add(entry.kinds, kind.id, kind, f"{where}: application kind", plugin)
            kind.workflow.validate(f"{where} kind {kind.id!r}")
            for t in kind.workflow.transitions:
                if t.min_working_days_in_stage and t.min_working_days_in_stage not in names:
                    raise RegistryError(
                        f"{where}: transition {t.id!r} names unknown parameter {t.min_working_days_in_stage!r}"
                    )
        for plugin, rnd in self._per_plugin(hook.accredit_rounds, scheme):
            _add(entry.rounds, rnd.id, rnd, f"{where}: round", plugin)
            _known_kinds(entry, rnd.kinds, f"{where} round {rnd.id!r}", plugin)
        for plugin, criterion in self._per_plugin(hook.accredit_criteria, scheme):
            _add(entry.criteria, criterion.id, criterion, f"{where}: criterion", plugin)
            _known_kinds(entry, criterion.kinds, f"{where} criterion {criterion.id!r}", plugin)
        for plugin, rule in self._per_plugin(hook.accredit_quota_rules, scheme):
            _add(entry.quota_rules, rule.id, rule, f"{where}: quota rule", plugin)
            if rule.limit_parameter not in names:
                raise RegistryError(
                    f"{where}: quota rule {rule.id!r} ({plugin}) names unknown parameter {rule.limit_parameter!r}"
                )


def _add(target: dict, key: str, value: object, what: str, plugin: str) -> None:
    if key in target:
        raise RegistryError(f"{what} {key!r} declared twice (again by {plugin!r})")
    target[key] = value


def _known_kinds(entry: SchemeEntry, kinds: tuple[str, ...], where: str, plugin: str) -> None:
    unknown = [k for k in kinds if k not in entry.kinds]
    if unknown:
        raise RegistryError(
            f"{where} ({plugin}) refers to undeclared application kind(s) {unknown}"
        )
