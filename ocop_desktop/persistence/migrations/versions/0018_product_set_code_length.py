"""Product set codes up to 100 characters (issue 18): a shipped code is 51 characters long
(resources/reference/ocop_groups.json); SQLite never enforced the declared 50, PostgreSQL refuses
the row, so the reference data did not load on a server. Widened on both engines alike, so the
two schemas stay the same (tests/persistence/test_server_schema.py).

On SQLite the table is rebuilt by batch mode (foreign keys are off while migrations run,
persistence/migrate.py); its rows are copied as they are, so their seals still match.

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-03
"""

import sqlalchemy as sa
from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("product_sets") as batch:
        batch.alter_column("code", existing_type=sa.String(50), type_=sa.String(100), existing_nullable=False)


def downgrade() -> None:
    with op.batch_alter_table("product_sets") as batch:
        batch.alter_column("code", existing_type=sa.String(100), type_=sa.String(50), existing_nullable=False)
