"""Activities with producers: support, training, communication, fairs (issue 17).

One table for every kind of activity (the fields each kind uses are in domain/schema/activities.py),
and two link tables for the producers and products that took part; an activity may carry out one
of the letter's tasks (task_id).

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def _record_columns() -> list[sa.Column]:
    return [
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "activities",
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("title", sa.String(length=500), nullable=False),
        sa.Column("title_folded", sa.String(length=500), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("ends_on", sa.Date(), nullable=True),
        sa.Column("place", sa.String(length=300), nullable=False),
        sa.Column("unit_id", sa.String(length=36), nullable=True),
        sa.Column("organiser", sa.String(length=300), nullable=False),
        sa.Column("in_province", sa.Boolean(), server_default="1", nullable=False),
        sa.Column("supported", sa.Text(), nullable=False),
        sa.Column("cost", sa.BigInteger(), nullable=True),
        sa.Column("funding", sa.String(length=300), nullable=False),
        sa.Column("channel", sa.String(length=300), nullable=False),
        sa.Column("audience", sa.String(length=300), nullable=False),
        sa.Column("reach", sa.Integer(), nullable=True),
        sa.Column("participants", sa.Integer(), nullable=True),
        sa.Column("sales", sa.BigInteger(), nullable=True),
        sa.Column("contracts", sa.Integer(), nullable=True),
        sa.Column("contract_value", sa.BigInteger(), nullable=True),
        sa.Column("result", sa.Text(), nullable=False),
        sa.Column("task_id", sa.String(length=36), nullable=True),
        *_record_columns(),
        sa.ForeignKeyConstraint(["task_id"], ["tasks.id"], name=op.f("fk_activities_task_id_tasks")),
        sa.ForeignKeyConstraint(["unit_id"], ["places.id"], name=op.f("fk_activities_unit_id_places")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_activities")),
    )
    for column in ("held_on", "kind", "task_id", "title_folded", "unit_id"):
        op.create_index(op.f(f"ix_activities_{column}"), "activities", [column], unique=False)
    for table, other, parent, extra in (
        ("activity_producers", "producer_id", "producers", []),
        ("activity_products", "product_id", "products", [sa.Column("product_sales", sa.BigInteger(), nullable=True)]),
    ):
        op.create_table(
            table,
            sa.Column("activity_id", sa.String(length=36), nullable=False),
            sa.Column(other, sa.String(length=36), nullable=False),
            *extra,
            *_record_columns(),
            sa.ForeignKeyConstraint(
                ["activity_id"], ["activities.id"], name=op.f(f"fk_{table}_activity_id_activities")
            ),
            sa.ForeignKeyConstraint([other], [f"{parent}.id"], name=op.f(f"fk_{table}_{other}_{parent}")),
            sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{table}")),
        )
        for column in ("activity_id", other):
            op.create_index(op.f(f"ix_{table}_{column}"), table, [column], unique=False)


def downgrade() -> None:
    op.drop_table("activity_products")
    op.drop_table("activity_producers")
    op.drop_table("activities")
