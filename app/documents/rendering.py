"""How the core has a paper printed without importing the printers: `forms` installs
one renderer per print-model type at start-up (`forms.install()`, called by
`main.py` and the tests), and the core asks `render(paper)` for the PDF's bytes.
The core stays below the forms (the layers contract), and a console started
without them says so instead of failing on an import."""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any, BinaryIO

from app.errors import QT_TRANSLATE_NOOP, DomainError

#: Writes one paper (a print model of app.documents.papers) as PDF to a stream.
Renderer = Callable[[Any, BinaryIO], None]

_RENDERERS: dict[type, Renderer] = {}


class NoRenderer(DomainError):
    """This console has no printer for a kind of paper (forms not installed)."""


def install(paper_type: type, renderer: Renderer) -> None:
    _RENDERERS[paper_type] = renderer


def installed(paper_type: type) -> bool:
    return any(t in _RENDERERS for t in paper_type.__mro__)


def render(paper: object) -> bytes:
    """The PDF of one print model, by the renderer installed for its type (the most
    specific one: Appendix V's fax before Appendix II's)."""
    for t in type(paper).__mro__:
        renderer = _RENDERERS.get(t)
        if renderer is not None:
            buffer = io.BytesIO()
            renderer(paper, buffer)
            return buffer.getvalue()
    raise NoRenderer(QT_TRANSLATE_NOOP("errors", "This console cannot print {kind}: the "
                                       "forms are not installed."), kind=type(paper).__name__)
