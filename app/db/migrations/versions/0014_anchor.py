"""anchor: shift leaders' signing keys, signed checkpoints of the log, witnesses

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-10

The anchor outside the database (issue 11 item 3, docs/security-anchor.md):
`signing_key` (a shift leader's Ed25519 key, the private half encrypted under his
password, registered by the admin), `log_checkpoint` (a signed head of a desk's
chain: handover, every N entries, print) and `log_witness` (one desk's signed
record of another desk's head). `handover.signature` widens to hold an Ed25519
signature and `handover.signing_key_id` names the key; older handovers keep their
unkeyed SHA-256 and no key.
"""
import sqlalchemy as sa
from alembic import op

revision = '0014'
down_revision = '0013'
branch_labels = None
depends_on = None

_BIG_ID = sa.BigInteger().with_variant(sa.Integer(), 'sqlite')


def upgrade() -> None:
    op.create_table('signing_key',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('key_id', sa.String(length=16), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('public_key', sa.String(length=64), nullable=False),
    sa.Column('private_key', sa.Text(), nullable=False),
    sa.Column('created_by', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('registered_by', sa.Integer(), nullable=True),
    sa.Column('registered_at', sa.DateTime(), nullable=True),
    sa.Column('revoked_at', sa.DateTime(), nullable=True),
    sa.Column('revoked_reason', sa.String(length=200), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['user_account.id'], ),
    sa.ForeignKeyConstraint(['created_by'], ['user_account.id'], ),
    sa.ForeignKeyConstraint(['registered_by'], ['user_account.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('key_id')
    )
    op.create_index('ix_signing_key_user', 'signing_key', ['user_id'], unique=False)
    op.create_table('log_checkpoint',
    sa.Column('id', _BIG_ID, autoincrement=True, nullable=False),
    sa.Column('desk_id', sa.Integer(), nullable=False),
    sa.Column('seq', sa.BigInteger(), nullable=False),
    sa.Column('head', sa.String(length=64), nullable=False),
    sa.Column('key_id', sa.String(length=16), nullable=False),
    sa.Column('signature', sa.String(length=100), nullable=False),
    sa.Column('signed_by', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('reason', sa.String(length=20), nullable=False),
    sa.ForeignKeyConstraint(['desk_id'], ['desk.id'], ),
    sa.ForeignKeyConstraint(['signed_by'], ['user_account.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index('ix_log_checkpoint_desk_seq', 'log_checkpoint', ['desk_id', 'seq'],
                    unique=False)
    op.create_table('log_witness',
    sa.Column('id', _BIG_ID, autoincrement=True, nullable=False),
    sa.Column('desk_id', sa.Integer(), nullable=False),
    sa.Column('witnessed_desk_id', sa.Integer(), nullable=False),
    sa.Column('seq', sa.BigInteger(), nullable=False),
    sa.Column('head', sa.String(length=64), nullable=False),
    sa.Column('key_id', sa.String(length=16), nullable=False),
    sa.Column('signature', sa.String(length=100), nullable=False),
    sa.Column('signed_by', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['desk_id'], ['desk.id'], ),
    sa.ForeignKeyConstraint(['witnessed_desk_id'], ['desk.id'], ),
    sa.ForeignKeyConstraint(['signed_by'], ['user_account.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index('ix_log_witness_witnessed', 'log_witness', ['witnessed_desk_id', 'seq'],
                    unique=False)
    with op.batch_alter_table('handover') as batch:
        batch.alter_column('signature', existing_type=sa.String(length=64),
                           type_=sa.String(length=100), existing_nullable=True)
        batch.add_column(sa.Column('signing_key_id', sa.String(length=16), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('handover') as batch:
        batch.drop_column('signing_key_id')
        batch.alter_column('signature', existing_type=sa.String(length=100),
                           type_=sa.String(length=64), existing_nullable=True)
    op.drop_index('ix_log_witness_witnessed', table_name='log_witness')
    op.drop_table('log_witness')
    op.drop_index('ix_log_checkpoint_desk_seq', table_name='log_checkpoint')
    op.drop_table('log_checkpoint')
    op.drop_index('ix_signing_key_user', table_name='signing_key')
    op.drop_table('signing_key')
