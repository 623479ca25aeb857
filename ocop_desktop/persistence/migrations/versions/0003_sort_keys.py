"""Vietnamese sort-key columns for products, producers and places.

Sorting 20,000 products in Python on every refresh is too slow for the table;
a stored, indexed collation key lets SQLite do ORDER BY … LIMIT directly.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-28
"""
from alembic import op
import sqlalchemy as sa

from ocop_desktop.domain.text import vn_sort_string

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

TABLES = {"products": (1000, True), "producers": (1000, True), "places": (700, False)}


def upgrade() -> None:
    conn = op.get_bind()
    # The keys sort by plain code-point comparison (SQLite's own); a server compares text by its
    # locale unless the column says "C" (UTF-8 bytes: code-point order), so there it does.
    collation = None if conn.dialect.name == "sqlite" else "C"
    for table, (length, indexed) in TABLES.items():
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column(
                "name_sort", sa.String(length=length, collation=collation), nullable=False, server_default=""
            ))
        rows = conn.execute(sa.text(f"SELECT id, name FROM {table}")).fetchall()
        for row_id, name in rows:
            conn.execute(
                sa.text(f"UPDATE {table} SET name_sort = :key WHERE id = :id"),
                {"key": vn_sort_string(name), "id": row_id},
            )
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.alter_column("name_sort", server_default=None)
            if indexed:
                batch_op.create_index(batch_op.f(f"ix_{table}_name_sort"), ["name_sort"], unique=False)


def downgrade() -> None:
    for table, (_length, indexed) in TABLES.items():
        with op.batch_alter_table(table, schema=None) as batch_op:
            if indexed:
                batch_op.drop_index(batch_op.f(f"ix_{table}_name_sort"))
            batch_op.drop_column("name_sort")
