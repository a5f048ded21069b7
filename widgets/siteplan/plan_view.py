"""The site plan view (issue 5 item 6): a site's plan image with its scale bar, the
camera icons (fixed, PTZ, recognition, mobile) with their codes and stream states,
and their fields of view drawn from the calibration and the current PTZ position.

Mouse: click a camera → `cameraActivated(code)` (the wall opens it) and its
neighbours are highlighted (`neighboursFound(codes)`); click a point → the cameras
that can see it are highlighted (`neighboursFound`); Ctrl-click a point →
`aimRequested([(code, pan, zoom), …])` for the calibrated PTZ cameras that can see
it (the caller sends the moves, then reports positions back with `set_position`).
Wheel zooms around the cursor, dragging pans, `fit_to_window()` (also Home or F)
shows the whole plan. The geometry is `video/site_geometry.py`; nothing here
touches the network."""

from __future__ import annotations

import logging
import math
from collections.abc import Iterable
from dataclasses import replace

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QPoint,
    QPointF,
    QRectF,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPen,
    QPixmap,
    QPolygonF,
    QRadialGradient,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QGraphicsItem,
    QGraphicsLineItem,
    QGraphicsPathItem,
    QGraphicsPixmapItem,
    QGraphicsScene,
    QGraphicsView,
    QStyleOptionGraphicsItem,
    QWidget,
)

from video import site_geometry as geo
from video.site_geometry import PlanCamera, Point, SitePlan
from video.stream import State
from widgets import theme

log = logging.getLogger("customs.video")
_CTX = "SitePlanView"

KIND_TEXTS = {
    "fixed": QT_TRANSLATE_NOOP("SitePlanView", "Fixed camera"),
    "ptz": QT_TRANSLATE_NOOP("SitePlanView", "PTZ camera"),
    "recognition": QT_TRANSLATE_NOOP("SitePlanView", "Recognition camera"),
    "mobile": QT_TRANSLATE_NOOP("SitePlanView", "Mobile camera"),
}
_STATE_TEXTS = {
    None: QT_TRANSLATE_NOOP("SitePlanView", "state unknown"),
    State.LIVE: QT_TRANSLATE_NOOP("SitePlanView", "live"),
    State.CONNECTING: QT_TRANSLATE_NOOP("SitePlanView", "connecting"),
    State.STALLED: QT_TRANSLATE_NOOP("SitePlanView", "stalled"),
    State.RECONNECTING: QT_TRANSLATE_NOOP("SitePlanView", "reconnecting"),
    State.OFFLINE: QT_TRANSLATE_NOOP("SitePlanView", "offline"),
    State.AUTH_FAILED: QT_TRANSLATE_NOOP("SitePlanView", "login refused"),
    State.CODEC_UNSUPPORTED: QT_TRANSLATE_NOOP("SitePlanView", "codec not supported"),
}
_DOWN = frozenset({State.OFFLINE, State.AUTH_FAILED, State.CODEC_UNSUPPORTED})
_UNKNOWN = "#6e7f91"
AIM_COLOUR = "#d2a8ff"        # where Ctrl-click asks the PTZ cameras to look

# z order
_Z_REACH, _Z_SECTOR, _Z_LINES, _Z_MARK, _Z_ICON = 1, 2, 3, 4, 5
ICON_SIZE = 22.0              # px on screen, whatever the zoom
MIN_SCALE, MAX_SCALE = 0.05, 12.0


def icon_colour(state: str | None) -> QColor:
    """The icon's fill: green live, red down, amber on the way, grey unknown."""
    if state is None:
        return QColor(_UNKNOWN)
    st = State(state)
    if st == State.LIVE:
        return QColor(theme.OK)
    return QColor(theme.ALARM if st in _DOWN else theme.WARN)


def sector_colour(state: str | None) -> QColor:
    """The field of view's colour: blue live, red down (an unwatched area), amber on
    the way, grey when the state is not known yet."""
    if state is None:
        return QColor("#8fa3b8")
    st = State(state)
    if st == State.LIVE:
        return QColor(theme.ACCENT)
    return QColor(theme.ALARM if st in _DOWN else theme.WARN)


