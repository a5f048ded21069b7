"""Print preview and printing of finished PDF forms (duty log, handover report, …).

Owns: `PdfPrintPreview`, Qt's print preview dialog (printer choice, page set-up,
print) showing one PDF, and `print_pdf_to`, which paints the pages of a PDF into
any QPrinter. The PDF is built elsewhere (`forms`, on the task runner); here
each page is rasterised with pypdfium2 at the printer's resolution, capped so a
long log neither exhausts memory nor stalls the spooler, and drawn into the
printable area with its proportions kept.
"""

from __future__ import annotations

import logging
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPaintEngine, QPainter
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QWidget

_log = logging.getLogger("customs.ui")

PRINT_MAX_DPI = 300
# The preview keeps every page it draws in memory; screen resolution is plenty.
PREVIEW_MAX_DPI = 150


class PrintError(RuntimeError):
    """The printer could not be opened for painting."""


def _pdf_bytes(pdf: bytes | str | Path) -> bytes:
    return Path(pdf).read_bytes() if isinstance(pdf, str | Path) else bytes(pdf)


def pdf_page_sizes(pdf: bytes | str | Path) -> list[tuple[float, float]]:
    """The (width, height) in points of each page of a PDF."""
    doc = pdfium.PdfDocument(_pdf_bytes(pdf))
    try:
        sizes = []
        for index in range(len(doc)):
            page = doc[index]
            try:
                sizes.append(page.get_size())
            finally:
                page.close()
        return sizes
    finally:
        doc.close()


def prepare_printer(printer: QPrinter, pdf: bytes | str | Path, *, doc_name: str = "") -> None:
    """Set paper size and orientation from the PDF's first page (A4 landscape for
    the duty log) and zero margins: the PDF already carries its own margins, so
    the page prints at its real size (the driver still enforces the printer's
    unprintable border)."""
    sizes = pdf_page_sizes(pdf)
    if sizes:
        width, height = sizes[0]
        size = QPageSize(QSizeF(min(width, height), max(width, height)), QPageSize.Unit.Point)
        printer.setPageSize(size)
        printer.setPageOrientation(
            QPageLayout.Orientation.Landscape if width > height
            else QPageLayout.Orientation.Portrait)
    printer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)
    if doc_name:
        printer.setDocName(doc_name)


def print_pdf_to(printer: QPrinter, pdf: bytes | str | Path, *,
                 max_dpi: int = PRINT_MAX_DPI) -> int:
    """Paint every page of `pdf` into `printer` (one printer page per PDF page) and
    return the number of pages. Each page is rendered at the printer's resolution,
    at most `max_dpi`, and scaled into the printable area keeping its proportions.
    Raises PrintError if the printer cannot be opened."""
    doc = pdfium.PdfDocument(_pdf_bytes(pdf))
    try:
        count = len(doc)
        if count == 0:
            return 0
        painter = QPainter()
        if not painter.begin(printer):
            raise PrintError(f"cannot start printing on {printer.printerName() or 'printer'}")
        try:
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
            for index in range(count):
                if index:
                    printer.newPage()
                page = doc[index]
                try:
                    _paint_page(painter, printer, page, max_dpi)
                finally:
                    page.close()
        finally:
            painter.end()
        return count
    finally:
        doc.close()


def _paint_page(painter: QPainter, printer: QPrinter, page: pdfium.PdfPage,
                max_dpi: int) -> None:
    resolution = printer.resolution()
    paint_rect = printer.pageLayout().paintRectPixels(resolution)
    # The painter's origin is the top-left corner of the printable area.
    area_w, area_h = paint_rect.width(), paint_rect.height()
    page_w, page_h = page.get_size()
    if page_w <= 0 or page_h <= 0 or area_w <= 0 or area_h <= 0:
        return
    fit = min(area_w / page_w, area_h / page_h)  # device pixels per PDF point
    target = QRectF((area_w - page_w * fit) / 2, (area_h - page_h * fit) / 2,
                    page_w * fit, page_h * fit)
    render_scale = fit * min(1.0, max_dpi / max(resolution, 1))
    bitmap = page.render(
        scale=render_scale,
        force_bitmap_format=pdfium_c.FPDFBitmap_BGR,
        rev_byteorder=True,  # RGB byte order, as QImage.Format_RGB888 wants
        may_draw_forms=False,
    )
    try:
        data = bytes(bitmap.buffer)
        image = QImage(data, bitmap.width, bitmap.height, bitmap.stride,
                       QImage.Format.Format_RGB888)
        painter.drawImage(target, image)
        del image  # it borrows `data`; drop it before the bytes go
    finally:
        bitmap.close()


class PdfPrintPreview(QPrintPreviewDialog):
    """Qt's print preview dialog for one PDF: the officer picks the printer, sets
    up the page, previews and prints. Deletes itself when closed.

        PdfPrintPreview(pdf_bytes, self, title="Nhật ký trực ban").open()  # or .exec()

    Give it a parent (or keep a reference) when opening it non-modally. The
    pages are rasterised on the GUI thread when Qt asks for them (Qt's preview
    and print jobs paint synchronously); build the PDF itself on the task runner.
    """

    def __init__(self, pdf: bytes | str | Path, parent: QWidget | None = None, *,
                 title: str = "", printer: QPrinter | None = None) -> None:
        printer = printer or QPrinter(QPrinter.PrinterMode.HighResolution)
        super().__init__(printer, parent)
        self._printer = printer  # the dialog only points at it: keep it alive
        self._pdf = _pdf_bytes(pdf)
        prepare_printer(self._printer, self._pdf, doc_name=title)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        if title:
            self.setWindowTitle(title)
        self.paintRequested.connect(self._on_paint_requested)

    @property
    def pdf(self) -> bytes:
        return self._pdf

    def _on_paint_requested(self, printer: QPrinter) -> None:
        pages = print_pdf_to(printer, self._pdf, max_dpi=_max_dpi_for(printer))
        _log.debug("painted %d page(s) of %r", pages, self.windowTitle())


def _max_dpi_for(printer: QPrinter) -> int:
    """The same signal serves the preview and the print job. The preview records
    its pages in a picture (QPreviewPaintEngine) and keeps them all in memory, so
    it gets screen-quality pages; the real job gets print quality."""
    engine = printer.paintEngine()
    previewing = engine is not None and engine.type() == QPaintEngine.Type.Picture
    return PREVIEW_MAX_DPI if previewing else PRINT_MAX_DPI
