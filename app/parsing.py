"""Reading the site's files once, the same way for every feature: YAML and JSON whose
mappings remember the line they start on (so a problem names its line), and the
lenient cell values of hand-made spreadsheets (a decimal comma, "có"/"không")."""

from __future__ import annotations

import json
import json.scanner
import math
from collections.abc import Callable
from typing import Any

import yaml

#: the key under which a parsed mapping keeps its line (1-based)
LINE = "__line__"

TRUE = ("1", "true", "yes", "y", "có", "x")
FALSE = ("0", "false", "no", "n", "không")


class LineLoader(yaml.SafeLoader):
    """A safe YAML loader that notes in every mapping the line where it starts."""


def _mapping(loader: LineLoader, node: yaml.MappingNode) -> dict[Any, Any]:
    mapping = loader.construct_mapping(node, deep=True)
    out = dict(mapping)
    out[LINE] = node.start_mark.line + 1
    return out


LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)


def load_yaml(text: str) -> Any:
    """A YAML document, its mappings marked with their lines (raises yaml.YAMLError)."""
    return yaml.load(text, Loader=LineLoader)  # noqa: S506 - a SafeLoader subclass


# The pure-Python scanner calls the decoder's parse_object; the C one does not.
_py_make_scanner: Callable[[json.JSONDecoder], Any] = vars(json.scanner)["py_make_scanner"]


class LineDecoder(json.JSONDecoder):
    """A JSON decoder that notes in each object the line where it starts."""

    def __init__(self) -> None:
        super().__init__()
        parse: Callable[..., tuple[Any, int]] = vars(json.decoder)["JSONObject"]

        def parse_object(s_and_end: tuple[str, int], *args: Any,
                         **kwargs: Any) -> tuple[Any, int]:
            s, end = s_and_end
            obj, new_end = parse(s_and_end, *args, **kwargs)
            if isinstance(obj, dict):
                obj[LINE] = s.count("\n", 0, end) + 1
            return obj, new_end

        self.parse_object = parse_object
        self.scan_once = _py_make_scanner(self)


def load_json(text: str) -> Any:
    """A JSON document, its objects marked with their lines (raises ValueError)."""
    return LineDecoder().decode(text)


def to_float(value: Any) -> float | None:
    """A finite number from a cell ("12,5" with a decimal comma too), else None."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, str):
        text = value.strip()
        if text.count(",") == 1 and "." not in text:
            text = text.replace(",", ".")  # a decimal comma (Vietnamese spreadsheets)
        value = text
    try:
        f = float(value)
    except (TypeError, ValueError):
        return None
    return f if math.isfinite(f) else None


def to_bool(value: Any, missing: bool | None = None) -> bool | None:
    """A yes/no from a cell (true/false, 1/0, có/không, x); `missing` for None or an
    empty cell (None by default: the caller says what an empty cell means); None when
    the value says neither."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return missing
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float) and value in (0, 1):
        return bool(value)
    if isinstance(value, str) and value.strip().lower() in TRUE + FALSE:
        return value.strip().lower() in TRUE
    return None


__all__ = ["FALSE", "LINE", "TRUE", "LineDecoder", "LineLoader", "load_json", "load_yaml",
           "to_bool", "to_float"]
