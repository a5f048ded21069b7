"""log entry index for open cases

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27

`DutyLog.open_cases` (every reload of the log panel, the handover's open items)
looks for the result entries of a desk: `desk_id = ? AND kind = 'result' AND
case_id IS NOT NULL`. Without an index that reads every entry of the desk
(~0.3-0.4 s at 600,000 entries on SQLite and PostgreSQL); with this one it is
an index-only range scan (~20 ms). Plain B-tree: same on SQLite and PostgreSQL.
"""
from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index('ix_log_entry_desk_kind_case', 'log_entry', ['desk_id', 'kind', 'case_id'],
                    unique=False)


def downgrade() -> None:
    op.drop_index('ix_log_entry_desk_kind_case', table_name='log_entry')
