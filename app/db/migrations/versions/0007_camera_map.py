"""camera map and the PTZ position check

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-27

The camera map (Đ14.1.1b): `camera_map_version` (each import: file, SHA-256,
who, when; `number` UNIQUE, the highest is current), per version the cameras'
calibrations (`camera_calibration`) and watch positions
(`camera_watch_position`). The check: `ptz_check_run` (who, when, shift start or
on demand, counts, its duty-log entry) and `ptz_check_row` (the deviation table
and the restore attempts).
"""
import sqlalchemy as sa
from alembic import op

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None

# log_entry.id: BIGINT on PostgreSQL, INTEGER (the rowid) on SQLite.
BIG_ID = sa.BigInteger().with_variant(sa.Integer(), 'sqlite')


def upgrade() -> None:
    op.create_table('camera_map_version',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('filename', sa.String(length=300), nullable=False),
    sa.Column('file_format', sa.String(length=10), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('size_bytes', sa.Integer(), nullable=False),
    sa.Column('cameras', sa.Integer(), nullable=False),
    sa.Column('positions', sa.Integer(), nullable=False),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.Column('imported_by', sa.Integer(), nullable=False),
    sa.Column('imported_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['imported_by'], ['user_account.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('number')
    )
    op.create_table('camera_calibration',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('version_id', sa.Integer(), nullable=False),
    sa.Column('camera_id', sa.Integer(), nullable=False),
    sa.Column('plan_x', sa.Float(), nullable=False),
    sa.Column('plan_y', sa.Float(), nullable=False),
    sa.Column('height_m', sa.Float(), nullable=False),
    sa.Column('heading_deg', sa.Float(), nullable=False),
    sa.Column('pan_min_deg', sa.Float(), nullable=True),
    sa.Column('pan_max_deg', sa.Float(), nullable=True),
    sa.Column('tilt_min_deg', sa.Float(), nullable=True),
    sa.Column('tilt_max_deg', sa.Float(), nullable=True),
    sa.Column('fov_curve', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['version_id'], ['camera_map_version.id'], ),
    sa.ForeignKeyConstraint(['camera_id'], ['camera.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('version_id', 'camera_id', name='uq_camera_calibration_camera')
    )
    op.create_table('camera_watch_position',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('version_id', sa.Integer(), nullable=False),
    sa.Column('camera_id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=40), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('preset_token', sa.String(length=64), nullable=True),
    sa.Column('pan', sa.Float(), nullable=True),
    sa.Column('tilt', sa.Float(), nullable=True),
    sa.Column('zoom', sa.Float(), nullable=True),
    sa.Column('tol_pan', sa.Float(), nullable=False),
    sa.Column('tol_tilt', sa.Float(), nullable=False),
    sa.Column('tol_zoom', sa.Float(), nullable=False),
    sa.Column('scale_lane', sa.String(length=100), nullable=True),
    sa.Column('scanner', sa.String(length=100), nullable=True),
    sa.Column('is_default', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['version_id'], ['camera_map_version.id'], ),
    sa.ForeignKeyConstraint(['camera_id'], ['camera.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('version_id', 'camera_id', 'code', name='uq_camera_watch_position_code')
    )
    op.create_table('ptz_check_run',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('desk_id', sa.Integer(), nullable=False),
    sa.Column('shift_id', sa.Integer(), nullable=True),
    sa.Column('map_version_id', sa.Integer(), nullable=True),
    sa.Column('trigger', sa.String(length=20), nullable=False),
    sa.Column('started_by', sa.Integer(), nullable=False),
    sa.Column('started_at', sa.DateTime(), nullable=False),
    sa.Column('cameras', sa.Integer(), nullable=False),
    sa.Column('in_position', sa.Integer(), nullable=False),
    sa.Column('out_of_position', sa.Integer(), nullable=False),
    sa.Column('not_verifiable', sa.Integer(), nullable=False),
    sa.Column('log_entry_id', BIG_ID, nullable=True),
    sa.ForeignKeyConstraint(['desk_id'], ['desk.id'], ),
    sa.ForeignKeyConstraint(['shift_id'], ['shift.id'], ),
    sa.ForeignKeyConstraint(['map_version_id'], ['camera_map_version.id'], ),
    sa.ForeignKeyConstraint(['started_by'], ['user_account.id'], ),
    sa.ForeignKeyConstraint(['log_entry_id'], ['log_entry.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index('ix_ptz_check_run_desk', 'ptz_check_run', ['desk_id', 'started_at'],
                    unique=False)
    op.create_table('ptz_check_row',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('run_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('camera_id', sa.Integer(), nullable=False),
    sa.Column('camera_code', sa.String(length=40), nullable=False),
    sa.Column('position_code', sa.String(length=40), nullable=True),
    sa.Column('position_name', sa.String(length=200), nullable=True),
    sa.Column('outcome', sa.String(length=20), nullable=False),
    sa.Column('method', sa.String(length=10), nullable=True),
    sa.Column('pan', sa.Float(), nullable=True),
    sa.Column('tilt', sa.Float(), nullable=True),
    sa.Column('zoom', sa.Float(), nullable=True),
    sa.Column('d_pan', sa.Float(), nullable=True),
    sa.Column('d_tilt', sa.Float(), nullable=True),
    sa.Column('d_zoom', sa.Float(), nullable=True),
    sa.Column('d_pan_deg', sa.Float(), nullable=True),
    sa.Column('d_tilt_deg', sa.Float(), nullable=True),
    sa.Column('d_fov_deg', sa.Float(), nullable=True),
    sa.Column('within', sa.Boolean(), nullable=True),
    sa.Column('detail', sa.Text(), nullable=False),
    sa.Column('recorded_by', sa.Integer(), nullable=False),
    sa.Column('recorded_at', sa.DateTime(), nullable=False),
    sa.Column('log_entry_id', BIG_ID, nullable=True),
    sa.ForeignKeyConstraint(['run_id'], ['ptz_check_run.id'], ),
    sa.ForeignKeyConstraint(['camera_id'], ['camera.id'], ),
    sa.ForeignKeyConstraint(['recorded_by'], ['user_account.id'], ),
    sa.ForeignKeyConstraint(['log_entry_id'], ['log_entry.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index('ix_ptz_check_row_run', 'ptz_check_row', ['run_id'], unique=False)
    op.create_index('ix_ptz_check_row_camera', 'ptz_check_row', ['camera_id', 'id'],
                    unique=False)


def downgrade() -> None:
    op.drop_index('ix_ptz_check_row_camera', table_name='ptz_check_row')
    op.drop_index('ix_ptz_check_row_run', table_name='ptz_check_row')
    op.drop_table('ptz_check_row')
    op.drop_index('ix_ptz_check_run_desk', table_name='ptz_check_run')
    op.drop_table('ptz_check_run')
    op.drop_table('camera_watch_position')
    op.drop_table('camera_calibration')
    op.drop_table('camera_map_version')
