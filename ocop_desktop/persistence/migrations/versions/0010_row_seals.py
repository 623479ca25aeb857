"""Tamper evidence on every user table: audit entries carry the digest of the record's content.

Adds audit_log.row_hash, then seals what is already there: one "seal" entry per live record of
every covered table (persistence/row_seal.py), chained after the newest entry, so that from
here on `ocop check` can tell an edit, an insert or a delete made outside the program.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-02
"""
import sqlalchemy as sa
from alembic import op

from ocop_desktop.persistence.row_seal import seal_existing

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

CONTEXT = "niêm phong dữ liệu sẵn có khi nâng cấp (lược đồ 0010)"
# The tables covered when this step was written: later tables (scorecards, issue 17's) are sealed
# by their own steps, and do not exist yet when this one runs.
TABLES = (
    "products",
    "producers",
    "survey_campaigns",
    "unit_submissions",
    "survey_entries",
    "directives",
    "tasks",
    "task_progress",
    "evaluations",
    "evaluation_members",
    "trusted_senders",
    "app_meta",
)


def upgrade() -> None:
    with op.batch_alter_table("audit_log") as batch:
        batch.add_column(sa.Column("row_hash", sa.String(64), nullable=True))
    # A server's database is made by a version that has this step, from 0001 in one go: there is
    # nothing to seal yet (and the digests read SQLite's raw rows; see also 0016).
    if op.get_bind().dialect.name == "sqlite":
        seal_existing(op.get_bind().connection.driver_connection, CONTEXT, tables=TABLES)


def downgrade() -> None:
    conn = op.get_bind()
    conn.execute(sa.text("DELETE FROM audit_log WHERE action = 'seal'"))
    with op.batch_alter_table("audit_log") as batch:
        batch.drop_column("row_hash")
