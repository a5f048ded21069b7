"""image check: reference pictures of watch positions and check results

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-27

`reference_image`: a camera's reference picture per watch position (PNG in the
database, so every console compares with the same one). `image_check_result`:
each check's verdict and finding, with the duty-log entry and the notice of a
fault (app/cameras/image_check.py).
"""
import sqlalchemy as sa
from alembic import op

revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('reference_image',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('camera_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.String(length=60), nullable=False),
    sa.Column('png', sa.LargeBinary(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('width', sa.Integer(), nullable=False),
    sa.Column('height', sa.Integer(), nullable=False),
    sa.Column('taken_at', sa.DateTime(), nullable=False),
    sa.Column('taken_by', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['camera_id'], ['camera.id'], ),
    sa.ForeignKeyConstraint(['taken_by'], ['user_account.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('camera_id', 'position', name='uq_reference_image')
    )
    op.create_table('image_check_result',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('camera_id', sa.Integer(), nullable=False),
    sa.Column('desk_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.String(length=60), nullable=False),
    sa.Column('verdict', sa.String(length=20), nullable=False),
    sa.Column('finding', sa.Text(), nullable=False),
    sa.Column('checked_at', sa.DateTime(), nullable=False),
    sa.Column('checked_by', sa.Integer(), nullable=False),
    sa.Column('log_entry_id', sa.Integer(), nullable=True),
    sa.Column('notice_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['camera_id'], ['camera.id'], ),
    sa.ForeignKeyConstraint(['checked_by'], ['user_account.id'], ),
    sa.ForeignKeyConstraint(['desk_id'], ['desk.id'], ),
    sa.ForeignKeyConstraint(['log_entry_id'], ['log_entry.id'], ),
    sa.ForeignKeyConstraint(['notice_id'], ['notice.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index('ix_image_check_camera', 'image_check_result', ['camera_id', 'checked_at'],
                    unique=False)


def downgrade() -> None:
    op.drop_index('ix_image_check_camera', table_name='image_check_result')
    op.drop_table('image_check_result')
    op.drop_table('reference_image')
