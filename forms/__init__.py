"""Printed forms of the duty room (Decision 888/QĐ-TCHQ), rendered to PDF with reportlab.

`forms.model` is the print model the core fills; `forms.appendix1` prints the
duty log (Appendix I), `forms.handover_report` the shift handover report;
`forms.pdf` holds the page machinery (fonts, national header, styles, footer)
that further appendices reuse. No Qt here: previews and printing live in
`widgets.print_preview`.
"""

from forms.appendix1 import render_duty_log
from forms.handover_report import render_handover
from forms.model import DutyLogPrintout, HandoverPrintout, LogRow, OpenItemLine, Para
from forms.pdf import render_to_bytes

__all__ = [
    "DutyLogPrintout",
    "HandoverPrintout",
    "LogRow",
    "OpenItemLine",
    "Para",
    "render_duty_log",
    "render_handover",
    "render_to_bytes",
]
