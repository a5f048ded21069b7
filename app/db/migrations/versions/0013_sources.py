"""sources: outages of any external system, ingest leases, the ledger, quarantine

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-09

The adapter foundation of datasources/ (issue 10 item 4):
`source_outage` (an external system down, followed like a camera's outage: one
open outage per source by a UNIQUE column), `source_lease` (which console ingests
a source for a desk, with expiry and a fencing epoch), `source_ledger` (every
ingested record by (source, natural id), UNIQUE: a take-over never doubles a
record) and `source_quarantine` (records refused by validation: raw bytes, reason,
source, time). `camera_outage` stays the cameras' own table.
"""
import sqlalchemy as sa
from alembic import op

revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None

_BIG_ID = sa.BigInteger().with_variant(sa.Integer(), 'sqlite')


def upgrade() -> None:
    op.create_table('source_outage',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('source_id', sa.String(length=80), nullable=False),
    sa.Column('source_kind', sa.String(length=40), nullable=False),
    sa.Column('source_name', sa.String(length=200), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=True),
    sa.Column('desk_id', sa.Integer(), nullable=False),
    sa.Column('open_source_id', sa.String(length=80), nullable=True),
    sa.Column('state', sa.String(length=30), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('started_at', sa.DateTime(), nullable=False),
    sa.Column('detected_at', sa.DateTime(), nullable=False),
    sa.Column('ended_at', sa.DateTime(), nullable=True),
    sa.Column('case_ref', sa.String(length=36), nullable=False),
    sa.Column('notice_id', sa.Integer(), nullable=True),
    sa.Column('open_entry_id', _BIG_ID, nullable=True),
    sa.Column('close_entry_id', _BIG_ID, nullable=True),
    sa.Column('opened_by', sa.Integer(), nullable=False),
    sa.Column('closed_by', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['unit_id'], ['org_unit.id'], ),
    sa.ForeignKeyConstraint(['desk_id'], ['desk.id'], ),
    sa.ForeignKeyConstraint(['notice_id'], ['notice.id'], ),
    sa.ForeignKeyConstraint(['open_entry_id'], ['log_entry.id'], ),
    sa.ForeignKeyConstraint(['close_entry_id'], ['log_entry.id'], ),
    sa.ForeignKeyConstraint(['opened_by'], ['user_account.id'], ),
    sa.ForeignKeyConstraint(['closed_by'], ['user_account.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('open_source_id', name='uq_source_outage_open')
    )
    op.create_index('ix_source_outage_source', 'source_outage', ['source_id', 'started_at'],
                    unique=False)
    op.create_table('source_lease',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('source_id', sa.String(length=80), nullable=False),
    sa.Column('desk_id', sa.Integer(), nullable=False),
    sa.Column('holder', sa.String(length=100), nullable=False),
    sa.Column('epoch', sa.Integer(), nullable=False),
    sa.Column('acquired_at', sa.DateTime(), nullable=False),
    sa.Column('renewed_at', sa.DateTime(), nullable=False),
    sa.Column('expires_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['desk_id'], ['desk.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('source_id', 'desk_id', name='uq_source_lease')
    )
    op.create_table('source_ledger',
    sa.Column('id', _BIG_ID, autoincrement=True, nullable=False),
    sa.Column('source_id', sa.String(length=80), nullable=False),
    sa.Column('natural_id', sa.String(length=200), nullable=False),
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('desk_id', sa.Integer(), nullable=True),
    sa.Column('console', sa.String(length=100), nullable=False),
    sa.Column('observed_at', sa.DateTime(), nullable=False),
    sa.Column('ingested_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['desk_id'], ['desk.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('source_id', 'natural_id', name='uq_source_ledger')
    )
    op.create_table('source_quarantine',
    sa.Column('id', _BIG_ID, autoincrement=True, nullable=False),
    sa.Column('source_id', sa.String(length=80), nullable=False),
    sa.Column('desk_id', sa.Integer(), nullable=True),
    sa.Column('console', sa.String(length=100), nullable=False),
    sa.Column('received_at', sa.DateTime(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('raw', sa.LargeBinary(), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['desk_id'], ['desk.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index('ix_source_quarantine_source', 'source_quarantine',
                    ['source_id', 'received_at'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_source_quarantine_source', table_name='source_quarantine')
    op.drop_table('source_quarantine')
    op.drop_table('source_ledger')
    op.drop_table('source_lease')
    op.drop_index('ix_source_outage_source', table_name='source_outage')
    op.drop_table('source_outage')
