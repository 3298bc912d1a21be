"""Domain operations: each runs inside a transaction given by the caller and raises
:class:`~core.errors.Refused` (leaving nothing written) for every expected failure."""
