"""workflow: incidents, their steps and decisions, requests to units

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-27

Incidents (Đ8) with their workflow state, the steps of the workflow (who recorded,
whose opinion, by phone, countersigned), and requests to units (Đ9) with their
deadlines. `uq_incident_step_decision` makes a decision (approval, the Director's
opinion, the room-level leader's own handling) happen once per incident: NULL
decision kinds (ordinary steps) do not collide, on SQLite as on PostgreSQL.
"""
import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('incident',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('desk_id', sa.Integer(), nullable=False),
    sa.Column('case_ref', sa.String(length=36), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('content', sa.Text(), nullable=False),
    sa.Column('origin', sa.String(length=20), nullable=False),
    sa.Column('handling', sa.String(length=30), nullable=True),
    sa.Column('state', sa.String(length=20), nullable=False),
    sa.Column('occurred_at', sa.DateTime(), nullable=True),
    sa.Column('received_at', sa.DateTime(), nullable=True),
    sa.Column('place', sa.String(length=300), nullable=True),
    sa.Column('declaration_no', sa.String(length=40), nullable=True),
    sa.Column('container_no', sa.String(length=40), nullable=True),
    sa.Column('vehicle_plate', sa.String(length=40), nullable=True),
    sa.Column('enterprise_tax_code', sa.String(length=20), nullable=True),
    sa.Column('enterprise_name', sa.String(length=300), nullable=True),
    sa.Column('passenger', sa.String(length=300), nullable=True),
    sa.Column('immediate', sa.Boolean(), nullable=False),
    sa.Column('prevention_case', sa.String(length=20), nullable=True),
    sa.Column('source_entry_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'),
              nullable=True),
    sa.Column('created_by', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['created_by'], ['user_account.id'], ),
    sa.ForeignKeyConstraint(['desk_id'], ['desk.id'], ),
    sa.ForeignKeyConstraint(['source_entry_id'], ['log_entry.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('case_ref')
    )
    op.create_index('ix_incident_desk_state', 'incident', ['desk_id', 'state'], unique=False)
    op.create_table('incident_step',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('desk_id', sa.Integer(), nullable=False),
    sa.Column('incident_id', sa.Integer(), nullable=False),
    sa.Column('action', sa.String(length=30), nullable=False),
    sa.Column('from_state', sa.String(length=20), nullable=False),
    sa.Column('to_state', sa.String(length=20), nullable=False),
    sa.Column('decision_kind', sa.String(length=20), nullable=True),
    sa.Column('handling', sa.String(length=30), nullable=True),
    sa.Column('recorded_by', sa.Integer(), nullable=False),
    sa.Column('decided_by', sa.Integer(), nullable=False),
    sa.Column('by_phone', sa.Boolean(), nullable=False),
    sa.Column('opinion_at', sa.DateTime(), nullable=True),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('comment', sa.Text(), nullable=False),
    sa.Column('contact', sa.String(length=200), nullable=True),
    sa.Column('channel', sa.String(length=20), nullable=True),
    sa.Column('countersigned_at', sa.DateTime(), nullable=True),
    sa.Column('log_entry_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['decided_by'], ['user_account.id'], ),
    sa.ForeignKeyConstraint(['desk_id'], ['desk.id'], ),
    sa.ForeignKeyConstraint(['incident_id'], ['incident.id'], ),
    sa.ForeignKeyConstraint(['log_entry_id'], ['log_entry.id'], ),
    sa.ForeignKeyConstraint(['recorded_by'], ['user_account.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index('ix_incident_step_countersign', 'incident_step',
                    ['decided_by', 'countersigned_at'], unique=False)
    op.create_index('ix_incident_step_incident', 'incident_step',
                    ['incident_id', 'id'], unique=False)
    op.create_index('uq_incident_step_decision', 'incident_step',
                    ['incident_id', 'decision_kind'], unique=True)
    op.create_table('unit_request',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('desk_id', sa.Integer(), nullable=False),
    sa.Column('incident_id', sa.Integer(), nullable=True),
    sa.Column('unit_id', sa.Integer(), nullable=True),
    sa.Column('unit_name', sa.String(length=300), nullable=False),
    sa.Column('contact', sa.String(length=200), nullable=True),
    sa.Column('channel', sa.String(length=20), nullable=False),
    sa.Column('fax_no', sa.String(length=60), nullable=True),
    sa.Column('email', sa.String(length=200), nullable=True),
    sa.Column('urgent', sa.Boolean(), nullable=False),
    sa.Column('subject', sa.String(length=300), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('appendix', sa.String(length=4), nullable=True),
    sa.Column('document_no', sa.String(length=40), nullable=True),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('ack_minutes', sa.Integer(), nullable=False),
    sa.Column('created_by', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('requested_due_at', sa.DateTime(), nullable=True),
    sa.Column('received_at', sa.DateTime(), nullable=True),
    sa.Column('received_channel', sa.String(length=20), nullable=True),
    sa.Column('ack_due_at', sa.DateTime(), nullable=True),
    sa.Column('acknowledged_at', sa.DateTime(), nullable=True),
    sa.Column('ack_contact', sa.String(length=200), nullable=True),
    sa.Column('promised_at', sa.DateTime(), nullable=True),
    sa.Column('result_due_at', sa.DateTime(), nullable=True),
    sa.Column('result_reported_at', sa.DateTime(), nullable=True),
    sa.Column('result_channel', sa.String(length=20), nullable=True),
    sa.Column('result_text', sa.Text(), nullable=True),
    sa.Column('timeline', sa.Text(), nullable=True),
    sa.Column('late_reason', sa.Text(), nullable=True),
    sa.Column('late_responsibility', sa.Text(), nullable=True),
    sa.Column('ack_escalated_at', sa.DateTime(), nullable=True),
    sa.Column('result_escalated_at', sa.DateTime(), nullable=True),
    sa.Column('updated_by', sa.Integer(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['created_by'], ['user_account.id'], ),
    sa.ForeignKeyConstraint(['desk_id'], ['desk.id'], ),
    sa.ForeignKeyConstraint(['incident_id'], ['incident.id'], ),
    sa.ForeignKeyConstraint(['unit_id'], ['org_unit.id'], ),
    sa.ForeignKeyConstraint(['updated_by'], ['user_account.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index('ix_unit_request_desk_status', 'unit_request', ['desk_id', 'status'],
                    unique=False)
    op.create_index('ix_unit_request_incident', 'unit_request', ['incident_id'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_unit_request_incident', table_name='unit_request')
    op.drop_index('ix_unit_request_desk_status', table_name='unit_request')
    op.drop_table('unit_request')
    op.drop_index('uq_incident_step_decision', table_name='incident_step')
    op.drop_index('ix_incident_step_incident', table_name='incident_step')
    op.drop_index('ix_incident_step_countersign', table_name='incident_step')
    op.drop_table('incident_step')
    op.drop_index('ix_incident_desk_state', table_name='incident')
    op.drop_table('incident')
