"""users, their scopes, login sessions, API tokens and conflicts of interest

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

_when = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "users",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("username", sa.String(64), nullable=False, unique=True),
        sa.Column("display_name", sa.String(100), nullable=False),
        sa.Column("role", sa.String(32), nullable=False),
        sa.Column("password_hash", sa.String(200), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("failed_logins", sa.Integer(), nullable=False),
        sa.Column("locked_until", _when, nullable=True),
        sa.Column("created_at", _when, nullable=False),
    )
    op.create_table(
        "user_scopes",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("user_id", sa.Integer(), sa.ForeignKey("users.id"), nullable=False, index=True),
        sa.Column("area_code", sa.String(6), nullable=True),
        sa.Column("scheme_id", sa.String(64), nullable=True),
        sa.Column("credit_code", sa.String(18), nullable=True, index=True),
    )
    op.create_table(
        "login_sessions",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("user_id", sa.Integer(), sa.ForeignKey("users.id"), nullable=False, index=True),
        sa.Column("issued_at", _when, nullable=False),
        sa.Column("expires_at", _when, nullable=False),
        sa.Column("revoked_at", _when, nullable=True),
    )
    op.create_table(
        "api_tokens",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("user_id", sa.Integer(), sa.ForeignKey("users.id"), nullable=False, index=True),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("created_at", _when, nullable=False),
        sa.Column("expires_at", _when, nullable=True),
        sa.Column("revoked_at", _when, nullable=True),
    )
    op.create_table(
        "conflicts",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("user_id", sa.Integer(), sa.ForeignKey("users.id"), nullable=False, index=True),
        sa.Column("credit_code", sa.String(18), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("recorded_by", sa.String(100), nullable=False),
        sa.Column("recorded_at", _when, nullable=False),
        sa.UniqueConstraint("user_id", "credit_code", name="uq_conflict_user_institution"),
    )


def downgrade() -> None:
    for table in ("conflicts", "api_tokens", "login_sessions", "user_scopes", "users"):
        op.drop_table(table)
