"""Record versions on the rest of the records people edit in forms (issue 18 item 2): the letters
(directives), survey rounds, the units' submission statuses, activities, the products' pipeline
stages and dossier documents, and evaluations, as 0017 gave them to products, producers and tasks.

The form still compares what it loaded (updated_at) with the stored record and refuses by name;
the counter makes that check hold between two people on one server, where both can pass it before
either commits: the mapper's version_id_col turns each save into ``UPDATE … WHERE id = ? AND
version = ?``, so the second matches no row and writes nothing (services/record_versions.py).

Survey rows are saved a hundred thousand at a time by an import, and SQLAlchemy writes versioned
rows one statement each; they are locked for the check instead (services/survey_versions.py).

Like 0017: NOT NULL, server default 1, left out of the row digest and of packages.

Revision ID: 0022
Revises: 0021
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import op

revision = "0022"
down_revision = "0021"
branch_labels = None
depends_on = None

# The same column is declared on each model with persistence/models/base.py's version_column.
TABLES = (
    "directives",
    "survey_campaigns",
    "unit_submissions",
    "activities",
    "candidacies",
    "dossier_items",
    "evaluations",
)


def upgrade() -> None:
    for table in TABLES:
        op.add_column(table, sa.Column("version", sa.Integer(), nullable=False, server_default=sa.text("1")))


def downgrade() -> None:
    # ALTER TABLE … DROP COLUMN (SQLite 3.35+, PostgreSQL), not a batch copy, as in 0017.
    for table in reversed(TABLES):
        op.execute(f'ALTER TABLE "{table}" DROP COLUMN version')
