"""The text columns' sizes (String(n)) read from the models, so that an import or an
edit refuses a value too long for its column with a message naming it, before the
database sees it: PostgreSQL raises a raw DataError, SQLite keeps the value whole."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import String

from app.db.models import Base


def text_limits(model: type[Base]) -> dict[str, int]:
    """Attribute name → the most characters its String column holds."""
    return {c.key: int(c.type.length) for c in model.__table__.columns
            if isinstance(c.type, String) and c.type.length}


def too_long(model: type[Base], values: Mapping[str, Any],
             columns: Mapping[str, str] | None = None,
             only: Iterable[str] | None = None) -> list[tuple[str, int]]:
    """(field, limit) of each text in `values` longer than its column allows;
    `columns` maps a field to its attribute where the names differ."""
    limits = text_limits(model)
    out = []
    for key in (only if only is not None else values):
        value = values.get(key)
        limit = limits.get((columns or {}).get(key, key))
        if value is not None and limit and len(str(value)) > limit:
            out.append((key, limit))
    return out
