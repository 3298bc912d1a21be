"""The engine: evaluation, transitions, quotas; the only code that turns plugin decisions into writes."""
