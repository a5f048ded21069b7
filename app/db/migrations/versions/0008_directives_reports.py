"""directives to units and the daily reports the desk chases

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-27

`directive`: a leader's directive not tied to an incident (Đ6.1, Đ10.4b), its
case in the duty log; `directive_unit`: the units it went to, each followed up
by a `unit_request` (the Đ9 deadlines). `daily_report`: a unit's expected daily
report on a duty date once received or reminded (UNIQUE per desk, day, unit and
report); `daily_report_reminder`: who reminded, when, how.

"""
import sqlalchemy as sa
from alembic import op

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None

_BIG = sa.BigInteger().with_variant(sa.Integer(), 'sqlite')


def upgrade() -> None:
    op.create_table('directive',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('desk_id', sa.Integer(), nullable=False),
    sa.Column('case_ref', sa.String(length=36), nullable=False),
    sa.Column('content', sa.Text(), nullable=False),
    sa.Column('directed_by', sa.String(length=200), nullable=False),
    sa.Column('directed_by_id', sa.Integer(), nullable=True),
    sa.Column('directed_at', sa.DateTime(), nullable=False),
    sa.Column('channel', sa.String(length=20), nullable=False),
    sa.Column('due_at', sa.DateTime(), nullable=True),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('created_by', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('closed_at', sa.DateTime(), nullable=True),
    sa.Column('log_entry_id', _BIG, nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['created_by'], ['user_account.id'], ),
    sa.ForeignKeyConstraint(['desk_id'], ['desk.id'], ),
    sa.ForeignKeyConstraint(['directed_by_id'], ['user_account.id'], ),
    sa.ForeignKeyConstraint(['log_entry_id'], ['log_entry.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('case_ref')
    )
    op.create_index('ix_directive_desk_status', 'directive', ['desk_id', 'status'], unique=False)
    op.create_table('directive_unit',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('directive_id', sa.Integer(), nullable=False),
    sa.Column('request_id', sa.Integer(), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['directive_id'], ['directive.id'], ),
    sa.ForeignKeyConstraint(['request_id'], ['unit_request.id'], ),
    sa.ForeignKeyConstraint(['unit_id'], ['org_unit.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('request_id')
    )
    op.create_index('ix_directive_unit_directive', 'directive_unit', ['directive_id'],
                    unique=False)
    op.create_table('daily_report',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('desk_id', sa.Integer(), nullable=False),
    sa.Column('duty_date', sa.Date(), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('unit_name', sa.String(length=300), nullable=False),
    sa.Column('report_code', sa.String(length=60), nullable=False),
    sa.Column('report_name', sa.String(length=300), nullable=False),
    sa.Column('due_at', sa.DateTime(), nullable=False),
    sa.Column('received_at', sa.DateTime(), nullable=True),
    sa.Column('received_channel', sa.String(length=20), nullable=True),
    sa.Column('received_by', sa.Integer(), nullable=True),
    sa.Column('sender', sa.String(length=200), nullable=True),
    sa.Column('file_path', sa.String(length=500), nullable=True),
    sa.Column('sha256', sa.String(length=64), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('reminders', sa.Integer(), nullable=False),
    sa.Column('last_reminded_at', sa.DateTime(), nullable=True),
    sa.Column('log_entry_id', _BIG, nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['desk_id'], ['desk.id'], ),
    sa.ForeignKeyConstraint(['log_entry_id'], ['log_entry.id'], ),
    sa.ForeignKeyConstraint(['received_by'], ['user_account.id'], ),
    sa.ForeignKeyConstraint(['unit_id'], ['org_unit.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('desk_id', 'duty_date', 'unit_id', 'report_code',
                        name='uq_daily_report_day_unit')
    )
    op.create_index('ix_daily_report_desk_day', 'daily_report', ['desk_id', 'duty_date'],
                    unique=False)
    op.create_table('daily_report_reminder',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('report_id', sa.Integer(), nullable=False),
    sa.Column('reminded_by', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('channel', sa.String(length=20), nullable=False),
    sa.Column('contact', sa.String(length=200), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('log_entry_id', _BIG, nullable=True),
    sa.ForeignKeyConstraint(['log_entry_id'], ['log_entry.id'], ),
    sa.ForeignKeyConstraint(['report_id'], ['daily_report.id'], ),
    sa.ForeignKeyConstraint(['reminded_by'], ['user_account.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index('ix_daily_report_reminder_report', 'daily_report_reminder', ['report_id'],
                    unique=False)


def downgrade() -> None:
    op.drop_index('ix_daily_report_reminder_report', table_name='daily_report_reminder')
    op.drop_table('daily_report_reminder')
    op.drop_index('ix_daily_report_desk_day', table_name='daily_report')
    op.drop_table('daily_report')
    op.drop_index('ix_directive_unit_directive', table_name='directive_unit')
    op.drop_table('directive_unit')
    op.drop_index('ix_directive_desk_status', table_name='directive')
    op.drop_table('directive')