def kind_text(kind: str) -> str:
    return QCoreApplication.translate(_CTX, KIND_TEXTS.get(kind, KIND_TEXTS["fixed"]))


def state_label(state: str | None) -> str:
    key = State(state) if state is not None else None
    return QCoreApplication.translate(_CTX, _STATE_TEXTS[key])


def paint_symbol(p: QPainter, kind: str, fill: QColor, size: float) -> None:
    """One camera symbol centred on (0, 0): a box for fixed, a dome for PTZ, a box
    with a plate bar for recognition, a vehicle for mobile cameras."""
    s = size / 2
    p.setPen(QPen(QColor("#0d1117"), 1.6))
    p.setBrush(fill)
    if kind == "ptz":
        p.drawEllipse(QPointF(0, 0), s, s)
        p.setBrush(QColor("#0d1117"))
        p.drawEllipse(QPointF(0, 0), s * 0.42, s * 0.42)
        p.setPen(QPen(QColor("#0d1117"), 1.4))
        for a in (0, 90, 180, 270):   # the pan/tilt arrows
            r = math.radians(a)
            tip = QPointF(math.sin(r) * s * 0.92, -math.cos(r) * s * 0.92)
            p.drawLine(QPointF(math.sin(r) * s * 0.62, -math.cos(r) * s * 0.62), tip)
    elif kind == "recognition":
        p.drawRoundedRect(QRectF(-s, -s * 0.75, 2 * s, 1.5 * s), 3, 3)
        p.setBrush(QColor("#f0f6fc"))
        p.drawRect(QRectF(-s * 0.7, -s * 0.28, 1.4 * s, 0.56 * s))   # a number plate
        p.setPen(QPen(QColor("#0d1117"), 1.2))
        p.drawLine(QPointF(-s * 0.45, 0), QPointF(s * 0.45, 0))
    elif kind == "mobile":
        body = QPolygonF([QPointF(-s, s * 0.55), QPointF(-s, -s * 0.25),
                          QPointF(-s * 0.35, -s * 0.25), QPointF(-s * 0.1, -s * 0.75),
                          QPointF(s * 0.75, -s * 0.75), QPointF(s, -s * 0.2),
                          QPointF(s, s * 0.55)])
        p.drawPolygon(body)
        p.setBrush(QColor("#0d1117"))
        for x in (-s * 0.55, s * 0.55):
            p.drawEllipse(QPointF(x, s * 0.6), s * 0.26, s * 0.26)
    else:
        p.drawRoundedRect(QRectF(-s, -s * 0.6, s * 1.45, s * 1.2), 2, 2)
        lens = QPolygonF([QPointF(s * 0.45, -s * 0.35), QPointF(s, -s * 0.6),
                          QPointF(s, s * 0.6), QPointF(s * 0.45, s * 0.35)])
        p.drawPolygon(lens)


