"""Exchange between offices (outbox, imports, sync state) and a hash-chained audit log.

Also indexes a unit's survey rows in grid order, the grid's one query.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-28
"""
from alembic import op
import sqlalchemy as sa


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('exchange_imports',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('package_id', sa.String(length=36), nullable=False),
    sa.Column('sender_unit', sa.String(length=300), nullable=False),
    sa.Column('sender_unit_id', sa.String(length=36), nullable=True),
    sa.Column('sender_user', sa.String(length=200), nullable=False),
    sa.Column('package_created_at', sa.DateTime(), nullable=True),
    sa.Column('imported_at', sa.DateTime(), nullable=False),
    sa.Column('actor', sa.String(length=200), nullable=False),
    sa.Column('file_name', sa.Text(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('counts', sa.JSON(), nullable=False),
    sa.Column('undone_at', sa.DateTime(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_exchange_imports')),
    sa.UniqueConstraint('package_id', name=op.f('uq_exchange_imports_package_id'))
    )
    with op.batch_alter_table('exchange_imports', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_exchange_imports_imported_at'), ['imported_at'], unique=False)

    op.create_table('exchange_outbox',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('package_id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('actor', sa.String(length=200), nullable=False),
    sa.Column('file_name', sa.Text(), nullable=False),
    sa.Column('scope', sa.String(length=20), nullable=False),
    sa.Column('since', sa.DateTime(), nullable=True),
    sa.Column('counts', sa.JSON(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_exchange_outbox')),
    sa.UniqueConstraint('package_id', name=op.f('uq_exchange_outbox_package_id'))
    )
    with op.batch_alter_table('exchange_outbox', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_exchange_outbox_created_at'), ['created_at'], unique=False)

    op.create_table('sync_state',
    sa.Column('entity', sa.String(length=50), nullable=False),
    sa.Column('entity_id', sa.String(length=36), nullable=False),
    sa.Column('synced_updated_at', sa.DateTime(), nullable=False),
    sa.Column('package_id', sa.String(length=36), nullable=False),
    sa.PrimaryKeyConstraint('entity', 'entity_id', name=op.f('pk_sync_state'))
    )
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.add_column(sa.Column('prev_hash', sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column('hash', sa.String(length=64), nullable=True))
    with op.batch_alter_table('survey_entries', schema=None) as batch_op:
        batch_op.create_index('ix_survey_entries_unit_order', ['campaign_id', 'unit_id', 'position'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('survey_entries', schema=None) as batch_op:
        batch_op.drop_index('ix_survey_entries_unit_order')
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.drop_column('hash')
        batch_op.drop_column('prev_hash')

    op.drop_table('sync_state')
    with op.batch_alter_table('exchange_outbox', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_exchange_outbox_created_at'))

    op.drop_table('exchange_outbox')
    with op.batch_alter_table('exchange_imports', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_exchange_imports_imported_at'))

    op.drop_table('exchange_imports')
