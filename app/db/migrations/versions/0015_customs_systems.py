"""customs systems: declarations, the controlled area, the e-manifest, gate reads, the
risk blacklist, alerts, the sources' cursors

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-08

Issue 12 (data panels I, app/customs/): what the customs integration gateway sends
(datasources/contracts/customs-gateway.yaml), kept per desk: `customs_declaration`
(keyed on the first 11 digits of its number) with its containers,
`customs_area_event`, `customs_gate_event` (with the client's verdict and the
officer's random check), `customs_vessel_call` with its bills and containers,
`customs_blacklist`; `alert` (raised once per rule, source, record and event);
`source_cursor` (where a paged source resumes).
"""
import sqlalchemy as sa
from alembic import op

revision = '0015'
down_revision = '0014'
branch_labels = None
depends_on = None

_BIG_ID = sa.BigInteger().with_variant(sa.Integer(), 'sqlite')


def upgrade() -> None:
    op.create_table('customs_area_event',
    sa.Column('id', _BIG_ID, autoincrement=True, nullable=False),
    sa.Column('desk_id', sa.Integer(), nullable=True),
    sa.Column('source_id', sa.String(length=80), nullable=False),
    sa.Column('ext_id', sa.String(length=64), nullable=False),
    sa.Column('change_seq', sa.BigInteger(), nullable=False),
    sa.Column('event', sa.String(length=30), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('declaration_key', sa.String(length=11), nullable=True),
    sa.Column('container_no', sa.String(length=11), nullable=True),
    sa.Column('seal', sa.String(length=40), nullable=True),
    sa.Column('plate', sa.String(length=12), nullable=True),
    sa.Column('gate', sa.String(length=60), nullable=True),
    sa.Column('office', sa.String(length=4), nullable=True),
    sa.Column('note', sa.String(length=1000), nullable=True),
    sa.ForeignKeyConstraint(['desk_id'], ['desk.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('ext_id')
    )
    with op.batch_alter_table('customs_area_event', schema=None) as batch_op:
        batch_op.create_index('ix_customs_area_event_at', ['at'])
        batch_op.create_index('ix_customs_area_event_container', ['container_no'])

    op.create_table('customs_blacklist',
    sa.Column('id', _BIG_ID, autoincrement=True, nullable=False),
    sa.Column('desk_id', sa.Integer(), nullable=True),
    sa.Column('source_id', sa.String(length=80), nullable=False),
    sa.Column('ext_id', sa.String(length=64), nullable=False),
    sa.Column('change_seq', sa.BigInteger(), nullable=False),
    sa.Column('subject', sa.String(length=20), nullable=False),
    sa.Column('value', sa.String(length=40), nullable=False),
    sa.Column('reason', sa.String(length=1000), nullable=False),
    sa.Column('since', sa.DateTime(), nullable=True),
    sa.Column('until', sa.DateTime(), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['desk_id'], ['desk.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('ext_id')
    )
    with op.batch_alter_table('customs_blacklist', schema=None) as batch_op:
        batch_op.create_index('ix_customs_blacklist_subject_value', ['subject', 'value'])

    op.create_table('customs_declaration',
    sa.Column('id', _BIG_ID, autoincrement=True, nullable=False),
    sa.Column('desk_id', sa.Integer(), nullable=True),
    sa.Column('source_id', sa.String(length=80), nullable=False),
    sa.Column('key', sa.String(length=11), nullable=False),
    sa.Column('number', sa.String(length=12), nullable=False),
    sa.Column('amend_count', sa.Integer(), nullable=False),
    sa.Column('change_seq', sa.BigInteger(), nullable=False),
    sa.Column('system', sa.String(length=8), nullable=False),
    sa.Column('flow', sa.String(length=8), nullable=False),
    sa.Column('type_code', sa.String(length=3), nullable=False),
    sa.Column('office', sa.String(length=4), nullable=False),
    sa.Column('area', sa.String(length=40), nullable=False),
    sa.Column('route', sa.String(length=200), nullable=False),
    sa.Column('channel_raw', sa.String(length=4), nullable=True),
    sa.Column('channel', sa.String(length=8), nullable=True),
    sa.Column('status', sa.String(length=30), nullable=False),
    sa.Column('registered_at', sa.DateTime(), nullable=False),
    sa.Column('channel_at', sa.DateTime(), nullable=True),
    sa.Column('cleared_at', sa.DateTime(), nullable=True),
    sa.Column('inspection_result', sa.String(length=20), nullable=True),
    sa.Column('inspection_place', sa.String(length=200), nullable=True),
    sa.Column('declarant_tax_code', sa.String(length=13), nullable=False),
    sa.Column('declarant_name', sa.String(length=300), nullable=False),
    sa.Column('hs_codes', sa.Text(), nullable=False),
    sa.Column('goods_description', sa.Text(), nullable=False),
    sa.Column('containers', sa.Text(), nullable=False),
    sa.Column('bills_of_lading', sa.String(length=200), nullable=False),
    sa.Column('gross_weight_kg', sa.Float(), nullable=True),
    sa.Column('transport_mode', sa.String(length=1), nullable=True),
    sa.Column('storage_place', sa.String(length=7), nullable=True),
    sa.Column('details', sa.Text(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['desk_id'], ['desk.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('key')
    )
    with op.batch_alter_table('customs_declaration', schema=None) as batch_op:
        batch_op.create_index('ix_customs_declaration_channel_reg', ['channel', 'registered_at'])
        batch_op.create_index('ix_customs_declaration_office_reg', ['office', 'registered_at'])
        batch_op.create_index('ix_customs_declaration_registered', ['registered_at'])
        batch_op.create_index('ix_customs_declaration_tax_code', ['declarant_tax_code'])

    op.create_table('customs_vessel_call',
    sa.Column('id', _BIG_ID, autoincrement=True, nullable=False),
    sa.Column('desk_id', sa.Integer(), nullable=True),
    sa.Column('source_id', sa.String(length=80), nullable=False),
    sa.Column('call_id', sa.String(length=64), nullable=False),
    sa.Column('change_seq', sa.BigInteger(), nullable=False),
    sa.Column('vessel_name', sa.String(length=100), nullable=False),
    sa.Column('imo', sa.String(length=7), nullable=True),
    sa.Column('mmsi', sa.String(length=9), nullable=True),
    sa.Column('call_sign', sa.String(length=10), nullable=True),
    sa.Column('flag', sa.String(length=2), nullable=True),
    sa.Column('voyage', sa.String(length=20), nullable=True),
    sa.Column('port', sa.String(length=5), nullable=False),
    sa.Column('eta', sa.DateTime(), nullable=True),
    sa.Column('ata', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['desk_id'], ['desk.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('call_id')
    )
    op.create_table('source_cursor',
    sa.Column('source_id', sa.String(length=80), nullable=False),
    sa.Column('desk_id', sa.Integer(), nullable=True),
    sa.Column('cursor', sa.String(length=200), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('console', sa.String(length=100), nullable=False),
    sa.ForeignKeyConstraint(['desk_id'], ['desk.id'], ),
    sa.PrimaryKeyConstraint('source_id')
    )
    op.create_table('customs_bill',
    sa.Column('id', _BIG_ID, autoincrement=True, nullable=False),
    sa.Column('call_fk', _BIG_ID, nullable=False),
    sa.Column('number', sa.String(length=35), nullable=False),
    sa.Column('master', sa.String(length=35), nullable=True),
    sa.Column('shipper', sa.String(length=500), nullable=False),
    sa.Column('consignee', sa.String(length=500), nullable=False),
    sa.Column('consignee_tax_code', sa.String(length=13), nullable=True),
    sa.Column('hs', sa.String(length=8), nullable=True),
    sa.Column('packages', sa.Integer(), nullable=True),
    sa.Column('gross_weight_kg', sa.Float(), nullable=True),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('containers', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['call_fk'], ['customs_vessel_call.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('customs_bill', schema=None) as batch_op:
        batch_op.create_index('ix_customs_bill_number', ['number'])

    op.create_table('customs_declaration_container',
    sa.Column('declaration_id', _BIG_ID, nullable=False),
    sa.Column('container_no', sa.String(length=11), nullable=False),
    sa.Column('seal', sa.String(length=40), nullable=True),
    sa.ForeignKeyConstraint(['declaration_id'], ['customs_declaration.id'], ),
    sa.PrimaryKeyConstraint('declaration_id', 'container_no')
    )
    with op.batch_alter_table('customs_declaration_container', schema=None) as batch_op:
        batch_op.create_index('ix_customs_declaration_container_no', ['container_no'])

    op.create_table('customs_gate_event',
    sa.Column('id', _BIG_ID, autoincrement=True, nullable=False),
    sa.Column('desk_id', sa.Integer(), nullable=True),
    sa.Column('source_id', sa.String(length=80), nullable=False),
    sa.Column('ext_id', sa.String(length=64), nullable=False),
    sa.Column('change_seq', sa.BigInteger(), nullable=False),
    sa.Column('gate', sa.String(length=60), nullable=False),
    sa.Column('lane', sa.String(length=20), nullable=False),
    sa.Column('direction', sa.String(length=3), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('container_raw', sa.String(length=20), nullable=True),
    sa.Column('container_no', sa.String(length=11), nullable=True),
    sa.Column('read_error', sa.String(length=300), nullable=True),
    sa.Column('plate', sa.String(length=12), nullable=True),
    sa.Column('confidence', sa.Float(), nullable=False),
    sa.Column('camera_code', sa.String(length=40), nullable=True),
    sa.Column('picture', sa.String(length=300), nullable=True),
    sa.Column('declaration_key', sa.String(length=11), nullable=True),
    sa.Column('verdict', sa.String(length=30), nullable=False),
    sa.Column('checked_by', sa.Integer(), nullable=True),
    sa.Column('checked_at', sa.DateTime(), nullable=True),
    sa.Column('check_result', sa.String(length=20), nullable=True),
    sa.Column('check_note', sa.String(length=500), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['checked_by'], ['user_account.id'], ),
    sa.ForeignKeyConstraint(['desk_id'], ['desk.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('ext_id')
    )
    with op.batch_alter_table('customs_gate_event', schema=None) as batch_op:
        batch_op.create_index('ix_customs_gate_event_at', ['at'])
        batch_op.create_index('ix_customs_gate_event_container', ['container_no'])

    op.create_table('customs_manifest_container',
    sa.Column('id', _BIG_ID, autoincrement=True, nullable=False),
    sa.Column('call_fk', _BIG_ID, nullable=False),
    sa.Column('number', sa.String(length=11), nullable=False),
    sa.Column('size_type', sa.String(length=4), nullable=True),
    sa.Column('seal', sa.String(length=40), nullable=True),
    sa.Column('full', sa.Boolean(), nullable=False),
    sa.Column('in_yard_since', sa.DateTime(), nullable=True),
    sa.Column('left_yard_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['call_fk'], ['customs_vessel_call.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('customs_manifest_container', schema=None) as batch_op:
        batch_op.create_index('ix_customs_manifest_container_no', ['number'])

    op.create_table('alert',
    sa.Column('id', _BIG_ID, autoincrement=True, nullable=False),
    sa.Column('desk_id', sa.Integer(), nullable=True),
    sa.Column('dedup_key', sa.String(length=300), nullable=False),
    sa.Column('rule', sa.String(length=40), nullable=False),
    sa.Column('severity', sa.String(length=10), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('source_id', sa.String(length=80), nullable=False),
    sa.Column('record_kind', sa.String(length=40), nullable=False),
    sa.Column('record_ref', sa.String(length=64), nullable=False),
    sa.Column('container_no', sa.String(length=11), nullable=True),
    sa.Column('declaration_key', sa.String(length=11), nullable=True),
    sa.Column('camera_code', sa.String(length=40), nullable=True),
    sa.Column('picture', sa.String(length=300), nullable=True),
    sa.Column('place', sa.String(length=200), nullable=True),
    sa.Column('raised_at', sa.DateTime(), nullable=False),
    sa.Column('state', sa.String(length=15), nullable=False),
    sa.Column('acted_by', sa.Integer(), nullable=True),
    sa.Column('acted_at', sa.DateTime(), nullable=True),
    sa.Column('dismiss_reason', sa.String(length=1000), nullable=True),
    sa.Column('incident_id', sa.Integer(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['acted_by'], ['user_account.id'], ),
    sa.ForeignKeyConstraint(['desk_id'], ['desk.id'], ),
    sa.ForeignKeyConstraint(['incident_id'], ['incident.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('dedup_key')
    )
    with op.batch_alter_table('alert', schema=None) as batch_op:
        batch_op.create_index('ix_alert_desk_state', ['desk_id', 'state', 'raised_at'])



def downgrade() -> None:
    op.drop_table('alert')
    with op.batch_alter_table('customs_manifest_container', schema=None) as batch_op:
        batch_op.drop_index('ix_customs_manifest_container_no')

    op.drop_table('customs_manifest_container')
    with op.batch_alter_table('customs_gate_event', schema=None) as batch_op:
        batch_op.drop_index('ix_customs_gate_event_container')
        batch_op.drop_index('ix_customs_gate_event_at')

    op.drop_table('customs_gate_event')
    with op.batch_alter_table('customs_declaration_container', schema=None) as batch_op:
        batch_op.drop_index('ix_customs_declaration_container_no')

    op.drop_table('customs_declaration_container')
    with op.batch_alter_table('customs_bill', schema=None) as batch_op:
        batch_op.drop_index('ix_customs_bill_number')

    op.drop_table('customs_bill')
    op.drop_table('source_cursor')
    op.drop_table('customs_vessel_call')
    with op.batch_alter_table('customs_declaration', schema=None) as batch_op:
        batch_op.drop_index('ix_customs_declaration_tax_code')
        batch_op.drop_index('ix_customs_declaration_registered')
        batch_op.drop_index('ix_customs_declaration_office_reg')
        batch_op.drop_index('ix_customs_declaration_channel_reg')

    op.drop_table('customs_declaration')
    with op.batch_alter_table('customs_blacklist', schema=None) as batch_op:
        batch_op.drop_index('ix_customs_blacklist_subject_value')

    op.drop_table('customs_blacklist')
    with op.batch_alter_table('customs_area_event', schema=None) as batch_op:
        batch_op.drop_index('ix_customs_area_event_container')
        batch_op.drop_index('ix_customs_area_event_at')

    op.drop_table('customs_area_event')
