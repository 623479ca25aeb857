"""Producer logbooks: raw material in, production batches, sales out (issue 17).

Four tables (the fields are in domain/schema/logbooks.py): raw material lots, production batches,
the lots each batch used (a link table, what `ocop trace` follows) and sales.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-02
"""
import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def _record_columns() -> list[sa.Column]:
    return [
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
    ]


def _owned(table: str, *columns: sa.Column) -> None:
    """A logbook table: its producer and product, its own columns, the record's columns."""
    op.create_table(
        table,
        sa.Column("producer_id", sa.String(length=36), nullable=False),
        sa.Column("product_id", sa.String(length=36), nullable=False),
        *columns,
        *_record_columns(),
        sa.ForeignKeyConstraint(["producer_id"], ["producers.id"], name=op.f(f"fk_{table}_producer_id_producers")),
        sa.ForeignKeyConstraint(["product_id"], ["products.id"], name=op.f(f"fk_{table}_product_id_products")),
        sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{table}")),
    )
    op.create_index(op.f(f"ix_{table}_producer_id"), table, ["producer_id"], unique=False)


def upgrade() -> None:
    _owned(
        "logbook_materials",
        sa.Column("received_on", sa.Date(), nullable=True),
        sa.Column("material", sa.String(length=200), nullable=False),
        sa.Column("quantity", sa.Float(), nullable=True),
        sa.Column("unit", sa.String(length=30), nullable=False),
        sa.Column("source", sa.String(length=300), nullable=False),
        sa.Column("origin", sa.String(length=300), nullable=False),
        sa.Column("lot_code", sa.String(length=60), nullable=False),
        sa.UniqueConstraint("product_id", "lot_code", name=op.f("uq_logbook_materials_product_id_lot_code")),
    )
    op.create_index("ix_logbook_materials_product_day", "logbook_materials", ["product_id", "received_on"])
    _owned(
        "logbook_batches",
        sa.Column("made_on", sa.Date(), nullable=True),
        sa.Column("batch_code", sa.String(length=60), nullable=False),
        sa.Column("quantity", sa.Float(), nullable=True),
        sa.Column("unit", sa.String(length=30), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.UniqueConstraint("product_id", "batch_code", name=op.f("uq_logbook_batches_product_id_batch_code")),
    )
    op.create_index("ix_logbook_batches_product_day", "logbook_batches", ["product_id", "made_on"])
    op.create_table(
        "logbook_batch_materials",
        sa.Column("batch_id", sa.String(length=36), nullable=False),
        sa.Column("material_id", sa.String(length=36), nullable=False),
        *_record_columns(),
        sa.ForeignKeyConstraint(
            ["batch_id"], ["logbook_batches.id"], name=op.f("fk_logbook_batch_materials_batch_id_logbook_batches")
        ),
        sa.ForeignKeyConstraint(
            ["material_id"],
            ["logbook_materials.id"],
            name=op.f("fk_logbook_batch_materials_material_id_logbook_materials"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_logbook_batch_materials")),
        sa.UniqueConstraint("batch_id", "material_id", name=op.f("uq_logbook_batch_materials_batch_id_material_id")),
    )
    for column in ("batch_id", "material_id"):
        op.create_index(op.f(f"ix_logbook_batch_materials_{column}"), "logbook_batch_materials", [column])
    _owned(
        "logbook_sales",
        sa.Column("sold_on", sa.Date(), nullable=True),
        sa.Column("buyer", sa.String(length=300), nullable=False),
        sa.Column("quantity", sa.Float(), nullable=True),
        sa.Column("unit", sa.String(length=30), nullable=False),
        sa.Column("unit_price_vnd", sa.Integer(), nullable=True),
    )
    op.create_index("ix_logbook_sales_product_day", "logbook_sales", ["product_id", "sold_on"])


def downgrade() -> None:
    for table in ("logbook_sales", "logbook_batch_materials", "logbook_batches", "logbook_materials"):
        op.drop_table(table)
