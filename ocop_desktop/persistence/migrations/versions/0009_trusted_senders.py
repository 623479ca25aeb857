"""Signed packages: the offices this office trusts, with their keys; which key signed each import.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02
"""
import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "trusted_senders",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("unit_id", sa.String(36), sa.ForeignKey("places.id"), nullable=True),
        sa.Column("office_name", sa.String(300), nullable=False, server_default=""),
        sa.Column("public_key", sa.String(64), nullable=False),
        sa.Column("fingerprint", sa.String(64), nullable=False),
        sa.Column("trusted_at", sa.DateTime(), nullable=False),
        sa.Column("trusted_by", sa.String(200), nullable=False, server_default=""),
        sa.Column("revoked_at", sa.DateTime(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False, server_default=""),
    )
    op.create_index("ix_trusted_senders_unit_id", "trusted_senders", ["unit_id"])
    op.create_index("ix_trusted_senders_fingerprint", "trusted_senders", ["fingerprint"])
    with op.batch_alter_table("exchange_imports", schema=None) as batch_op:
        batch_op.add_column(sa.Column("signer_fingerprint", sa.String(64), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("exchange_imports", schema=None) as batch_op:
        batch_op.drop_column("signer_fingerprint")
    op.drop_index("ix_trusted_senders_fingerprint", "trusted_senders")
    op.drop_index("ix_trusted_senders_unit_id", "trusted_senders")
    op.drop_table("trusted_senders")
