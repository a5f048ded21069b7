"""customs_declaration.search_text: full-text search of the goods and the declarant

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-08

The declarations panel's free text (issue 12: ≤ 200 ms p95 over 1,000,000
declarations) through an index instead of a scan: the goods' description and the
declarant's name folded (app/text.py), FTS5 on SQLite (external content, kept by
triggers: a declaration is updated at each amendment), a GIN tsvector index on
PostgreSQL (the same 'simple' configuration as the duty log's, LEAKPROOF under
row-level security: app/db/security.py).
"""
import sqlalchemy as sa
from alembic import op

revision = '0017'
down_revision = '0016'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('customs_declaration', schema=None) as batch_op:
        batch_op.add_column(sa.Column('search_text', sa.Text(), server_default='',
                                      nullable=False))
    if op.get_bind().dialect.name == "sqlite":
        op.execute(
            "CREATE VIRTUAL TABLE customs_declaration_fts USING fts5("
            "search_text, content='customs_declaration', content_rowid='id', "
            "tokenize='unicode61 remove_diacritics 2', prefix='2 3')")
        op.execute(
            "CREATE TRIGGER customs_declaration_fts_ai AFTER INSERT ON customs_declaration "
            "BEGIN INSERT INTO customs_declaration_fts(rowid, search_text) "
            "VALUES (new.id, new.search_text); END")
        op.execute(
            "CREATE TRIGGER customs_declaration_fts_au AFTER UPDATE OF search_text "
            "ON customs_declaration BEGIN "
            "INSERT INTO customs_declaration_fts(customs_declaration_fts, rowid, search_text) "
            "VALUES ('delete', old.id, old.search_text); "
            "INSERT INTO customs_declaration_fts(rowid, search_text) "
            "VALUES (new.id, new.search_text); END")
        op.execute(
            "CREATE TRIGGER customs_declaration_fts_ad AFTER DELETE ON customs_declaration "
            "BEGIN INSERT INTO customs_declaration_fts(customs_declaration_fts, rowid, "
            "search_text) VALUES ('delete', old.id, old.search_text); END")
        op.execute("INSERT INTO customs_declaration_fts(customs_declaration_fts) "
                   "VALUES ('rebuild')")
    else:
        op.execute("CREATE INDEX ix_customs_declaration_search ON customs_declaration "
                   "USING gin (to_tsvector('simple', search_text))")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for trig in ("customs_declaration_fts_ai", "customs_declaration_fts_au",
                     "customs_declaration_fts_ad"):
            op.execute(f"DROP TRIGGER IF EXISTS {trig}")
        op.execute("DROP TABLE IF EXISTS customs_declaration_fts")
    else:
        op.execute("DROP INDEX IF EXISTS ix_customs_declaration_search")
    with op.batch_alter_table('customs_declaration', schema=None) as batch_op:
        batch_op.drop_column('search_text')
