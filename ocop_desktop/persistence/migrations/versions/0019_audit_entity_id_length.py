"""Audit entries name records by keys up to 200 characters (issue 18): an entry of a setting names
its app_meta key («report_recipients.survey.<uuid>», 61 characters), which the declared 36 (an id's
length) never held. SQLite does not enforce a declared length; PostgreSQL refused the entry, so
saving a report's recipients failed on a server. Widened on both engines alike, so the schemas stay
the same (tests/persistence/test_server_schema.py).

On SQLite the table is rebuilt by batch mode: its rows are copied unchanged (the hash chain reads
the same values), its index made again.

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-03
"""

import sqlalchemy as sa
from alembic import op

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("audit_log") as batch:
        batch.alter_column("entity_id", existing_type=sa.String(36), type_=sa.String(200), existing_nullable=False)


def downgrade() -> None:
    with op.batch_alter_table("audit_log") as batch:
        batch.alter_column("entity_id", existing_type=sa.String(200), type_=sa.String(36), existing_nullable=False)