class CameraIcon(QGraphicsItem):
    """A camera on the plan: its symbol in its state's colour and its code below;
    a ring when selected (white) or a neighbour (amber). Drawn at a constant size."""

    def __init__(self, camera: PlanCamera) -> None:
        super().__init__()
        self.camera = camera
        self.state: str | None = None
        self.selected = False
        self.neighbour = False
        self.label_shown = True   # the view hides labels that would overlap (zoom in)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations, True)
        self.setZValue(_Z_ICON)
        self.setAcceptHoverEvents(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self._font = QFont()
        self._font.setPixelSize(11)
        self._font.setBold(True)
        w = QFontMetricsF(self._font).horizontalAdvance(camera.code) + 8
        self._label = QRectF(-w / 2, ICON_SIZE / 2 + 3, w, 15)
        self._below = QRectF(self._label)
        self._update_tip()

    @property
    def code(self) -> str:
        return self.camera.code

    def boundingRect(self) -> QRectF:  # noqa: N802
        r = ICON_SIZE / 2 + 5
        return QRectF(-r, -r, 2 * r, 2 * r).united(self._label).adjusted(-2, -2, 2, 2)

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        r = ICON_SIZE / 2 + 3
        path.addEllipse(QPointF(0, 0), r, r)
        if self._shows_label():
            path.addRect(self._label)
        return path

    def _shows_label(self) -> bool:
        return self.label_shown or self.selected or self.neighbour

    def symbol_rect(self) -> QRectF:
        r = ICON_SIZE / 2 + 3
        return QRectF(-r, -r, 2 * r, 2 * r)

    def label_rect(self) -> QRectF:
        return QRectF(self._label)

    def label_places(self) -> list[QRectF]:
        """Where the code may stand, best first: below, above, right, left."""
        b = self._below
        r = ICON_SIZE / 2 + 3
        return [QRectF(b), b.translated(0, -(2 * b.top() + b.height())),
                QRectF(r + 2, -b.height() / 2, b.width(), b.height()),
                QRectF(-r - 2 - b.width(), -b.height() / 2, b.width(), b.height())]

    def set_label(self, place: QRectF | None) -> None:
        """The label at `place` (one of `label_places`), or hidden for None."""
        shown = place is not None
        if shown != self.label_shown or (place is not None and place != self._label):
            self.prepareGeometryChange()
            self.label_shown = shown
            self._label = QRectF(place) if place is not None else QRectF(self._below)
            self.update()

    def set_state(self, state: str | None) -> None:
        self.state = state
        self._update_tip()
        self.update()

    def set_marks(self, selected: bool, neighbour: bool) -> None:
        if (selected, neighbour) != (self.selected, self.neighbour):
            self.selected, self.neighbour = selected, neighbour
            self.update()

    def _update_tip(self) -> None:
        cam = self.camera
        self.setToolTip(f"{cam.code} · {cam.name}\n{kind_text(cam.kind)} · "
                        f"{state_label(self.state)}")

    def paint(self, p: QPainter, _option: QStyleOptionGraphicsItem,  # noqa: D102
              _widget: QWidget | None = None) -> None:
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        r = ICON_SIZE / 2 + 3.5
        if self.selected or self.neighbour:
            p.setPen(QPen(QColor("#ffffff" if self.selected else "#f0b429"), 3))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawEllipse(QPointF(0, 0), r, r)
        else:   # a dark halo keeps the symbol readable on any background
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(QColor(13, 17, 23, 150))
            p.drawEllipse(QPointF(0, 0), r, r)
        p.save()
        if self.camera.kind in ("fixed", "recognition"):   # the lens along the heading
            p.rotate(geo.pan_to_bearing(self.camera) - 90.0)
        paint_symbol(p, self.camera.kind, icon_colour(self.state), ICON_SIZE)
        p.restore()
        if not self._shows_label():
            return   # its code is in the tooltip; zooming in brings the label back
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(13, 17, 23, 210))
        p.drawRoundedRect(self._label, 3, 3)
        p.setFont(self._font)
        p.setPen(QColor("#ffffff" if self.selected else "#f0b429" if self.neighbour
                        else "#e6edf3"))
        p.drawText(self._label, Qt.AlignmentFlag.AlignCenter, self.camera.code)


class _Marker(QGraphicsItem):
    """The picked point: a cross-hair (a target when aiming)."""

    def __init__(self, aiming: bool) -> None:
        super().__init__()
        self.aiming = aiming
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations, True)
        self.setZValue(_Z_MARK)

    def boundingRect(self) -> QRectF:  # noqa: N802
        return QRectF(-16, -16, 32, 32)

    def paint(self, p: QPainter, _option: QStyleOptionGraphicsItem,
              _widget: QWidget | None = None) -> None:
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        colour = QColor(AIM_COLOUR if self.aiming else "#ffffff")
        for width, c in ((5, QColor(13, 17, 23, 200)), (2, colour)):
            p.setPen(QPen(c, width))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawEllipse(QPointF(0, 0), 9, 9)
            p.drawLine(QPointF(-15, 0), QPointF(-4, 0))
            p.drawLine(QPointF(4, 0), QPointF(15, 0))
            p.drawLine(QPointF(0, -15), QPointF(0, -4))
            p.drawLine(QPointF(0, 4), QPointF(0, 15))


