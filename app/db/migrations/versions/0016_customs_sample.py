"""customs_sample: reproducible random draws of declarations (Đ13.1b)

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-08

Issue 12 item 7 (app/customs/sampling.py): a draw's criteria, seed, candidates and
their hash, k, the sample, who and when, its duty-log entry; a redraw names the one
it replaces and why. Insert-only (app/db/security.py).
"""
import sqlalchemy as sa
from alembic import op

revision = '0016'
down_revision = '0015'
branch_labels = None
depends_on = None

_BIG_ID = sa.BigInteger().with_variant(sa.Integer(), 'sqlite')


def upgrade() -> None:
    op.create_table('customs_sample',
    sa.Column('id', _BIG_ID, autoincrement=True, nullable=False),
    sa.Column('desk_id', sa.Integer(), nullable=False),
    sa.Column('criteria', sa.Text(), nullable=False),
    sa.Column('seed', sa.String(length=64), nullable=False),
    sa.Column('candidates', sa.Text(), nullable=False),
    sa.Column('candidates_sha256', sa.String(length=64), nullable=False),
    sa.Column('candidate_count', sa.Integer(), nullable=False),
    sa.Column('k', sa.Integer(), nullable=False),
    sa.Column('sample', sa.Text(), nullable=False),
    sa.Column('drawn_by', sa.Integer(), nullable=False),
    sa.Column('drawn_at', sa.DateTime(), nullable=False),
    sa.Column('redraw_of', _BIG_ID, nullable=True),
    sa.Column('redraw_reason', sa.String(length=500), nullable=True),
    sa.Column('log_entry_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['desk_id'], ['desk.id'], ),
    sa.ForeignKeyConstraint(['drawn_by'], ['user_account.id'], ),
    sa.ForeignKeyConstraint(['log_entry_id'], ['log_entry.id'], ),
    sa.ForeignKeyConstraint(['redraw_of'], ['customs_sample.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('customs_sample', schema=None) as batch_op:
        batch_op.create_index('ix_customs_sample_desk_at', ['desk_id', 'drawn_at'])


def downgrade() -> None:
    with op.batch_alter_table('customs_sample', schema=None) as batch_op:
        batch_op.drop_index('ix_customs_sample_desk_at')
    op.drop_table('customs_sample')
