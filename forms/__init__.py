"""Printed forms of the duty room (Decision 888/QĐ-TCHQ), rendered to PDF with reportlab.

The print models are the core's (`app.documents.papers`: plain dataclasses, every
value ready to print); the forms only lay them out. `forms.appendix1` prints the
duty log (Appendix I), `forms.handover_report` the shift handover report,
`forms.appendix2`…`appendix5` the workflow's documents; `forms.pdf` holds the page
machinery (fonts, national header, styles, footer). `install()` hands the core
one renderer per print model (`app.documents.rendering`); importing this package
loads neither reportlab nor Qt (each renderer imports its module when first used).
Previews and printing live in `widgets.print_preview`.
"""

from __future__ import annotations

import importlib
from typing import Any, BinaryIO

from app.documents import papers, rendering

# print model -> (module, function) that prints it
RENDERERS: dict[type, tuple[str, str]] = {
    papers.DutyLogPrintout: ("forms.appendix1", "render_duty_log"),
    papers.HandoverPrintout: ("forms.handover_report", "render_handover"),
    papers.UrgentFax: ("forms.appendix2", "render_appendix2"),
    papers.Proposal: ("forms.appendix3", "render_appendix3"),
    papers.ResultReport: ("forms.appendix4", "render_appendix4"),
    papers.SurveillanceFax: ("forms.appendix5", "render_appendix5"),
}


def _lazy(module: str, name: str) -> rendering.Renderer:
    def render(paper: Any, target: BinaryIO) -> None:
        getattr(importlib.import_module(module), name)(paper, target)
    return render


def install() -> None:
    """Gives the core its printers (idempotent)."""
    for paper_type, (module, name) in RENDERERS.items():
        rendering.install(paper_type, _lazy(module, name))
