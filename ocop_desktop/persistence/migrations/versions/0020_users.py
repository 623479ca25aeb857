"""Users and roles on a shared server (issue 18 item 3): who may work on the database, with
which role (domain/enums.UserRole) and, for a commune officer, which unit.

Portable: the same table on SQLite and PostgreSQL (tests/persistence/test_server_schema.py).
What only a server has, the PostgreSQL group roles, grants and row-level security reading this
table, is made by `ocop server init` (commands/server.py, services/server_roles.py), not here:
a migration also runs on every laptop's file and as whatever login opens a server database,
which may not create roles.

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-03
"""

import sqlalchemy as sa
from alembic import op

revision = "0020"
down_revision = "0019"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "users",
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("login", sa.String(63), nullable=False),
        sa.Column("full_name", sa.String(200), nullable=False),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column(
            "unit_id", sa.String(36), sa.ForeignKey("places.id", name=op.f("fk_users_unit_id_places")), nullable=True
        ),
        sa.Column("active", sa.Boolean(), nullable=False, server_default="1"),
        sa.CheckConstraint("role <> 'commune' OR unit_id IS NOT NULL", name=op.f("ck_users_commune_unit")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_users")),
        sa.UniqueConstraint("login", name=op.f("uq_users_login")),
    )
    op.create_index(op.f("ix_users_unit_id"), "users", ["unit_id"])


def downgrade() -> None:
    op.drop_index("ix_users_unit_id", "users")
    op.drop_table("users")
