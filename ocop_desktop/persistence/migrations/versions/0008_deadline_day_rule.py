"""A survey campaign says whether a report sent on the deadline day itself is on time.

Existing campaigns take the letter's wording «trước ngày …»: the day before is the last day on time.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02
"""
import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("survey_campaigns", schema=None) as batch_op:
        batch_op.add_column(sa.Column("deadline_day_on_time", sa.Boolean(), nullable=False, server_default="0"))


def downgrade() -> None:
    with op.batch_alter_table("survey_campaigns", schema=None) as batch_op:
        batch_op.drop_column("deadline_day_on_time")
