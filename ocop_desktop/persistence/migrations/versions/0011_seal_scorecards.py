"""Scorecards join the audit chain: an office's own card decides the scores it prints.

Seals the cards already stored (one "seal" entry each, chained after the newest entry), so that
from here on `ocop check` tells a card edited, inserted or deleted outside the program.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-02
"""
import sqlalchemy as sa
from alembic import op

from ocop_desktop.persistence.row_seal import seal_existing

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

CONTEXT = "niêm phong phiếu chấm điểm sẵn có khi nâng cấp (lược đồ 0011)"


def upgrade() -> None:
    # A server's database is made by a version that has this step, from 0001 in one go: there is
    # nothing to seal yet (and the digests read SQLite's raw rows; see also 0016).
    if op.get_bind().dialect.name == "sqlite":
        seal_existing(op.get_bind().connection.driver_connection, CONTEXT, tables=("scorecards",))


def downgrade() -> None:
    op.get_bind().execute(sa.text(
        "DELETE FROM audit_log WHERE action = 'seal' AND entity = 'scorecards' AND context = :context"),
        {"context": CONTEXT})
