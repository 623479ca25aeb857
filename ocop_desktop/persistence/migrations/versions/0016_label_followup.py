"""Label, barcode and trademark follow-up on products (issue 17): the trademark registration, the
barcode owner's GS1 membership and the traceability link, as columns of the product.

Plain nullable columns: an existing product simply has none of them yet (its label then counts as
incomplete until they are entered). add_column works alike on SQLite and PostgreSQL. The products'
content digest covers every column (persistence/row_seal.py), so the products are sealed again
once the columns are there, or `ocop check` would take the new empty columns for an outside edit.

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

from ocop_desktop.persistence.audit_chain import HEAD_KEY, head_value
from ocop_desktop.persistence.row_seal import seal_existing

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None

CONTEXT = "niêm phong lại sản phẩm khi thêm nhãn hiệu, mã GS1, truy xuất (lược đồ 0016)"
# The same columns are declared on persistence/models/registry.Product.
COLUMNS = (
    ("trademark_application_no", sa.String(20)),
    ("trademark_filed_on", sa.Date()),
    ("trademark_certificate_no", sa.String(20)),
    ("trademark_owner", sa.String(300)),
    ("gs1_prefix", sa.String(12)),
    ("gs1_valid_until", sa.Date()),
    ("trace_link", sa.String(500)),
)


def upgrade() -> None:
    for name, type_ in COLUMNS:
        op.add_column("products", sa.Column(name, type_, nullable=True))
    if op.get_bind().dialect.name == "sqlite":  # the audit chain's digests are read from SQLite's raw rows
        seal_existing(op.get_bind().connection.driver_connection, CONTEXT, tables=("products",))


def downgrade() -> None:
    bind = op.get_bind()
    bind.execute(
        sa.text("DELETE FROM audit_log WHERE action = 'seal' AND entity = 'products' AND context = :context"),
        {"context": CONTEXT},
    )
    # The chain's head names its newest entry: the one before these seals now.
    last = bind.execute(sa.text("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1")).fetchone()
    if last is not None:
        bind.execute(
            sa.text("UPDATE app_meta SET value = :value WHERE key = :key"),
            {"value": head_value(last[0], last[1]), "key": HEAD_KEY},
        )
    with op.batch_alter_table("products") as batch:
        for name, _type in reversed(COLUMNS):
            batch.drop_column(name)
