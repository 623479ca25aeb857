"""Candidate pipeline stages and dossier items (issue 17).

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def _meta() -> list[sa.Column]:
    return [
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "candidacies",
        *_meta(),
        sa.Column("product_id", sa.String(36), nullable=False),
        sa.Column("stage", sa.String(30), nullable=False),
        sa.Column("rule_set_code", sa.String(30), nullable=False),
        sa.Column("round_year", sa.Integer(), nullable=True),
        sa.Column("round_no", sa.Integer(), nullable=True),
        sa.Column("registered_on", sa.Date(), nullable=True),
        sa.Column("dossier_due_on", sa.Date(), nullable=True),
        sa.Column("evaluation_id", sa.String(36), nullable=True),
        sa.Column("stage_on", sa.Date(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["product_id"], ["products.id"], name=op.f("fk_candidacies_product_id_products")),
        sa.ForeignKeyConstraint(
            ["evaluation_id"], ["evaluations.id"], name=op.f("fk_candidacies_evaluation_id_evaluations")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_candidacies")),
    )
    with op.batch_alter_table("candidacies", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_candidacies_product_id"), ["product_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_candidacies_stage"), ["stage"], unique=False)
        batch_op.create_index("ix_candidacies_product_round", ["product_id", "round_year", "round_no"], unique=False)
    op.create_table(
        "dossier_items",
        *_meta(),
        sa.Column("candidacy_id", sa.String(36), nullable=False),
        sa.Column("item_code", sa.String(60), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("checked_on", sa.Date(), nullable=True),
        sa.Column("checked_by", sa.String(200), nullable=False),
        sa.Column("file_path", sa.Text(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["candidacy_id"], ["candidacies.id"], name=op.f("fk_dossier_items_candidacy_id_candidacies")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_dossier_items")),
        sa.UniqueConstraint("candidacy_id", "item_code", name=op.f("uq_dossier_items_candidacy_id_item_code")),
    )
    with op.batch_alter_table("dossier_items", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_dossier_items_candidacy_id"), ["candidacy_id"], unique=False)


def downgrade() -> None:
    op.drop_table("dossier_items")
    op.drop_table("candidacies")
