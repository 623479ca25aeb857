"""Record versions (issue 18 item 2, several people at once): an integer ``version`` on the
registry's editable records (products, producers) and on tasks, counted up by every save.
SQLAlchemy uses it as the mapper's version_id_col, so a save is ``UPDATE … WHERE id = ? AND version = ?``: of two
people who loaded the same version, the second's save matches no row and is refused, even when
both passed the service's check before either committed (PostgreSQL's READ COMMITTED).

NOT NULL with a server default of 1, so every existing record starts at version 1; add_column with
a server default works alike on SQLite and PostgreSQL. The version is a stamp like updated_at: the
row digest (persistence/row_seal.py) leaves it out, so nothing needs sealing again, and packages do
not carry it (a received record's version is the receiver's own).

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-03
"""

import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None

# The same column is declared on persistence/models/base.py (version_column, on each model).
TABLES = ("products", "producers", "tasks")


def upgrade() -> None:
    for table in TABLES:
        op.add_column(table, sa.Column("version", sa.Integer(), nullable=False, server_default=sa.text("1")))


def downgrade() -> None:
    # ALTER TABLE … DROP COLUMN (SQLite 3.35+, PostgreSQL), not a batch copy: copying producers
    # would drop a table the products still refer to.
    for table in reversed(TABLES):
        op.execute(f'ALTER TABLE "{table}" DROP COLUMN version')
