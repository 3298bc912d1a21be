"""applications keep the area they were submitted in

Reviewers' scopes and quota keys used the institution's *current* area, so an institution could
move mid-review to choose its reviewer and its quota key. An application now holds its own
division and city, the institution's at creation and fixed at the first submission. Existing rows
take their institution's current area.

Revision ID: 0006
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0004"
branch_labels = None
depends_on = None

COLUMNS = ("division_code", "city_code")


def upgrade() -> None:
    with op.batch_alter_table("applications") as batch:
        for column in COLUMNS:
            batch.add_column(sa.Column(column, sa.String(length=6), nullable=True))
    for column in COLUMNS:
        op.execute(
            f"UPDATE applications SET {column} = (SELECT {column} FROM institutions "
            "WHERE institutions.id = applications.institution_id)"
        )
    with op.batch_alter_table("applications") as batch:
        for column in COLUMNS:
            batch.alter_column(column, existing_type=sa.String(length=6), nullable=False)
            batch.create_index(batch.f(f"ix_applications_{column}"), [column], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("applications") as batch:
        for column in COLUMNS:
            batch.drop_index(batch.f(f"ix_applications_{column}"))
            batch.drop_column(column)
