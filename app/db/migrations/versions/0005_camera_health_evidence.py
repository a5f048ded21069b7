"""camera health, screenshot evidence, area checklists

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-27

Camera outages (Đ14.1.1d, Đ14.1.5): `uq_camera_outage_open` on `open_camera_id`
(the camera's id while open, NULL once closed) keeps one open outage per camera.
Screenshot evidence (Đ14.1.2b): the PNG's path and SHA-256, the duty-log entry,
a nullable incident. Area checklists (Đ14.4): runs per desk, shift and site
(`uq_checklist_run_open`: one open run each) and their ticked zones.
"""
import sqlalchemy as sa
from alembic import op

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None

# log_entry.id: BIGINT on PostgreSQL, INTEGER (the rowid) on SQLite.
BIG_ID = sa.BigInteger().with_variant(sa.Integer(), 'sqlite')


def upgrade() -> None:
    op.create_table('camera_outage',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('camera_id', sa.Integer(), nullable=False),
    sa.Column('desk_id', sa.Integer(), nullable=False),
    sa.Column('open_camera_id', sa.Integer(), nullable=True),
    sa.Column('state', sa.String(length=30), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('started_at', sa.DateTime(), nullable=False),
    sa.Column('detected_at', sa.DateTime(), nullable=False),
    sa.Column('ended_at', sa.DateTime(), nullable=True),
    sa.Column('case_ref', sa.String(length=36), nullable=False),
    sa.Column('notice_id', sa.Integer(), nullable=True),
    sa.Column('open_entry_id', BIG_ID, nullable=True),
    sa.Column('close_entry_id', BIG_ID, nullable=True),
    sa.Column('opened_by', sa.Integer(), nullable=False),
    sa.Column('closed_by', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['camera_id'], ['camera.id'], ),
    sa.ForeignKeyConstraint(['desk_id'], ['desk.id'], ),
    sa.ForeignKeyConstraint(['notice_id'], ['notice.id'], ),
    sa.ForeignKeyConstraint(['open_entry_id'], ['log_entry.id'], ),
    sa.ForeignKeyConstraint(['close_entry_id'], ['log_entry.id'], ),
    sa.ForeignKeyConstraint(['opened_by'], ['user_account.id'], ),
    sa.ForeignKeyConstraint(['closed_by'], ['user_account.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('open_camera_id', name='uq_camera_outage_open')
    )
    op.create_index('ix_camera_outage_camera', 'camera_outage', ['camera_id', 'started_at'],
                    unique=False)

    op.create_table('evidence',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('desk_id', sa.Integer(), nullable=False),
    sa.Column('shift_id', sa.Integer(), nullable=True),
    sa.Column('camera_id', sa.Integer(), nullable=False),
    sa.Column('camera_code', sa.String(length=40), nullable=False),
    sa.Column('taken_at', sa.DateTime(), nullable=False),
    sa.Column('place', sa.String(length=300), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('path', sa.String(length=500), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('size_bytes', sa.Integer(), nullable=False),
    sa.Column('width', sa.Integer(), nullable=False),
    sa.Column('height', sa.Integer(), nullable=False),
    sa.Column('stream', sa.String(length=10), nullable=False),
    sa.Column('created_by', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('log_entry_id', BIG_ID, nullable=True),
    sa.Column('incident_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['desk_id'], ['desk.id'], ),
    sa.ForeignKeyConstraint(['shift_id'], ['shift.id'], ),
    sa.ForeignKeyConstraint(['camera_id'], ['camera.id'], ),
    sa.ForeignKeyConstraint(['created_by'], ['user_account.id'], ),
    sa.ForeignKeyConstraint(['log_entry_id'], ['log_entry.id'], ),
    sa.ForeignKeyConstraint(['incident_id'], ['incident.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('path')
    )
    op.create_index('ix_evidence_desk_time', 'evidence', ['desk_id', 'taken_at'], unique=False)

    op.create_table('checklist_run',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('desk_id', sa.Integer(), nullable=False),
    sa.Column('shift_id', sa.Integer(), nullable=False),
    sa.Column('site', sa.String(length=200), nullable=False),
    sa.Column('site_type', sa.String(length=40), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('open_key', sa.String(length=320), nullable=True),
    sa.Column('started_by', sa.Integer(), nullable=False),
    sa.Column('started_at', sa.DateTime(), nullable=False),
    sa.Column('finished_by', sa.Integer(), nullable=True),
    sa.Column('finished_at', sa.DateTime(), nullable=True),
    sa.Column('log_entry_id', BIG_ID, nullable=True),
    sa.ForeignKeyConstraint(['desk_id'], ['desk.id'], ),
    sa.ForeignKeyConstraint(['shift_id'], ['shift.id'], ),
    sa.ForeignKeyConstraint(['started_by'], ['user_account.id'], ),
    sa.ForeignKeyConstraint(['finished_by'], ['user_account.id'], ),
    sa.ForeignKeyConstraint(['log_entry_id'], ['log_entry.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('open_key', name='uq_checklist_run_open')
    )
    op.create_index('ix_checklist_run_desk_shift', 'checklist_run', ['desk_id', 'shift_id'],
                    unique=False)

    op.create_table('checklist_tick',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('run_id', sa.Integer(), nullable=False),
    sa.Column('zone_code', sa.String(length=60), nullable=False),
    sa.Column('zone_name', sa.String(length=300), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('remark', sa.Text(), nullable=False),
    sa.Column('cameras', sa.Text(), nullable=False),
    sa.Column('ticked_by', sa.Integer(), nullable=False),
    sa.Column('ticked_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['run_id'], ['checklist_run.id'], ),
    sa.ForeignKeyConstraint(['ticked_by'], ['user_account.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('run_id', 'zone_code', name='uq_checklist_tick_zone')
    )


def downgrade() -> None:
    op.drop_table('checklist_tick')
    op.drop_index('ix_checklist_run_desk_shift', table_name='checklist_run')
    op.drop_table('checklist_run')
    op.drop_index('ix_evidence_desk_time', table_name='evidence')
    op.drop_table('evidence')
    op.drop_index('ix_camera_outage_camera', table_name='camera_outage')
    op.drop_table('camera_outage')
