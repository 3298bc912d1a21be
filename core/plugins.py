"""The plugin manager factory (never a module global): specs, built-in defaults, entry points.

Tests build their own manager with exactly the plugins they need::

    pm = get_plugin_manager(load_entrypoints=False, plugins=[my_test_plugin])
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import metadata

import pluggy

from core import hookspecs
from core.defaults import DEFAULT_PLUGINS

ENTRY_POINT_GROUP = "accredit.schemes"


def get_plugin_manager(
    *, load_entrypoints: bool = True, plugins: Iterable[object] = ()
) -> pluggy.PluginManager:
    pm = pluggy.PluginManager(hookspecs.PROJECT)
    pm.add_hookspecs(hookspecs)
    for module in DEFAULT_PLUGINS:
        pm.register(module, name=module.__name__)
    if load_entrypoints:
        pm.load_setuptools_entrypoints(ENTRY_POINT_GROUP)
    for plugin in plugins:
        pm.register(plugin)
    pm.check_pending()
    return pm


def configured_plugins(names: str) -> list[object]:
    """The modules ``ACCREDIT_PLUGINS`` names (comma-separated), imported; an ``ImportError`` says
    which name failed."""
    modules = []
    for name in filter(None, (n.strip() for n in names.split(","))):
        try:
            modules.append(importlib.import_module(name))
        except ImportError as error:
            raise ImportError(
                f"ACCREDIT_PLUGINS names {name}, which cannot be imported ({error}): install it, "
                "or correct the name"
            ) from error
    return modules


def plugin_version(pm: pluggy.PluginManager, plugin: object) -> str:
    """The distribution version of an entry-point plugin, else the module's ``__version__``."""
    for registered, dist in pm.list_plugin_distinfo():
        if registered is plugin:
            return dist.version
    version = getattr(plugin, "__version__", None)
    if version:
        return str(version)
    for distribution in (
        getattr(plugin, "__name__", "").split(".")[0],
        "accredit",
    ):  # built-ins: ours
        try:
            return metadata.version(distribution)
        except metadata.PackageNotFoundError:
            continue
    return "0"


@dataclass(frozen=True)
class PluginInfo:
    name: str
    version: str
    hooks: tuple[str, ...]
    builtin: bool


def describe(pm: pluggy.PluginManager) -> list[PluginInfo]:
    """Loaded plugins with their version and the hooks they implement (for CLI and GraphQL)."""
    return [
        PluginInfo(
            name,
            plugin_version(pm, plugin),
            tuple(sorted(c.name for c in pm.get_hookcallers(plugin) or ())),
            name.startswith("core.defaults"),
        )
        for name, plugin in pm.list_name_plugin()
    ]
