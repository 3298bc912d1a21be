"""Scheme plugins shipped with accredit, one package per policy document."""
