"""the event log becomes a hash chain, and the database refuses to change it

Adds ``seq``/``prev_hash``/``hash`` to ``events`` (existing entries are chained in id order), the
one-row ``audit_head``, and triggers refusing UPDATE and DELETE (and TRUNCATE on PostgreSQL).
Later migrations that rebuild ``events`` on SQLite (batch mode) must create the triggers again.

Revision ID: 0003
Revises: 0002
"""

import datetime as dt
import json

import sqlalchemy as sa
from alembic import op

from core.audit import GENESIS, digest

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

REFUSE = "events are append-only (accredit audit log)"


class _Entry:
    def __init__(self, mapping):
        self.__dict__.update(mapping)


def upgrade() -> None:
    with op.batch_alter_table("events") as batch:
        batch.add_column(sa.Column("seq", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("prev_hash", sa.String(length=64), nullable=True))
        batch.add_column(sa.Column("hash", sa.String(length=64), nullable=True))
    op.create_table(
        "audit_head",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    bind = op.get_bind()
    events = sa.table(
        "events",
        *(
            sa.column(c)
            for c in (
                "id",
                "seq",
                "prev_hash",
                "hash",
                "at",
                "actor",
                "role",
                "action",
                "entity",
                "entity_id",
                "scheme_id",
                "application_id",
                "before",
                "after",
                "details",
            )
        ),
    )
    json_columns = {"before": sa.JSON(), "after": sa.JSON(), "details": sa.JSON()}
    rows = bind.execute(sa.select(events).order_by(events.c.id)).mappings().all()
    prev, seq = GENESIS, 0
    for row in rows:
        entry = dict(row)
        for name in json_columns:  # JSON columns read back through a plain table come as text
            if isinstance(entry[name], str):
                entry[name] = json.loads(entry[name])
        at = entry["at"]
        if isinstance(at, str):
            entry["at"] = dt.datetime.fromisoformat(at)
        seq += 1
        entry["seq"] = seq
        value = digest(prev, _Entry(entry))
        bind.execute(
            events.update()
            .where(events.c.id == row["id"])
            .values(seq=seq, prev_hash=prev, hash=value)
        )
        prev = value
    bind.execute(
        sa.text("INSERT INTO audit_head (id, seq, hash) VALUES (1, :seq, :hash)"),
        {"seq": seq, "hash": prev},
    )
    with op.batch_alter_table("events") as batch:
        batch.alter_column("seq", existing_type=sa.Integer(), nullable=False)
        batch.alter_column("prev_hash", existing_type=sa.String(length=64), nullable=False)
        batch.alter_column("hash", existing_type=sa.String(length=64), nullable=False)
        batch.create_unique_constraint("uq_events_seq", ["seq"])
    if bind.dialect.name == "postgresql":
        op.execute(f"""CREATE FUNCTION accredit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                       BEGIN RAISE EXCEPTION '{REFUSE}'; END $$""")
        op.execute(
            "CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON events "
            "FOR EACH ROW EXECUTE FUNCTION accredit_events_append_only()"
        )
        op.execute(
            "CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON events "
            "FOR EACH STATEMENT EXECUTE FUNCTION accredit_events_append_only()"
        )
    else:
        for verb in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER events_no_{verb.lower()} BEFORE {verb} ON events "
                f"BEGIN SELECT RAISE(ABORT, '{REFUSE}'); END"
            )


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        op.execute("DROP TRIGGER events_no_truncate ON events")
        op.execute("DROP TRIGGER events_append_only ON events")
        op.execute("DROP FUNCTION accredit_events_append_only()")
    else:
        op.execute("DROP TRIGGER events_no_update")
        op.execute("DROP TRIGGER events_no_delete")
    op.drop_table("audit_head")
    with op.batch_alter_table("events") as batch:
        batch.drop_constraint("uq_events_seq", type_="unique")
        batch.drop_column("hash")
        batch.drop_column("prev_hash")
        batch.drop_column("seq")
