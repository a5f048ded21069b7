"""Reading the site's files once, the same way for every feature: YAML and JSON whose
mappings remember the line they start on (so a problem names its line), CSV rows with
their lines, and the lenient cell values of hand-made spreadsheets (a decimal comma,
"có"/"không").

The loaders are also the one place that keeps hostile or broken files from crashing
an import: nesting deeper than `MAX_DEPTH` (which would exhaust Python's recursion in
the parsers) and a CSV cell over the csv module's field limit (an unclosed quotation
mark swallows the rest of the file) become a problem at the file's line, raised the
way each loader already reports a malformed file."""

from __future__ import annotations

import csv
import io
import json
import json.scanner
import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import yaml

from app.errors import QT_TRANSLATE_NOOP, ImportFileError

# The key under which a parsed mapping keeps its line (1-based).
LINE = "__line__"

TRUE = ("1", "true", "yes", "y", "có", "x")
FALSE = ("0", "false", "no", "n", "không")

# The deepest nesting of lists and mappings a site file may have: a unit tree five
# levels deep is a dozen; far deeper input is broken or hostile.
MAX_DEPTH = 100
TOO_DEEP = QT_TRANSLATE_NOOP("errors", "the data is nested more than 100 levels deep")


class LineLoader(yaml.SafeLoader):
    """A safe YAML loader that notes in every mapping the line where it starts."""


class LineMapping(dict[Any, Any]):
    """A parsed YAML mapping (a plain dict to everyone else) that also knows the line
    of each of its keys, for a problem with one value (`line_of`)."""

    key_lines: dict[Any, int]


def _mapping(loader: LineLoader, node: yaml.MappingNode) -> dict[Any, Any]:
    mapping = loader.construct_mapping(node, deep=True)
    out = LineMapping(mapping)
    out[LINE] = node.start_mark.line + 1
    out.key_lines = {}
    for key_node, _value in node.value:
        try:
            key = loader.construct_object(key_node, deep=True)
            out.key_lines[key] = key_node.start_mark.line + 1
        except TypeError:  # an unhashable key: construct_mapping has refused it
            continue
    return out


def line_of(mapping: Any, key: Any = None) -> int:
    """The line of `key` in a parsed mapping, else the line where the mapping starts
    (0 when it is not a parsed mapping)."""
    if not isinstance(mapping, dict):
        return 0
    lines = getattr(mapping, "key_lines", {})
    return int(lines.get(key) or mapping.get(LINE) or 0)


LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)


def load_yaml(text: str) -> Any:
    """A YAML document, its mappings marked with their lines (raises yaml.YAMLError;
    nesting deeper than MAX_DEPTH is one, with the mark where it goes too deep)."""
    depth = 0
    try:
        # The event stream is read without recursion: measure the depth before the
        # composer and the constructor, which recurse, see the document.
        for event in yaml.parse(text, Loader=LineLoader):  # noqa: S506 - a SafeLoader
            if isinstance(event, yaml.MappingStartEvent | yaml.SequenceStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    mark = event.start_mark  # the pure-Python parser's (LineLoader's)
                    raise yaml.MarkedYAMLError(problem=TOO_DEEP, problem_mark=(
                        mark if isinstance(mark, yaml.error.Mark) else None))
            elif isinstance(event, yaml.MappingEndEvent | yaml.SequenceEndEvent):
                depth -= 1
        return yaml.load(text, Loader=LineLoader)  # noqa: S506 - a SafeLoader subclass
    except RecursionError as exc:  # aliases nested deeper than the events show
        raise yaml.MarkedYAMLError(problem=TOO_DEEP) from exc


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


# A JSON string (to skip: brackets inside strings do not nest) or a bracket.
_JSON_TOKENS = re.compile(r'"(?:[^"\\]+|\\.)*"?|[\[\]{}]')


def load_json(text: str) -> Any:
    """A JSON document, its objects marked with their lines (raises ValueError: a
    json.JSONDecodeError with the line, also for nesting deeper than MAX_DEPTH)."""
    depth = 0
    for m in _JSON_TOKENS.finditer(text):
        token = m.group()
        if token in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                raise json.JSONDecodeError(TOO_DEEP, text, m.start())
        elif token in "]}":
            depth -= 1
    try:
        return LineDecoder().decode(text)
    except RecursionError as exc:
        raise json.JSONDecodeError(TOO_DEEP, text, 0) from exc


@dataclass
class CsvTable:
    """The rows of a CSV file as csv.DictReader gives them, each with its line (the
    last line of the record, as `DictReader.line_num` counts)."""

    fieldnames: list[str]
    rows: list[tuple[int, dict[Any, Any]]] = field(default_factory=list)


def read_csv(text: str, filename: str) -> CsvTable:
    """Every row of a CSV text with a header row. A line the csv module cannot read
    (a cell over its field limit, most often a quotation mark left open) raises
    ImportFileError naming the file and the line where that record starts."""
    reader = csv.DictReader(io.StringIO(text))
    start = 1
    try:
        table = CsvTable(list(reader.fieldnames or []))
        while True:
            start = reader.line_num + 1
            try:
                row = next(reader)
            except StopIteration:
                return table
            table.rows.append((reader.line_num, row))
    except csv.Error as exc:
        if "field limit" in str(exc):
            problem: tuple[Any, ...] = (filename, start, QT_TRANSLATE_NOOP(
                "errors", "a cell is longer than {limit} characters (is a quotation mark "
                          "left open?)"), {"limit": csv.field_size_limit()})
        else:
            problem = (filename, start, QT_TRANSLATE_NOOP(
                "errors", "the line cannot be read as CSV: {detail}"), {"detail": str(exc)})
        raise ImportFileError([problem]) from exc


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


__all__ = ["FALSE", "LINE", "MAX_DEPTH", "TOO_DEEP", "TRUE", "CsvTable", "LineDecoder",
           "LineLoader", "LineMapping", "line_of", "load_json", "load_yaml", "read_csv",
           "to_bool", "to_float"]
