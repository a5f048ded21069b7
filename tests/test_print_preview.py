"""Printing a finished PDF through Qt: every page reaches the printer, the paper
follows the form's orientation, and the preview dialog paints, closes and goes."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
import shiboken6
from pypdf import PdfReader
from PySide6.QtGui import QPageLayout
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewWidget
from PySide6.QtWidgets import QApplication, QWidget

from app.documents.papers import Para
from forms.appendix1 import render_duty_log
from forms.handover_report import render_handover
from forms.pdf import render_to_bytes
from tests.test_forms_pdf import duty_log, handover, log_rows
from widgets import print_preview
from widgets.print_preview import (
    PREVIEW_MAX_DPI,
    PRINT_MAX_DPI,
    PdfPrintPreview,
    _max_dpi_for,
    prepare_printer,
    print_pdf_to,
)


@pytest.fixture(scope="module")
def log_pdf() -> bytes:
    """A duty log of a few pages (one row longer than a page)."""
    rows = log_rows()
    rows[0].result = [Para("Đối chiếu hình ảnh camera với tờ khai. " * 120)]
    data = render_to_bytes(render_duty_log, duty_log(rows))
    assert page_count(data) > 1
    return data


def page_count(data: bytes) -> int:
    return len(PdfReader(io.BytesIO(data)).pages)


def pdf_printer(path: Path, mode=QPrinter.PrinterMode.ScreenResolution) -> QPrinter:
    printer = QPrinter(mode)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def visible_windows() -> list[QWidget]:
    return [w for w in QApplication.topLevelWidgets() if w.isVisible()]


def test_print_pdf_to_prints_every_page_in_landscape(qtbot, log_pdf, tmp_path):
    out = tmp_path / "printed.pdf"
    printer = pdf_printer(out)
    prepare_printer(printer, log_pdf, doc_name="Nhật ký trực ban")
    assert printer.pageLayout().orientation() == QPageLayout.Orientation.Landscape

    pages = print_pdf_to(printer, log_pdf)

    source_pages = page_count(log_pdf)
    assert pages == source_pages
    assert out.read_bytes().startswith(b"%PDF")
    printed = PdfReader(out)
    assert len(printed.pages) == source_pages
    box = printed.pages[0].mediabox
    assert float(box.width) > float(box.height)


def test_print_pdf_to_accepts_a_path_and_keeps_portrait(qtbot, tmp_path):
    source = tmp_path / "ban-giao.pdf"
    render_handover(handover(), source)
    out = tmp_path / "printed.pdf"
    printer = pdf_printer(out)
    prepare_printer(printer, source)
    assert printer.pageLayout().orientation() == QPageLayout.Orientation.Portrait

    assert print_pdf_to(printer, source) == 1

    box = PdfReader(out).pages[0].mediabox
    assert float(box.width) < float(box.height)


def test_preview_dialog_paints_through_its_handler_then_goes(qtbot, log_pdf, tmp_path,
                                                             monkeypatch):
    parent = QWidget()
    qtbot.addWidget(parent)
    dialog = PdfPrintPreview(log_pdf, parent, title="Nhật ký trực ban")
    assert dialog.windowTitle() == "Nhật ký trực ban"
    assert dialog.pdf == log_pdf

    out = tmp_path / "from-dialog.pdf"
    dialog.paintRequested.emit(pdf_printer(out))
    assert len(PdfReader(out).pages) == page_count(log_pdf)

    # The preview itself: the dialog's preview widget asks the same handler for
    # pages, which it keeps in memory, so they come at screen quality.
    resolutions: list[int] = []

    def spy(printer, pdf, *, max_dpi):
        resolutions.append(max_dpi)
        return print_pdf_to(printer, pdf, max_dpi=max_dpi)

    monkeypatch.setattr(print_preview, "print_pdf_to", spy)
    preview = dialog.findChild(QPrintPreviewWidget)
    assert preview is not None
    preview.updatePreview()
    assert preview.pageCount() == page_count(log_pdf)
    assert resolutions == [PREVIEW_MAX_DPI]

    dialog.close()
    dialog.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog))
    assert visible_windows() == []
    assert all(type(w) is not PdfPrintPreview for w in QApplication.topLevelWidgets())


def test_print_jobs_get_print_resolution(qtbot, tmp_path):
    printer = pdf_printer(tmp_path / "x.pdf", QPrinter.PrinterMode.HighResolution)
    assert _max_dpi_for(printer) == PRINT_MAX_DPI
    assert PREVIEW_MAX_DPI < PRINT_MAX_DPI
