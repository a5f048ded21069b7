"""cameras: the camera registry

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-27

Cameras with main and sub RTSP URLs (no credentials in them), an optional relay
URL template, the ONVIF endpoint, site, area type, zone, managing unit, map
position and heading. `credentials` holds a Fernet token encrypted with the
site key (app/cameras/registry.py), never clear text.
"""
import sqlalchemy as sa
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('camera',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=40), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('site', sa.String(length=200), nullable=False),
    sa.Column('area_type', sa.String(length=30), nullable=False),
    sa.Column('zone', sa.String(length=200), nullable=True),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('main_url', sa.String(length=500), nullable=False),
    sa.Column('sub_url', sa.String(length=500), nullable=True),
    sa.Column('relay_url', sa.String(length=500), nullable=True),
    sa.Column('onvif_url', sa.String(length=500), nullable=True),
    sa.Column('lat', sa.Float(), nullable=True),
    sa.Column('lon', sa.Float(), nullable=True),
    sa.Column('plan_x', sa.Float(), nullable=True),
    sa.Column('plan_y', sa.Float(), nullable=True),
    sa.Column('heading', sa.Float(), nullable=True),
    sa.Column('credentials', sa.Text(), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['unit_id'], ['org_unit.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('code')
    )
    op.create_index('ix_camera_site_zone', 'camera', ['site', 'zone'], unique=False)
    op.create_index('ix_camera_unit', 'camera', ['unit_id'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_camera_unit', table_name='camera')
    op.drop_index('ix_camera_site_zone', table_name='camera')
    op.drop_table('camera')
