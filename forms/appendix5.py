"""Appendix V of Decision 888/QĐ-TCHQ: the urgent fax by which the Anti-Smuggling
Department asks a unit to coordinate focused online surveillance under a plan
(Art. 16 §4 b), A4 portrait. Laid out like Appendix II, whose pieces it reuses."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import BinaryIO

from app.documents.papers import SurveillanceFax, UrgentFax
from forms.appendix2 import fax_story, fax_time, portrait_setup
from forms.pdf import build_pdf, clean, write_pdf

DEFAULT_SUBJECT = "phối hợp thực hiện giám sát trực tuyến"
DEFAULT_BASIS = (
    "Thực hiện quy chế thực hiện giám sát trực tuyến của Tổng cục Hải quan ban hành tại "
    "quyết định số 888/QĐ-TCHQ ngày 17/03/2017 của Tổng cục trưởng Tổng cục Hải quan. "
    "Cục Điều tra chống buôn lậu yêu cầu đơn vị phối hợp thực hiện nội dung sau:"
)
DEFAULT_AGENCY = ["TỔNG CỤC HẢI QUAN", "CỤC ĐIỀU TRA\nCHỐNG BUÔN LẬU"]


def render_appendix5(fax: SurveillanceFax | UrgentFax, target: Path | str | BinaryIO) -> None:
    """Print the Anti-Smuggling Department's surveillance fax (Appendix V) to a path
    or a binary stream. Blank subject, basis and agency take the template's."""
    number = clean(fax.fax_number).strip()
    subject = clean(fax.subject).strip() or DEFAULT_SUBJECT
    setup = portrait_setup(f"Điện fax {number} – {subject}",
                           "Phụ lục V – Quyết định 888/QĐ-TCHQ", fax.signer_name,
                           f"Điện fax số {number} – {fax_time(fax.sent_at)}")
    shown = _with_defaults(fax, subject)
    story = fax_story(shown, setup.content_width, appendix=5,
                      plan=getattr(fax, "plan", ""))
    write_pdf(build_pdf(story, setup), target)


def _with_defaults(fax: UrgentFax, subject: str) -> UrgentFax:
    return replace(
        fax,
        subject=subject,
        basis=clean(fax.basis).strip() or DEFAULT_BASIS,
        agency_lines=[a for a in fax.agency_lines if clean(a).strip()] or DEFAULT_AGENCY,
    )
