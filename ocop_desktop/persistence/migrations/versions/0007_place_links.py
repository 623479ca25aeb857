"""Old -> new administrative unit links (a commune divided in 2025 has one link per new unit).

Place.successor_id keeps the main successor for the code that follows one chain; the links
hold every successor. The reference loader fills the table.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02
"""
import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "place_links",
        sa.Column("predecessor_id", sa.String(length=36), nullable=False),
        sa.Column("successor_id", sa.String(length=36), nullable=False),
        sa.Column("main", sa.Boolean(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["predecessor_id"], ["places.id"],
                                name=op.f("fk_place_links_predecessor_id_places")),
        sa.ForeignKeyConstraint(["successor_id"], ["places.id"],
                                name=op.f("fk_place_links_successor_id_places")),
        sa.PrimaryKeyConstraint("predecessor_id", "successor_id", name=op.f("pk_place_links")),
    )
    with op.batch_alter_table("place_links", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_place_links_successor_id"), ["successor_id"], unique=False)
    # The successors already recorded become links, so an upgraded file is consistent before
    # the reference loader runs.
    # A boolean literal: 1 on SQLite (what it always wrote), TRUE where booleans are a type.
    main = "1" if op.get_bind().dialect.name == "sqlite" else "TRUE"
    op.execute("INSERT INTO place_links (predecessor_id, successor_id, main, note)"
               f" SELECT id, successor_id, {main}, '' FROM places WHERE successor_id IS NOT NULL")


def downgrade() -> None:
    with op.batch_alter_table("place_links", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_place_links_successor_id"))
    op.drop_table("place_links")
