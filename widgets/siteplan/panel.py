"""The site plan panel (a dock's content): a site chooser, "fit to window", a hint
line, and the `SitePlanView`. It keeps every site's cameras, so stream states and
PTZ positions reported for a site not shown are there when the officer switches
to it. Plans are loaded by the caller (`video.site_geometry.load_site_plan`, or the
camera map's calibration mapped onto `PlanCamera`)."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from video.site_geometry import PlanCamera, SitePlan
from widgets.siteplan.plan_view import SitePlanView


class SitePlanPanel(QWidget):
    """See the module doc. Signals are the view's."""

    cameraActivated = Signal(str)
    neighboursFound = Signal(list)
    aimRequested = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = SitePlanView(self)
        self.sites = QComboBox(self)
        self.sites.currentIndexChanged.connect(self._site_chosen)
        fit = QPushButton(self.tr("Fit to window"), self)
        fit.clicked.connect(self.view.fit_to_window)
        self.legend = QPushButton(self.tr("Legend"), self)
        self.legend.setCheckable(True)
        self.legend.setChecked(self.view.show_legend)
        self.legend.toggled.connect(self.view.set_legend_visible)
        self.hint = QLabel(self.tr(
            "Click a camera to open it on the wall · click a point: the cameras that see "
            "it · Ctrl+click: aim the PTZ cameras there"), self)
        self.hint.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Site:"), self))
        top.addWidget(self.sites, 1)
        top.addWidget(self.legend)
        top.addWidget(fit)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addLayout(top)
        lay.addWidget(self.view, 1)
        lay.addWidget(self.hint)
        self._plans: dict[str, tuple[SitePlan, dict[str, PlanCamera]]] = {}
        self._site_of: dict[str, str] = {}
        self.view.cameraActivated.connect(self.cameraActivated)
        self.view.neighboursFound.connect(self.neighboursFound)
        self.view.aimRequested.connect(self.aimRequested)

    def set_plans(self, plans: Iterable[tuple[SitePlan, list[PlanCamera]]]) -> None:
        current = self.sites.currentText()
        self._plans = {plan.site: (plan, {c.code: c for c in cams}) for plan, cams in plans}
        self._site_of = {code: site for site, (_, cams) in self._plans.items() for code in cams}
        self.sites.blockSignals(True)
        self.sites.clear()
        self.sites.addItems(list(self._plans))
        self.sites.blockSignals(False)
        if current in self._plans:
            self.sites.setCurrentText(current)
        self._site_chosen()

    def show_site(self, site: str) -> None:
        self.sites.setCurrentText(site)

    def show_camera(self, code: str) -> None:
        """Switches to the camera's site and selects it (neighbours highlighted)."""
        site = self._site_of.get(code)
        if site is None:
            return
        self.show_site(site)
        self.view.select_camera(code)

    @property
    def site(self) -> str:
        return self.sites.currentText()

    def set_state(self, code: str, state: str) -> None:
        self.view.states[code] = state
        if code in self.view.cameras:
            self.view.set_state(code, state)

    def set_position(self, code: str, pan: float | None, tilt: float | None,
                     zoom: float | None) -> None:
        site = self._site_of.get(code)
        if site is None:
            return
        cams = self._plans[site][1]
        cams[code] = cams[code].moved(pan, tilt, zoom)
        if code in self.view.cameras:
            self.view.set_position(code, pan, tilt, zoom)

    def _site_chosen(self, _index: int = 0) -> None:
        entry = self._plans.get(self.sites.currentText())
        if entry is not None:
            plan, cams = entry
            self.view.set_plan(plan, list(cams.values()))


__all__ = ["SitePlanPanel"]
