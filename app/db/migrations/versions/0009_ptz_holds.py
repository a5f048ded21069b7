"""ptz holds: control priority of PTZ cameras shared by the consoles

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-27

`ptz_hold`: who controls a PTZ camera now (one row per held camera, UNIQUE by
camera), since when, last activity (holds expire), and whether the holder may
take over from others (app/cameras/ptz_holds.py).
"""
import sqlalchemy as sa
from alembic import op

revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('ptz_hold',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('camera_code', sa.String(length=40), nullable=False),
    sa.Column('console', sa.String(length=100), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('user_name', sa.String(length=200), nullable=False),
    sa.Column('can_take_over', sa.Boolean(), nullable=False),
    sa.Column('since', sa.DateTime(), nullable=False),
    sa.Column('last_active', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['user_account.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('camera_code')
    )


def downgrade() -> None:
    op.drop_table('ptz_hold')
