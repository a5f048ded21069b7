"""issued documents and attachments

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-27

`issued_document`: every appendix (II–V) issued from the workflow, with the
register's number, the incident or request it belongs to, the recipient, the
archived file (relative to the data folder), its SHA-256, who issued it and
when, and where it was e-mailed. `attachment`: files kept with an incident or
a request (a screenshot's evidence, a scanned Appendix IV) with their SHA-256.

"""
import sqlalchemy as sa
from alembic import op

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None

_BIG = sa.BigInteger().with_variant(sa.Integer(), 'sqlite')


def upgrade() -> None:
    op.create_table('issued_document',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('desk_id', sa.Integer(), nullable=False),
    sa.Column('document_number_id', sa.Integer(), nullable=True),
    sa.Column('number', sa.String(length=60), nullable=False),
    sa.Column('appendix', sa.String(length=4), nullable=False),
    sa.Column('incident_id', sa.Integer(), nullable=True),
    sa.Column('request_id', sa.Integer(), nullable=True),
    sa.Column('recipient', sa.String(length=300), nullable=False),
    sa.Column('file_path', sa.String(length=500), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('issued_by', sa.Integer(), nullable=False),
    sa.Column('issued_at', sa.DateTime(), nullable=False),
    sa.Column('log_entry_id', _BIG, nullable=True),
    sa.Column('emailed_to', sa.String(length=200), nullable=True),
    sa.Column('emailed_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['desk_id'], ['desk.id'], ),
    sa.ForeignKeyConstraint(['document_number_id'], ['document_number.id'], ),
    sa.ForeignKeyConstraint(['incident_id'], ['incident.id'], ),
    sa.ForeignKeyConstraint(['issued_by'], ['user_account.id'], ),
    sa.ForeignKeyConstraint(['log_entry_id'], ['log_entry.id'], ),
    sa.ForeignKeyConstraint(['request_id'], ['unit_request.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('desk_id', 'number', name='uq_issued_document_number')
    )
    op.create_index('ix_issued_document_incident', 'issued_document', ['incident_id'], unique=False)
    op.create_index('ix_issued_document_request', 'issued_document', ['request_id'], unique=False)
    op.create_table('attachment',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('desk_id', sa.Integer(), nullable=False),
    sa.Column('incident_id', sa.Integer(), nullable=True),
    sa.Column('request_id', sa.Integer(), nullable=True),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('file_path', sa.String(length=500), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('camera_code', sa.String(length=40), nullable=True),
    sa.Column('unit_id', sa.Integer(), nullable=True),
    sa.Column('captured_at', sa.DateTime(), nullable=True),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('added_by', sa.Integer(), nullable=False),
    sa.Column('added_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['added_by'], ['user_account.id'], ),
    sa.ForeignKeyConstraint(['desk_id'], ['desk.id'], ),
    sa.ForeignKeyConstraint(['incident_id'], ['incident.id'], ),
    sa.ForeignKeyConstraint(['request_id'], ['unit_request.id'], ),
    sa.ForeignKeyConstraint(['unit_id'], ['org_unit.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index('ix_attachment_incident', 'attachment', ['incident_id'], unique=False)
    op.create_index('ix_attachment_request', 'attachment', ['request_id'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_attachment_request', table_name='attachment')
    op.drop_index('ix_attachment_incident', table_name='attachment')
    op.drop_table('attachment')
    op.drop_index('ix_issued_document_request', table_name='issued_document')
    op.drop_index('ix_issued_document_incident', table_name='issued_document')
    op.drop_table('issued_document')
