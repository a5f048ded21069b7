"""request relay: a regional desk's request to its unit remembers the request it
passes on

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-27

`unit_request.relayed_from_id`: set on the request a regional desk made when it
passed another desk's request on to one of its units (Đ10–12); that unit's result
is reported back on the original (app/workflow/service.py, RequestService.relay).
"""
import sqlalchemy as sa
from alembic import op

revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('unit_request', schema=None) as batch_op:
        batch_op.add_column(sa.Column('relayed_from_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key('fk_unit_request_relayed_from', 'unit_request',
                                    ['relayed_from_id'], ['id'])


def downgrade() -> None:
    with op.batch_alter_table('unit_request', schema=None) as batch_op:
        batch_op.drop_constraint('fk_unit_request_relayed_from', type_='foreignkey')
        batch_op.drop_column('relayed_from_id')
