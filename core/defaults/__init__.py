"""Core's own behaviour, written as plugins on the public hooks and registered first (trylast)."""

from core.defaults import aggregation, evaluation, guards, terms

DEFAULT_PLUGINS = (evaluation, aggregation, guards, terms)
