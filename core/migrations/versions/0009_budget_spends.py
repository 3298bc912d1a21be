"""budgets are shared by all workers

Query budgets and login-failure budgets were kept per process, so N workers gave a caller N
budgets. Each worker now adds what it spent to a row per purpose, key and window, and reads the
others' back.

Revision ID: 0009
Revises: 0008
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "budget_spends",
        sa.Column("purpose", sa.String(length=16), nullable=False),
        sa.Column("key", sa.String(length=200), nullable=False),
        sa.Column("window_number", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("spent", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("purpose", "key", "window_number"),
    )


def downgrade() -> None:
    op.drop_table("budget_spends")
