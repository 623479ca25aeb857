"""The office's signing key kept in the database on a server (issue 18): a server's database has
no file beside which to keep it, and there the database is the office. One row, made the first
time the office signs (services/office_key.py); a SQLite file keeps its key beside itself as before.

Portable: the same table on SQLite and PostgreSQL (tests/persistence/test_server_schema.py).

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-03
"""

import sqlalchemy as sa
from alembic import op

revision = "0021"
down_revision = "0020"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "office_keys",
        sa.Column("id", sa.String(20), nullable=False),
        sa.Column("algorithm", sa.String(20), nullable=False),
        sa.Column("seed", sa.String(64), nullable=False),
        sa.Column("public_key", sa.String(64), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_office_keys")),
    )


def downgrade() -> None:
    op.drop_table("office_keys")
