"""Label, barcode and trademark follow-up on products (issue 17): the trademark registration, the
barcode owner's GS1 membership and the traceability link, as columns of the product.

Plain nullable columns: an existing product simply has none of them yet (its label then counts as
incomplete until they are entered). add_column works alike on SQLite and PostgreSQL.

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None

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


def downgrade() -> None:
    with op.batch_alter_table("products") as batch:
        for name, _type in reversed(COLUMNS):
            batch.drop_column(name)
