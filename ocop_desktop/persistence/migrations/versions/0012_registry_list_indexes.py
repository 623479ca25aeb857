"""Indexes that let the registry table list, search and sort 20,000 products without reading them all.

Each sort key of the table gets an index holding the key, the name's sort key and the id, so
the first page is read from one index (or, by producer and by commune, by walking the producers
or communes in Vietnamese order) instead of sorting every row of the table; the name index also
holds the folded name and the producer, so a search is answered from the index alone.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-02
"""
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

# name -> (table, columns); the same list is declared on the mapped classes (persistence/models).
INDEXES = {
    "ix_products_list_name": ("products", ["name_sort", "id", "name_folded", "producer_id", "archived_at"]),
    # Narrow: what a search (and the whole registry) counts is read from here.
    "ix_products_list_search": ("products", ["name_folded", "producer_id", "archived_at"]),
    "ix_products_list_stars": ("products", ["stars", "name_sort", "id", "archived_at"]),
    "ix_products_list_status": ("products", ["status", "name_sort", "id", "archived_at"]),
    "ix_products_list_certificate_no": ("products", ["certificate_no", "name_sort", "id", "archived_at"]),
    "ix_products_list_certified_on": ("products", ["certified_on", "name_sort", "id", "archived_at"]),
    "ix_products_list_expires_on": ("products", ["expires_on", "name_sort", "id", "archived_at"]),
    "ix_products_list_group": ("products", ["group_id", "product_set_id", "name_sort", "id", "archived_at"]),
    "ix_products_list_producer": ("products", ["producer_id", "archived_at", "name_sort", "id"]),
    "ix_products_list_commune": ("products", ["commune_id", "archived_at", "name_sort", "id"]),
    "ix_places_name_sort": ("places", ["name_sort", "id"]),
}


def upgrade() -> None:
    for name, (table, columns) in INDEXES.items():
        op.create_index(name, table, columns, unique=False)


def downgrade() -> None:
    for name, (table, _columns) in INDEXES.items():
        op.drop_index(name, table_name=table)
