"""Scheme types are static for the life of a registry: build each once."""

from __future__ import annotations

from weakref import WeakKeyDictionary

from core.api.types.schemes import SchemeType
from core.registry import SchemeEntry

_cache: WeakKeyDictionary[SchemeEntry, SchemeType] = WeakKeyDictionary()


def scheme_type(entry: SchemeEntry) -> SchemeType:
    cached = _cache.get(entry)
    if cached is None:
        cached = _cache[entry] = SchemeType.of(entry)
    return cached