def nice_length(max_m: float) -> float:
    """The largest 1-2-5 × 10ⁿ length not above `max_m` (the scale bar's)."""
    if max_m <= 0:
        return 0.0
    exp = math.floor(math.log10(max_m))
    for m in (5, 2, 1):
        if m * 10 ** exp <= max_m:
            return m * 10 ** exp
    return 10 ** exp  # pragma: no cover


class SitePlanView(QGraphicsView):
    """See the module doc."""

    cameraActivated = Signal(str)        # camera code
    neighboursFound = Signal(list)       # camera codes, best first
    aimRequested = Signal(list)          # [(code, pan, zoom)], generic ONVIF spaces
    pointPicked = Signal(float, float)   # plan metres (x east, y north)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.setRenderHints(QPainter.RenderHint.Antialiasing
                            | QPainter.RenderHint.SmoothPixmapTransform)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.FullViewportUpdate)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setBackgroundBrush(QColor("#0d1117"))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.plan: SitePlan | None = None
        self.cameras: dict[str, PlanCamera] = {}
        self.states: dict[str, str] = {}
        self.selected: str | None = None
        self.highlighted: list[str] = []
        self.picked: Point | None = None
        #: the width (m) Ctrl-click aims frame at the point's distance
        self.aim_width_m = 15.0
        #: the legend of symbols and colours (drawn only when the view is large enough)
        self.show_legend = True
        self._icons: dict[str, CameraIcon] = {}
        self._sectors: dict[str, QGraphicsPathItem] = {}
        self._reaches: dict[str, QGraphicsPathItem] = {}
        self._overlay: list[QGraphicsItem] = []
        self._background: QGraphicsItem | None = None
        self._press: QPoint | None = None
        self._dragging = False
        self._fitted = True

    # -- content -------------------------------------------------------------------------
    def set_plan(self, plan: SitePlan, cameras: Iterable[PlanCamera]) -> None:
        """Shows `plan` with `cameras` (replacing what was shown); states are kept
        by code."""
        scene = self.scene()
        scene.clear()
        self._icons.clear()
        self._sectors.clear()
        self._reaches.clear()
        self._overlay.clear()
        self.selected, self.highlighted, self.picked = None, [], None
        self.plan = plan
        self.cameras = {c.code: c for c in cameras}
        pixmap = QPixmap(str(plan.image))
        if pixmap.isNull():
            log.warning("site plan image %s cannot be read", plan.image)
            xs = [plan.to_pixel(c.position) for c in self.cameras.values()] or [(0.0, 0.0)]
            rect = QRectF(min(x for x, _ in xs) - 200, min(y for _, y in xs) - 200,
                          max(x for x, _ in xs) - min(x for x, _ in xs) + 400,
                          max(y for _, y in xs) - min(y for _, y in xs) + 400)
            self._background = scene.addRect(rect, QPen(QColor(theme.MUTED)),
                                             QBrush(QColor("#161b22")))
            text = scene.addSimpleText(QCoreApplication.translate(
                "SitePlanView", "The plan image {file} cannot be read.").format(
                    file=plan.image.name))
            text.setBrush(QColor(theme.WARN))
            text.setPos(rect.topLeft() + QPointF(10, 10))
        else:
            self._background = QGraphicsPixmapItem(pixmap)
            self._background.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
            self._background.setZValue(0)
            scene.addItem(self._background)
        bounds = self._background.sceneBoundingRect()
        margin = max(bounds.width(), bounds.height()) * 0.25
        scene.setSceneRect(bounds.adjusted(-margin, -margin, margin, margin))
        for cam in self.cameras.values():
            icon = CameraIcon(cam)
            icon.setPos(QPointF(*plan.to_pixel(cam.position)))
            icon.set_state(self.states.get(cam.code))
            scene.addItem(icon)
            self._icons[cam.code] = icon
            if cam.pans:
                reach = QGraphicsPathItem()
                reach.setZValue(_Z_REACH)
                reach.setPen(QPen(QColor(255, 255, 255, 70), 0, Qt.PenStyle.DashLine))
                reach.setBrush(Qt.BrushStyle.NoBrush)
                reach.setPath(self._path(geo.reach_polygon(cam), closed=True))
                scene.addItem(reach)
                self._reaches[cam.code] = reach
            sector = QGraphicsPathItem()
            sector.setZValue(_Z_SECTOR)
            scene.addItem(sector)
            self._sectors[cam.code] = sector
            self._draw_sector(cam.code)
        self.fit_to_window()

    def set_position(self, code: str, pan: float | None, tilt: float | None,
                     zoom: float | None) -> None:
        """A PTZ status read-back (generic spaces; None where the camera reports
        none): that camera's field of view is redrawn."""
        cam = self.cameras.get(code)
        if cam is None:
            return
        self.cameras[code] = cam.moved(pan, tilt, zoom)
        self._icons[code].camera = self.cameras[code]
        self._draw_sector(code)

    def set_location(self, code: str, x_m: float, y_m: float,
                     heading_deg: float | None = None) -> None:
        """A camera moved on the plan (a mobile camera's reported place): its icon,
        field of view and reach follow."""
        cam = self.cameras.get(code)
        if cam is None or self.plan is None:
            return
        heading = cam.heading_at_pan0_deg if heading_deg is None else geo.normalize(heading_deg)
        self.cameras[code] = replace(cam, x_m=x_m, y_m=y_m, heading_at_pan0_deg=heading)
        icon = self._icons[code]
        icon.camera = self.cameras[code]
        icon.setPos(QPointF(*self.plan.to_pixel((x_m, y_m))))
        icon.update()
        reach = self._reaches.get(code)
        if reach is not None:
            reach.setPath(self._path(geo.reach_polygon(self.cameras[code]), closed=True))
        self._draw_sector(code)

    def set_state(self, code: str, state: str) -> None:
        """A stream state (video.stream.State values: live, offline, …)."""
        self.states[code] = state
        icon = self._icons.get(code)
        if icon is not None:
            icon.set_state(state)
            self._draw_sector(code)

    # -- selection, neighbours, aiming ----------------------------------------------------
    def select_camera(self, code: str | None) -> list[str]:
        """Selects a camera and highlights its neighbours (emitted, best first)."""
        self._clear_overlay()
        self.picked = None
        if code not in self.cameras:
            self.selected, self.highlighted = None, []
            self._refresh_marks()
            return []
        self.selected = code
        self.highlighted = [n.code for n in geo.neighbours_of_camera(
            self.cameras.values(), code)]
        self._refresh_marks()
        self.neighboursFound.emit(list(self.highlighted))
        return list(self.highlighted)

    def pick_point(self, point: Point) -> list[str]:
        """Marks a plan point (metres) and highlights the cameras that see it."""
        self._mark(point, aiming=False)
        self.selected = None
        self.highlighted = [n.code for n in geo.neighbours_of_point(
            self.cameras.values(), point)]
        self._refresh_marks()
        for code in self.highlighted:
            self._line_to(code, point, QColor(255, 255, 255, 120))
        self.pointPicked.emit(point[0], point[1])
        self.neighboursFound.emit(list(self.highlighted))
        return list(self.highlighted)

    def aim_at(self, point: Point) -> list[tuple[str, float, float]]:
        """The calibrated PTZ cameras that can see `point` (metres), with the pan and
        zoom that frame `aim_width_m` there; emitted as `aimRequested`."""
        self._mark(point, aiming=True)
        aims = geo.aims(self.cameras.values(), point, self.aim_width_m)
        self.selected = None
        self.highlighted = [a.code for a in aims]
        self._refresh_marks()
        for a in aims:
            self._line_to(a.code, point, QColor(AIM_COLOUR))
            self._preview(a.code, a.pan, a.zoom)
        moves = [(a.code, a.pan, a.zoom) for a in aims]
        self.pointPicked.emit(point[0], point[1])
        self.aimRequested.emit(moves)
        return moves

    def clear_selection(self) -> None:
        self._clear_overlay()
        self.selected, self.highlighted, self.picked = None, [], None
        self._refresh_marks()

    # -- zoom and pan ------------------------------------------------------------------------
    def fit_to_window(self) -> None:
        if self._background is None:
            return
        self.fitInView(self._background.sceneBoundingRect(), Qt.AspectRatioMode.KeepAspectRatio)
        self._fitted = True
        self.declutter()
        self.viewport().update()

    def declutter(self) -> None:
        """No label over another camera or its label at this zoom: labels are placed
        in camera-code order and one that would overlap is left out (the camera
        keeps its symbol and tooltip; the selected camera's label always shows)."""
        placed: list[QRectF] = []
        icons = sorted(self._icons.values(),
                       key=lambda i: (not i.selected, i.code))
        symbols = []
        for icon in icons:
            at = self.mapFromScene(icon.pos())
            symbols.append(icon.symbol_rect().translated(at.x(), at.y()))
        for icon in icons:
            at = self.mapFromScene(icon.pos())
            mine = icon.symbol_rect().translated(at.x(), at.y())
            chosen = None
            for place in icon.label_places():
                label = place.translated(at.x(), at.y())
                if not any(label.intersects(r) for r in placed) and not any(
                        label.intersects(s) for s in symbols if s != mine):
                    chosen = place
                    placed.append(label)
                    break
            icon.set_label(chosen)

    def set_legend_visible(self, visible: bool) -> None:
        self.show_legend = visible
        self.viewport().update()

    def zoom_by(self, factor: float) -> None:
        scale = self.transform().m11()
        factor = max(MIN_SCALE / scale, min(MAX_SCALE / scale, factor))
        self.scale(factor, factor)
        self._fitted = False
        self.declutter()
        self.viewport().update()

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802
        steps = event.angleDelta().y() / 120.0
        if steps:
            self.zoom_by(1.25 ** steps)
        event.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key = event.key()
        if key in (Qt.Key.Key_Home, Qt.Key.Key_F):
            self.fit_to_window()
        elif key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_by(1.25)
        elif key == Qt.Key.Key_Minus:
            self.zoom_by(0.8)
        elif key == Qt.Key.Key_Escape:
            self.clear_selection()
        elif key == Qt.Key.Key_L:
            self.set_legend_visible(not self.show_legend)
        else:
            super().keyPressEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        if self._fitted:
            self.fit_to_window()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            self._press = event.position().toPoint()
            self._dragging = False
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self._press is not None and event.buttons() & Qt.MouseButton.LeftButton:
            pos = event.position().toPoint()
            delta = pos - self._press
            if not self._dragging and delta.manhattanLength() >= \
                    QApplication.startDragDistance():
                self._dragging = True
                self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            if self._dragging:
                self.horizontalScrollBar().setValue(self.horizontalScrollBar().value()
                                                    - delta.x())
                self.verticalScrollBar().setValue(self.verticalScrollBar().value() - delta.y())
                self._press = pos
                self._fitted = False
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() != Qt.MouseButton.LeftButton or self._press is None:
            super().mouseReleaseEvent(event)
            return
        dragged, self._press, self._dragging = self._dragging, None, False
        self.viewport().unsetCursor()
        event.accept()
        if dragged or self.plan is None:
            return
        pos = event.position().toPoint()
        ctrl = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        icon = self.camera_at(pos)
        if icon is not None and not ctrl:
            self.select_camera(icon)
            self.cameraActivated.emit(icon)
            return
        scene = self.mapToScene(pos)
        point = self.plan.to_metres((scene.x(), scene.y()))
        if ctrl:
            self.aim_at(point)
        else:
            self.pick_point(point)

    # -- queries (also for tests) ----------------------------------------------------------
    def camera_at(self, pos: QPoint) -> str | None:
        """The code of the camera icon under a viewport position."""
        for item in self.items(pos):
            if isinstance(item, CameraIcon):
                return item.code
        return None

    def view_pos(self, code: str) -> QPoint:
        """Where a camera's icon is in the viewport."""
        return self.mapFromScene(self._icons[code].pos())

    def view_pos_of_point(self, point: Point) -> QPoint:
        return self.mapFromScene(QPointF(*self.plan.to_pixel(point)))  # type: ignore[union-attr]

    def icon(self, code: str) -> CameraIcon:
        return self._icons[code]

    def sector_path(self, code: str) -> QPainterPath:
        """The drawn field of view of a camera (scene pixels)."""
        return self._sectors[code].path()

    def metres_per_view_pixel(self) -> float:
        if self.plan is None:
            return 0.0
        return self.plan.metres_per_pixel / self.transform().m11()

    # -- drawing ---------------------------------------------------------------------------
    def _path(self, pts: list[Point], closed: bool) -> QPainterPath:
        assert self.plan is not None
        poly = QPolygonF([QPointF(*self.plan.to_pixel(p)) for p in pts])
        path = QPainterPath()
        path.addPolygon(poly)
        if closed:
            path.closeSubpath()
        return path

    def _draw_sector(self, code: str) -> None:
        item = self._sectors.get(code)
        if item is None or self.plan is None:
            return
        cam = self.cameras[code]
        item.setPath(self._path(geo.fov_polygon(cam), closed=True))
        colour = sector_colour(self.states.get(code))
        centre = QPointF(*self.plan.to_pixel(cam.position))
        grad = QRadialGradient(centre, cam.range_m / self.plan.metres_per_pixel)
        strong = self.selected == code or code in self.highlighted
        dim = (self.selected is not None or self.picked is not None) and not strong
        a0, a1 = (150, 45) if strong else (25, 6) if dim else (95, 18)
        for stop, alpha in ((0.0, a0), (1.0, a1)):
            c = QColor(colour)
            c.setAlpha(alpha)
            grad.setColorAt(stop, c)
        item.setBrush(QBrush(grad))
        edge = QColor(colour)
        edge.setAlpha(230 if strong else 60 if dim else 150)
        unknown = cam.kind == "ptz" and cam.pan is None
        pen = QPen(edge, 2.5 if strong else 1.2)
        pen.setCosmetic(True)
        if unknown or (self.states.get(code) and State(self.states[code]) in _DOWN):
            pen.setStyle(Qt.PenStyle.DashLine)
        item.setPen(pen)
        reach = self._reaches.get(code)
        if reach is not None:   # what it could cover: only when it matters
            reach.setVisible(strong)

    def _refresh_marks(self) -> None:
        hl = set(self.highlighted)
        for code, icon in self._icons.items():
            icon.set_marks(code == self.selected, code in hl)
        for code in self._sectors:
            self._draw_sector(code)

    def _clear_overlay(self) -> None:
        for item in self._overlay:
            self.scene().removeItem(item)
        self._overlay.clear()

    def _mark(self, point: Point, aiming: bool) -> None:
        assert self.plan is not None
        self._clear_overlay()
        self.picked = point
        marker = _Marker(aiming)
        marker.setPos(QPointF(*self.plan.to_pixel(point)))
        self.scene().addItem(marker)
        self._overlay.append(marker)

    def _preview(self, code: str, pan: float, zoom: float) -> None:
        """Where an aimed camera will look (dashed), until its position comes back."""
        item = QGraphicsPathItem(self._path(geo.fov_polygon(self.cameras[code], pan, zoom),
                                            closed=True))
        pen = QPen(QColor(AIM_COLOUR), 1.8, Qt.PenStyle.DashLine)
        pen.setCosmetic(True)
        item.setPen(pen)
        fill = QColor(AIM_COLOUR)
        fill.setAlpha(40)
        item.setBrush(fill)
        item.setZValue(_Z_LINES)
        self.scene().addItem(item)
        self._overlay.append(item)

    def _line_to(self, code: str, point: Point, colour: QColor) -> None:
        assert self.plan is not None
        a = self.plan.to_pixel(self.cameras[code].position)
        b = self.plan.to_pixel(point)
        line = QGraphicsLineItem(a[0], a[1], b[0], b[1])
        pen = QPen(colour, 1.5, Qt.PenStyle.DashLine)
        pen.setCosmetic(True)
        line.setPen(pen)
        line.setZValue(_Z_LINES)
        self.scene().addItem(line)
        self._overlay.append(line)

    def drawForeground(self, painter: QPainter, _rect: QRectF) -> None:  # noqa: N802
        if self.plan is None:
            return
        painter.save()
        painter.resetTransform()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        self._draw_scale_bar(painter)
        self._draw_legend(painter)
        painter.restore()

    def _draw_scale_bar(self, p: QPainter) -> None:
        mpp = self.metres_per_view_pixel()
        if mpp <= 0:
            return
        length_m = nice_length(160 * mpp)
        px = length_m / mpp
        x0, y0 = 14.0, self.viewport().height() - 22.0
        font = QFont()
        font.setPixelSize(12)
        p.setFont(font)
        label = QCoreApplication.translate("SitePlanView", "{length} m").format(
            length=f"{length_m:g}")
        box = QRectF(x0 - 8, y0 - 24, px + 16 + 60, 38)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(13, 17, 23, 200))
        p.drawRoundedRect(box, 4, 4)
        for i in range(4):   # alternating quarters
            p.setBrush(QColor("#e6edf3") if i % 2 == 0 else QColor("#30363d"))
            p.drawRect(QRectF(x0 + px * i / 4, y0, px / 4, 6))
        p.setPen(QPen(QColor("#e6edf3"), 1))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawRect(QRectF(x0, y0, px, 6))
        p.drawText(QPointF(x0, y0 - 6), "0")
        p.drawText(QPointF(x0 + px + 6, y0 + 7), label)

    def _draw_legend(self, p: QPainter) -> None:
        font = QFont()
        font.setPixelSize(11)
        p.setFont(font)
        fm = QFontMetricsF(font)
        rows = [(k, kind_text(k)) for k in ("fixed", "ptz", "recognition", "mobile")]
        states = [(theme.OK, state_label(State.LIVE)),
                  (theme.WARN, state_label(State.RECONNECTING)),
                  (theme.ALARM, state_label(State.OFFLINE)), (_UNKNOWN, state_label(None))]
        width = max(fm.horizontalAdvance(t) for _, t in rows + states) + 40
        height = 18 * (len(rows) + len(states)) + 12
        x0 = self.viewport().width() - width - 10
        y0 = self.viewport().height() - height - 10
        vp = self.viewport()
        if not self.show_legend or vp.width() < 800 or vp.height() < 520:   # plan first
            return
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(13, 17, 23, 200))
        p.drawRoundedRect(QRectF(x0, y0, width, height), 4, 4)
        y = y0 + 15
        for kind, text in rows:
            p.save()
            p.translate(x0 + 16, y)
            paint_symbol(p, kind, QColor("#c9d1d9"), 13)
            p.restore()
            p.setPen(QColor("#e6edf3"))
            p.drawText(QPointF(x0 + 30, y + 4), text)
            y += 18
        for colour, text in states:
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(QColor(colour))
            p.drawEllipse(QPointF(x0 + 16, y), 5, 5)
            p.setPen(QColor("#e6edf3"))
            p.drawText(QPointF(x0 + 30, y + 4), text)
            y += 18


__all__ = ["CameraIcon", "SitePlanView", "icon_colour", "kind_text", "nice_length",
           "paint_symbol", "sector_colour", "state_label"]
