"""Registry: places, OCOP groups and sets, rule sets, producers, products, audit log.

The first schema: what the product registry needs.

Revision ID: 0001
Revises: 
Create Date: 2026-11-28
"""
from alembic import op
import sqlalchemy as sa

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('app_meta',
    sa.Column('key', sa.String(length=100), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_app_meta'))
    )

    op.create_table('audit_log',
    sa.Column('seq', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('actor', sa.String(length=200), nullable=False),
    sa.Column('action', sa.String(length=50), nullable=False),
    sa.Column('entity', sa.String(length=50), nullable=False),
    sa.Column('entity_id', sa.String(length=36), nullable=False),
    sa.Column('changes', sa.JSON(), nullable=False),
    sa.Column('context', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('seq', name=op.f('pk_audit_log'))
    )
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_log_at'), ['at'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_log_entity_id'), ['entity_id'], unique=False)

    op.create_table('places',
    sa.Column('key', sa.String(length=100), nullable=False),
    sa.Column('code', sa.String(length=20), nullable=True),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('name_folded', sa.String(length=200), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('parent_id', sa.String(length=36), nullable=True),
    sa.Column('valid_from', sa.Date(), nullable=True),
    sa.Column('valid_to', sa.Date(), nullable=True),
    sa.Column('successor_id', sa.String(length=36), nullable=True),
    sa.Column('successor_confirmed', sa.Boolean(), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['parent_id'], ['places.id'], name=op.f('fk_places_parent_id_places')),
    sa.ForeignKeyConstraint(['successor_id'], ['places.id'], name=op.f('fk_places_successor_id_places')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_places')),
    sa.UniqueConstraint('key', name=op.f('uq_places_key'))
    )
    with op.batch_alter_table('places', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_places_code'), ['code'], unique=False)
        batch_op.create_index(batch_op.f('ix_places_name_folded'), ['name_folded'], unique=False)
        batch_op.create_index(batch_op.f('ix_places_parent_id'), ['parent_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_places_successor_id'), ['successor_id'], unique=False)

    op.create_table('product_groups',
    sa.Column('code', sa.String(length=50), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_product_groups')),
    sa.UniqueConstraint('code', name=op.f('uq_product_groups_code'))
    )

    op.create_table('rule_sets',
    sa.Column('code', sa.String(length=30), nullable=False),
    sa.Column('decision', sa.String(length=100), nullable=False),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('signed_on', sa.Date(), nullable=False),
    sa.Column('effective_from', sa.Date(), nullable=False),
    sa.Column('effective_to', sa.Date(), nullable=True),
    sa.Column('certificate_months', sa.Integer(), nullable=False),
    sa.Column('data', sa.JSON(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_rule_sets')),
    sa.UniqueConstraint('code', name=op.f('uq_rule_sets_code'))
    )

    op.create_table('producers',
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('name_folded', sa.String(length=300), nullable=False),
    sa.Column('kind', sa.String(length=30), nullable=True),
    sa.Column('tax_code', sa.String(length=20), nullable=True),
    sa.Column('tax_code_kind', sa.String(length=10), nullable=True),
    sa.Column('representative', sa.String(length=200), nullable=True),
    sa.Column('phone', sa.String(length=30), nullable=True),
    sa.Column('email', sa.String(length=200), nullable=True),
    sa.Column('address', sa.Text(), nullable=True),
    sa.Column('commune_id', sa.String(length=36), nullable=True),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('archived_at', sa.DateTime(), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['commune_id'], ['places.id'], name=op.f('fk_producers_commune_id_places')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_producers'))
    )
    with op.batch_alter_table('producers', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_producers_commune_id'), ['commune_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_producers_name_folded'), ['name_folded'], unique=False)
        batch_op.create_index(batch_op.f('ix_producers_tax_code'), ['tax_code'], unique=False)

    op.create_table('product_sets',
    sa.Column('code', sa.String(length=50), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('group_id', sa.String(length=36), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['group_id'], ['product_groups.id'], name=op.f('fk_product_sets_group_id_product_groups')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_product_sets')),
    sa.UniqueConstraint('code', name=op.f('uq_product_sets_code'))
    )
    with op.batch_alter_table('product_sets', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_product_sets_group_id'), ['group_id'], unique=False)

    op.create_table('products',
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('name_folded', sa.String(length=300), nullable=False),
    sa.Column('producer_id', sa.String(length=36), nullable=True),
    sa.Column('commune_id', sa.String(length=36), nullable=True),
    sa.Column('group_id', sa.String(length=36), nullable=True),
    sa.Column('product_set_id', sa.String(length=36), nullable=True),
    sa.Column('status', sa.String(length=30), nullable=False),
    sa.Column('stars', sa.Integer(), nullable=True),
    sa.Column('score', sa.Float(), nullable=True),
    sa.Column('certificate_no', sa.String(length=100), nullable=True),
    sa.Column('certifying_decision', sa.String(length=200), nullable=True),
    sa.Column('certifying_body', sa.String(length=200), nullable=True),
    sa.Column('certified_on', sa.Date(), nullable=True),
    sa.Column('expires_on', sa.Date(), nullable=True),
    sa.Column('rule_set_id', sa.String(length=36), nullable=True),
    sa.Column('ean13', sa.String(length=13), nullable=True),
    sa.Column('checklist', sa.JSON(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('archived_at', sa.DateTime(), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['commune_id'], ['places.id'], name=op.f('fk_products_commune_id_places')),
    sa.ForeignKeyConstraint(['group_id'], ['product_groups.id'], name=op.f('fk_products_group_id_product_groups')),
    sa.ForeignKeyConstraint(['producer_id'], ['producers.id'], name=op.f('fk_products_producer_id_producers')),
    sa.ForeignKeyConstraint(['product_set_id'], ['product_sets.id'], name=op.f('fk_products_product_set_id_product_sets')),
    sa.ForeignKeyConstraint(['rule_set_id'], ['rule_sets.id'], name=op.f('fk_products_rule_set_id_rule_sets')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_products'))
    )
    with op.batch_alter_table('products', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_products_commune_id'), ['commune_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_products_expires_on'), ['expires_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_products_group_id'), ['group_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_products_name_folded'), ['name_folded'], unique=False)
        batch_op.create_index(batch_op.f('ix_products_producer_id'), ['producer_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_products_product_set_id'), ['product_set_id'], unique=False)
        batch_op.create_index('ix_products_status_stars', ['status', 'stars'], unique=False)


def downgrade() -> None:
    op.drop_table('products')
    op.drop_table('product_sets')
    op.drop_table('producers')
    op.drop_table('rule_sets')
    op.drop_table('product_groups')
    op.drop_table('places')
    op.drop_table('audit_log')
    op.drop_table('app_meta')
