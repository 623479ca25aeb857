"""Surveys, directives and tasks, scorecards and evaluations.

Adds the yearly review, the tasks that letters assign and the scoring of products.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28
"""
from alembic import op
import sqlalchemy as sa

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('directives',
    sa.Column('number', sa.String(length=100), nullable=False),
    sa.Column('issued_on', sa.Date(), nullable=True),
    sa.Column('issued_text', sa.String(length=100), nullable=False),
    sa.Column('issuer', sa.String(length=300), nullable=False),
    sa.Column('subject', sa.Text(), nullable=False),
    sa.Column('file_reference', sa.Text(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_directives'))
    )

    op.create_table('survey_campaigns',
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('directive_id', sa.String(length=36), nullable=True),
    sa.Column('issuing_letter', sa.Text(), nullable=False),
    sa.Column('deadline', sa.Date(), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['directive_id'], ['directives.id'], name=op.f('fk_survey_campaigns_directive_id_directives')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_survey_campaigns'))
    )
    with op.batch_alter_table('survey_campaigns', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_survey_campaigns_directive_id'), ['directive_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_survey_campaigns_year'), ['year'], unique=False)

    op.create_table('tasks',
    sa.Column('directive_id', sa.String(length=36), nullable=True),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('assignee', sa.String(length=300), nullable=False),
    sa.Column('assignee_place_id', sa.String(length=36), nullable=True),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('due_on', sa.Date(), nullable=True),
    sa.Column('status', sa.String(length=30), nullable=False),
    sa.Column('result_note', sa.Text(), nullable=False),
    sa.Column('completed_on', sa.Date(), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['assignee_place_id'], ['places.id'], name=op.f('fk_tasks_assignee_place_id_places')),
    sa.ForeignKeyConstraint(['directive_id'], ['directives.id'], name=op.f('fk_tasks_directive_id_directives')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_tasks'))
    )
    with op.batch_alter_table('tasks', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_tasks_directive_id'), ['directive_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_tasks_due_on'), ['due_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_tasks_status'), ['status'], unique=False)

    op.create_table('scorecards',
    sa.Column('code', sa.String(length=100), nullable=False),
    sa.Column('rule_set_id', sa.String(length=36), nullable=False),
    sa.Column('product_set_id', sa.String(length=36), nullable=True),
    sa.Column('structure', sa.JSON(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['product_set_id'], ['product_sets.id'], name=op.f('fk_scorecards_product_set_id_product_sets')),
    sa.ForeignKeyConstraint(['rule_set_id'], ['rule_sets.id'], name=op.f('fk_scorecards_rule_set_id_rule_sets')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_scorecards')),
    sa.UniqueConstraint('code', name=op.f('uq_scorecards_code'))
    )
    with op.batch_alter_table('scorecards', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_scorecards_product_set_id'), ['product_set_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_scorecards_rule_set_id'), ['rule_set_id'], unique=False)

    op.create_table('task_progress',
    sa.Column('task_id', sa.String(length=36), nullable=False),
    sa.Column('noted_on', sa.Date(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('author', sa.String(length=200), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['task_id'], ['tasks.id'], name=op.f('fk_task_progress_task_id_tasks')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_task_progress'))
    )
    with op.batch_alter_table('task_progress', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_task_progress_task_id'), ['task_id'], unique=False)

    op.create_table('unit_submissions',
    sa.Column('campaign_id', sa.String(length=36), nullable=False),
    sa.Column('unit_id', sa.String(length=36), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('submitted_on', sa.Date(), nullable=True),
    sa.Column('received_on', sa.Date(), nullable=True),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['campaign_id'], ['survey_campaigns.id'], name=op.f('fk_unit_submissions_campaign_id_survey_campaigns')),
    sa.ForeignKeyConstraint(['unit_id'], ['places.id'], name=op.f('fk_unit_submissions_unit_id_places')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_unit_submissions')),
    sa.UniqueConstraint('campaign_id', 'unit_id', name=op.f('uq_unit_submissions_campaign_id_unit_id'))
    )
    with op.batch_alter_table('unit_submissions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_unit_submissions_campaign_id'), ['campaign_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_unit_submissions_unit_id'), ['unit_id'], unique=False)

    op.create_table('evaluations',
    sa.Column('product_id', sa.String(length=36), nullable=False),
    sa.Column('rule_set_id', sa.String(length=36), nullable=False),
    sa.Column('scorecard_id', sa.String(length=36), nullable=True),
    sa.Column('evaluated_on', sa.Date(), nullable=False),
    sa.Column('level', sa.String(length=20), nullable=False),
    sa.Column('scores', sa.JSON(), nullable=False),
    sa.Column('total', sa.Float(), nullable=True),
    sa.Column('stars', sa.Integer(), nullable=True),
    sa.Column('knockout', sa.Text(), nullable=True),
    sa.Column('certified', sa.Boolean(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['product_id'], ['products.id'], name=op.f('fk_evaluations_product_id_products')),
    sa.ForeignKeyConstraint(['rule_set_id'], ['rule_sets.id'], name=op.f('fk_evaluations_rule_set_id_rule_sets')),
    sa.ForeignKeyConstraint(['scorecard_id'], ['scorecards.id'], name=op.f('fk_evaluations_scorecard_id_scorecards')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_evaluations'))
    )
    with op.batch_alter_table('evaluations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_evaluations_product_id'), ['product_id'], unique=False)

    op.create_table('survey_entries',
    sa.Column('campaign_id', sa.String(length=36), nullable=False),
    sa.Column('unit_id', sa.String(length=36), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('product_name', sa.String(length=300), nullable=False),
    sa.Column('product_name_folded', sa.String(length=300), nullable=False),
    sa.Column('producer_name', sa.String(length=300), nullable=False),
    sa.Column('producer_id', sa.String(length=36), nullable=True),
    sa.Column('production_situation', sa.Text(), nullable=False),
    sa.Column('output_quantity', sa.Float(), nullable=True),
    sa.Column('unit_of_measure', sa.String(length=50), nullable=False),
    sa.Column('quantity_sold', sa.Float(), nullable=True),
    sa.Column('price_vnd', sa.Integer(), nullable=True),
    sa.Column('raw_material_area_ha', sa.Float(), nullable=True),
    sa.Column('proposed_year', sa.Integer(), nullable=True),
    sa.Column('product_id', sa.String(length=36), nullable=True),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['campaign_id'], ['survey_campaigns.id'], name=op.f('fk_survey_entries_campaign_id_survey_campaigns')),
    sa.ForeignKeyConstraint(['producer_id'], ['producers.id'], name=op.f('fk_survey_entries_producer_id_producers')),
    sa.ForeignKeyConstraint(['product_id'], ['products.id'], name=op.f('fk_survey_entries_product_id_products')),
    sa.ForeignKeyConstraint(['unit_id'], ['places.id'], name=op.f('fk_survey_entries_unit_id_places')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_survey_entries'))
    )
    with op.batch_alter_table('survey_entries', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_survey_entries_campaign_id'), ['campaign_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_survey_entries_producer_id'), ['producer_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_survey_entries_product_id'), ['product_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_survey_entries_product_name_folded'), ['product_name_folded'], unique=False)
        batch_op.create_index(batch_op.f('ix_survey_entries_unit_id'), ['unit_id'], unique=False)

    op.create_table('evaluation_members',
    sa.Column('evaluation_id', sa.String(length=36), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('member_name', sa.String(length=200), nullable=False),
    sa.Column('scores', sa.JSON(), nullable=False),
    sa.Column('total', sa.Float(), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['evaluation_id'], ['evaluations.id'], name=op.f('fk_evaluation_members_evaluation_id_evaluations')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_evaluation_members'))
    )
    with op.batch_alter_table('evaluation_members', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_evaluation_members_evaluation_id'), ['evaluation_id'], unique=False)


def downgrade() -> None:
    op.drop_table('evaluation_members')
    op.drop_table('survey_entries')
    op.drop_table('evaluations')
    op.drop_table('unit_submissions')
    op.drop_table('task_progress')
    op.drop_table('scorecards')
    op.drop_table('tasks')
    op.drop_table('survey_campaigns')
    op.drop_table('directives')
