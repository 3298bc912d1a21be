"""recognitions remember the holder's city at the time of the grant

Grant serials (and the codes built from them) are numbered per scheme and city; counting by the
institution's *current* city would reuse a number after an institution moves.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("recognitions") as batch:
        batch.add_column(sa.Column("city_code", sa.String(length=6), nullable=True))
    op.execute(
        "UPDATE recognitions SET city_code = (SELECT city_code FROM institutions "
        "WHERE institutions.id = recognitions.institution_id)"
    )
    with op.batch_alter_table("recognitions") as batch:
        batch.alter_column("city_code", existing_type=sa.String(length=6), nullable=False)
        batch.create_index(batch.f("ix_recognitions_city_code"), ["city_code"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("recognitions") as batch:
        batch.drop_index(batch.f("ix_recognitions_city_code"))
        batch.drop_column("city_code")
