"""Tamper evidence on every user table: audit entries carry the digest of the record's content.

Adds audit_log.row_hash, then seals what is already there: one "seal" entry per live record of
every covered table (persistence/row_seal.py), chained after the newest entry, so that from
here on `ocop check` can tell an edit, an insert or a delete made outside the program.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-02
"""
import json

import sqlalchemy as sa
from alembic import op

from ocop_desktop.persistence.audit_chain import GENESIS, HEAD_KEY, entry_hash, head_value
from ocop_desktop.persistence.models import utcnow
from ocop_desktop.persistence.row_seal import COVERED, covered, iter_digests

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

BATCH = 5_000
CONTEXT = "niêm phong dữ liệu sẵn có khi nâng cấp (lược đồ 0010)"


def upgrade() -> None:
    with op.batch_alter_table("audit_log") as batch:
        batch.add_column(sa.Column("row_hash", sa.String(64), nullable=True))
    conn = op.get_bind()
    raw = conn.connection.driver_connection
    head = conn.execute(sa.text("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1")).first()
    seq, prev = (head[0], head[1] or "") if head else (0, GENESIS)
    at = utcnow()
    stamp = f"{at:%Y-%m-%d %H:%M:%S.%f}"
    # Records the log says exist but which are gone (deleted by a cascade the old hook missed):
    # sealed as absent, so `check` reports only what happens from here on.
    alive: dict[tuple[str, str], bool] = {}
    for entity, entity_id, action in raw.execute("SELECT entity, entity_id, action FROM audit_log ORDER BY seq"):
        if entity in COVERED:
            alive[(entity, entity_id)] = not (action or "").endswith("delete")
    rows = []

    def seal(table: str, key: str, digest: str | None) -> None:
        nonlocal seq, prev
        seq += 1
        prev_hash, prev = prev, entry_hash(seq, at, "", "seal", table, key, {}, CONTEXT, prev, digest)
        rows.append({"seq": seq, "at": stamp, "actor": "", "action": "seal", "entity": table, "entity_id": key,
                     "changes": json.dumps({}), "context": CONTEXT, "prev_hash": prev_hash, "hash": prev,
                     "row_hash": digest})

    for table in COVERED:
        for key, digest in iter_digests(raw, table):
            alive.pop((table, key), None)
            seal(table, key, digest)
    for (table, key), was_alive in alive.items():
        if was_alive and covered(table, key):
            seal(table, key, None)
    stmt = sa.text("INSERT INTO audit_log (seq, at, actor, action, entity, entity_id, changes, context, prev_hash, "
                   "hash, row_hash) VALUES (:seq, :at, :actor, :action, :entity, :entity_id, :changes, :context, "
                   ":prev_hash, :hash, :row_hash)")
    for start in range(0, len(rows), BATCH):
        conn.execute(stmt, rows[start:start + BATCH])
    if rows:
        conn.execute(sa.text("INSERT INTO app_meta (key, value) VALUES (:k, :v) "
                             "ON CONFLICT(key) DO UPDATE SET value = excluded.value"),
                     {"k": HEAD_KEY, "v": head_value(seq, prev)})


def downgrade() -> None:
    conn = op.get_bind()
    conn.execute(sa.text("DELETE FROM audit_log WHERE action = 'seal'"))
    with op.batch_alter_table("audit_log") as batch:
        batch.drop_column("row_hash")
