"""Persistence: the ORM tables and the engine/session set-up (SQLite by default)."""
