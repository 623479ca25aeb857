"""Hash-chain the audit entries written before the chain existed, and record the chain's head.

Rows without a hash are hashed in seq order, each linked to the one before (see
persistence/audit_chain.py); from here on the flush hook extends the chain. No schema change.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-28
"""
import json

import sqlalchemy as sa
from alembic import op

from ocop_desktop.persistence.audit_chain import (
    GENESIS,
    HEAD_KEY,
    entry_hash,
    head_value,
)

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

BATCH = 5_000


def upgrade() -> None:
    conn = op.get_bind()
    prev_seq, prev = 0, GENESIS
    updates = []
    rows = conn.execute(sa.text(
        "SELECT seq, at, actor, action, entity, entity_id, changes, context, hash FROM audit_log ORDER BY seq"
    ))
    for seq, at, actor, action, entity, entity_id, changes, context, digest in rows:
        if digest is None:
            # SQLite returns the JSON's text; a server's driver, the parsed value.
            parsed = json.loads(changes) if isinstance(changes, str) else changes
            digest = entry_hash(seq, at, actor, action, entity, entity_id, parsed, context, prev)
            updates.append({"seq": seq, "prev": prev, "hash": digest})
        prev_seq, prev = seq, digest
    stmt = sa.text("UPDATE audit_log SET prev_hash = :prev, hash = :hash WHERE seq = :seq")
    for start in range(0, len(updates), BATCH):
        conn.execute(stmt, updates[start:start + BATCH])
    if prev_seq:
        conn.execute(
            sa.text("INSERT INTO app_meta (key, value) VALUES (:k, :v) "
                    "ON CONFLICT(key) DO UPDATE SET value = excluded.value"),
            {"k": HEAD_KEY, "v": head_value(prev_seq, prev)},
        )


def downgrade() -> None:
    conn = op.get_bind()
    conn.execute(sa.text("UPDATE audit_log SET prev_hash = NULL, hash = NULL"))
    conn.execute(sa.text("DELETE FROM app_meta WHERE key = :k"), {"k": HEAD_KEY})
