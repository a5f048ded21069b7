"""issued documents are unique per register number, not per label

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-07

The register numbers each desk's documents from 1 every local year
(DocumentRegister.next_number), so the label "1/FAX-TB-HQ" comes back on
1 January: `issued_document` was unique on (desk_id, number) and refused the new
year's first fax. An issued document is now unique on its register number
(`document_number_id`; NULL for a unit's own document that the desk only files).
"""
from alembic import op

revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('issued_document', schema=None) as batch_op:
        batch_op.drop_constraint('uq_issued_document_number', type_='unique')
        batch_op.create_unique_constraint('uq_issued_document_register_number',
                                          ['document_number_id'])


def downgrade() -> None:
    with op.batch_alter_table('issued_document', schema=None) as batch_op:
        batch_op.drop_constraint('uq_issued_document_register_number', type_='unique')
        batch_op.create_unique_constraint('uq_issued_document_number', ['desk_id', 'number'])
