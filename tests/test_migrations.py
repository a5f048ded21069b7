"""One Alembic chain builds the schema the models describe, on SQLite and on
PostgreSQL, and runs down and up again."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from app.db.engine import Database
from app.db.models import Base


def _diff(db: Database) -> list:
    def include(obj, name, type_, reflected, compare_to) -> bool:  # type: ignore[no-untyped-def]
        # The full-text machinery lives outside the models (FTS5 tables, GIN index).
        return not (type_ == "table" and name.startswith(
            ("log_entry_fts", "customs_declaration_fts", "alembic_version"))) \
            and name not in ("ix_log_entry_search", "ix_customs_declaration_search")

    with db.engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"include_object": include,
                                                     "compare_type": False})
        return compare_metadata(ctx, Base.metadata)


def test_migrated_schema_matches_the_models(db_url):
    db = Database(db_url)
    db.migrate()
    assert _diff(db) == []
    db.dispose()


def test_migrations_run_down_and_up(tmp_path):
    from alembic import command  # noqa: PLC0415
    from alembic.config import Config  # noqa: PLC0415

    from app.db.engine import MIGRATIONS  # noqa: PLC0415

    db = Database(f"sqlite:///{tmp_path / 'm.sqlite'}")
    db.migrate()
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "base")
    db.migrate()
    assert _diff(db) == []
    db.dispose()
