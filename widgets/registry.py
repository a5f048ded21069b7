"""The registry of the console's docks: from this list the main window builds its
docks, its menus' "open the panel" actions, their shortcuts and what each loads
when opened or at login. A new panel is a module in widgets/<feature>/ plus one
`PanelSpec` here.

A build function gets the host (the main window: `session`, `nav`, `walls`,
`outages`, `evidence`) and returns the panel; it wires the panel to the walls'
camera signals where it shows cameras, and to the navigator where it asks for
another panel. Panels are imported inside the build functions, so a console
loads only the panels its user sees."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import QWidget

from app.auth import CurrentUser, Permission, Role
from widgets.panels import PanelSpec

LEFT, RIGHT = Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea


# -- who sees what ------------------------------------------------------------------------
def administrators(user: CurrentUser | None) -> bool:
    return user is not None and (user.can(Permission.ADMIN_REFERENCE)
                                 or user.can(Permission.ADMIN_USERS))


def leaders(user: CurrentUser | None) -> bool:
    return user is not None and (user.has_role(Role.SHIFT_LEADER)
                                 or user.has_role(Role.DIRECTOR))


def log_writers(user: CurrentUser | None) -> bool:
    return user is not None and user.can(Permission.LOG_WRITE)


# -- the build functions ------------------------------------------------------------------------
def _shift(host: Any) -> QWidget:
    from widgets.shift_panel import ShiftPanel  # noqa: PLC0415

    return ShiftPanel(host.session)


def _roster(host: Any) -> QWidget:
    from widgets.roster_panel import RosterPanel  # noqa: PLC0415

    return RosterPanel(host.session)


def _notices(host: Any) -> QWidget:
    from widgets.notices_panel import NoticesPanel  # noqa: PLC0415

    return NoticesPanel(host.session)


def _cameras(host: Any) -> QWidget:
    from widgets.wall.camera_tree import CameraTree  # noqa: PLC0415

    tree, walls = CameraTree(), host.walls
    walls.camerasLoaded.connect(lambda: tree.set_cameras(walls.cameras))
    walls.cameraStateChanged.connect(lambda code, state, _reason: tree.set_state(code, state))
    tree.cameraActivated.connect(host.nav.showCameras)
    return tree


def _health(host: Any) -> QWidget:
    from widgets.wall.health import HealthBoard  # noqa: PLC0415

    board = HealthBoard(host.session, host.outages)
    host.walls.cameraStateChanged.connect(
        lambda code, state, _reason: board.set_state(code, state))
    return board


def _gallery(host: Any) -> QWidget:
    from widgets.wall.evidence import EvidenceGallery  # noqa: PLC0415

    gallery = EvidenceGallery(host.session)
    host.evidence.evidenceSaved.connect(lambda _rec: gallery.load())
    return gallery


def _ptz(host: Any) -> QWidget:
    from widgets.wall.ptz_panel import PtzPanel  # noqa: PLC0415

    return PtzPanel(host.walls)


def _site_plan(host: Any) -> QWidget:
    from widgets.siteplan.panel import SitePlanPanel  # noqa: PLC0415

    plan, walls = SitePlanPanel(), host.walls
    walls.cameraStateChanged.connect(lambda code, state, _reason: plan.set_state(code, state))
    plan.cameraActivated.connect(lambda code: host.nav.showCameras.emit([code]))
    plan.aimRequested.connect(host.aim)
    walls.ptz.positionRead.connect(plan.set_position)
    walls.cameraSelected.connect(plan.show_camera)
    return plan


def _map_check(host: Any) -> QWidget:
    from widgets.wall.map_check import CameraMapCheckPanel  # noqa: PLC0415

    return CameraMapCheckPanel(host.walls)


def _checklist(host: Any) -> QWidget:
    from widgets.wall.checklist_panel import ChecklistPanel  # noqa: PLC0415

    panel = ChecklistPanel(host.session)
    panel.openCameras.connect(host.walls.show_group)
    return panel


def _admin(host: Any) -> QWidget:
    from widgets.admin_panel import AdminPanel  # noqa: PLC0415

    return AdminPanel(host.session)


def _supervisor(host: Any) -> QWidget:
    from widgets.supervisor import SupervisorConsole  # noqa: PLC0415

    console = SupervisorConsole(host.session)
    console.openRequest.connect(host.nav.openRequest)
    return console


def _incidents(host: Any) -> QWidget:
    from widgets.incidents.panel import MyIncidentsPanel  # noqa: PLC0415

    panel = MyIncidentsPanel(host.session, own_shortcuts=False)
    panel.requestElsewhere.connect(host.nav.requestElsewhere)
    return panel


def _directives(host: Any) -> QWidget:
    from widgets.directives import DirectivesPanel  # noqa: PLC0415

    return DirectivesPanel(host.session)


def _sources(host: Any) -> QWidget:
    from widgets.sources.panel import SourcesPanel  # noqa: PLC0415

    return SourcesPanel(host.session, host.sources)


def _picture_loader(host: Any) -> Any:
    """The gate reads' pictures, through the console's gate-recognition feed."""
    from app.customs.records import Feed  # noqa: PLC0415

    source = host.sources.feed(Feed.GATE)
    return source.picture if source is not None else None


def _declarations(host: Any) -> QWidget:
    from widgets.customs.declarations import DeclarationsPanel  # noqa: PLC0415

    return DeclarationsPanel(host.session, host.nav)


def _controlled(host: Any) -> QWidget:
    from widgets.customs.area import ControlledAreaPanel  # noqa: PLC0415

    return ControlledAreaPanel(host.session, host.nav)


def _manifest(host: Any) -> QWidget:
    from widgets.customs.manifest import ManifestPanel  # noqa: PLC0415

    return ManifestPanel(host.session)


def _gate(host: Any) -> QWidget:
    from widgets.customs.gate import GatePanel  # noqa: PLC0415

    return GatePanel(host.session, host.nav, _picture_loader(host))


def _data_alerts(host: Any) -> QWidget:
    from widgets.customs.alerts_panel import AlertsPanel  # noqa: PLC0415

    panel = AlertsPanel(host.session, host.nav)
    panel.criticalRaised.connect(host.alerts.data_alert)   # heard and blinking, dock closed
    return panel


# -- the hooks ------------------------------------------------------------------------------------
def _nothing(_host: Any, _panel: Any) -> None:
    """Opened: it shows what the walls give it, nothing to load."""


def _load(_host: Any, panel: Any) -> None:
    panel.load()


def _start(_host: Any, panel: Any) -> None:
    panel.start()


def _find_camera(_host: Any, tree: Any) -> None:
    tree.filter.setFocus()


def _load_plans(host: Any, plan: Any) -> None:
    """The site plans (files of the site's reference data), on the first opening."""
    if getattr(plan, "plans_requested", False):
        return
    plan.plans_requested = True
    from video.site_geometry import load_demo_plans  # noqa: PLC0415

    host.session.runner.submit(lambda: list(load_demo_plans().values()), plan.set_plans,
                               lambda exc: host.statusBar().showMessage(str(exc), 10000),
                               owner=plan)


def _focus_incidents(_host: Any, panel: Any) -> None:
    panel.table.setFocus()


def _load_once(_host: Any, panel: Any) -> None:
    """My incidents loads when its dock is first shown (then it follows the changes)."""
    if not getattr(panel, "first_loaded", False):
        panel.first_loaded = True
        panel.load()


def _open_directives(_host: Any, panel: Any) -> None:
    panel.load()
    panel.directives.setFocus()


def _directives_shown(_host: Any, panel: Any) -> None:
    if not panel.timer.isActive():
        panel.load()


PANELS: tuple[PanelSpec, ...] = (
    PanelSpec("shift", QT_TRANSLATE_NOOP("panels", "Shift"), _shift, LEFT, hidden=False,
              attr="shift_panel"),
    PanelSpec("roster", QT_TRANSLATE_NOOP("panels", "Roster"), _roster, LEFT, hidden=False,
              tab_with=("shift",), attr="roster_panel", on_login=_start),
    PanelSpec("notices", QT_TRANSLATE_NOOP("panels", "Notices to units"), _notices, LEFT,
              hidden=False, tab_with=("roster",), attr="notices_panel", on_login=_load),
    PanelSpec("cameras", QT_TRANSLATE_NOOP("panels", "Cameras"), _cameras, LEFT, hidden=False,
              tab_with=("notices",), menu="cameras",
              action=QT_TRANSLATE_NOOP("panels", "&Find a camera"), shortcut="Ctrl+Shift+F",
              attr="camera_tree", on_open=_find_camera),
    PanelSpec("health", QT_TRANSLATE_NOOP("panels", "Camera health"), _health, RIGHT,
              menu="cameras", action=QT_TRANSLATE_NOOP("panels", "Camera &health board"),
              shortcut="Ctrl+Shift+H", attr="health_board"),
    PanelSpec("gallery", QT_TRANSLATE_NOOP("panels", "Screenshots of the shift"), _gallery, RIGHT,
              tab_with=("health",), menu="cameras",
              action=QT_TRANSLATE_NOOP("panels", "&Screenshots of the shift"),
              shortcut="Ctrl+Shift+S", attr="gallery"),
    PanelSpec("ptz", QT_TRANSLATE_NOOP("panels", "PTZ and presets"), _ptz, RIGHT,
              tab_with=("health",), menu="cameras",
              action=QT_TRANSLATE_NOOP("panels", "&PTZ and presets"), shortcut="Ctrl+Shift+P",
              attr="ptz_panel", on_open=_nothing),
    PanelSpec("siteplan", QT_TRANSLATE_NOOP("panels", "Site plan"), _site_plan, RIGHT,
              tab_with=("health",), menu="cameras",
              action=QT_TRANSLATE_NOOP("panels", "Site p&lan"), shortcut="Ctrl+Shift+M",
              attr="site_plan", on_open=_load_plans),
    PanelSpec("mapcheck", QT_TRANSLATE_NOOP("panels", "Camera map check"), _map_check, RIGHT,
              tab_with=("health",), menu="cameras",
              action=QT_TRANSLATE_NOOP("panels", "Camera &map check"), shortcut="Ctrl+Shift+G",
              attr="map_check", on_open=_nothing),
    PanelSpec("checklist", QT_TRANSLATE_NOOP("panels", "Area checklist"), _checklist, RIGHT,
              tab_with=("health",), menu="cameras",
              action=QT_TRANSLATE_NOOP("panels", "Area &checklist"), shortcut="Ctrl+Shift+C",
              attr="checklist_panel"),  # loaded by start_live, once the cameras are in
    PanelSpec("admin", QT_TRANSLATE_NOOP("panels", "Reference data"), _admin, RIGHT,
              visible_to=administrators, attr="admin_panel", on_login=_load),
    PanelSpec("supervisor", QT_TRANSLATE_NOOP("panels", "Supervisor console"), _supervisor, RIGHT,
              visible_to=leaders, hidden=False, tab_with=("admin",),
              attr="supervisor_console", on_login=_load),
    PanelSpec("incidents", QT_TRANSLATE_NOOP("panels", "My incidents"), _incidents, RIGHT,
              visible_to=log_writers, hidden=False, tab_with=("supervisor",),
              menu="incidents", action=QT_TRANSLATE_NOOP("panels", "&My incidents"),
              shortcut="Ctrl+Shift+I", attr="incidents_panel", on_open=_focus_incidents,
              on_shown=_load_once),
    PanelSpec("directives", QT_TRANSLATE_NOOP("panels", "Directives and daily reports"),
              _directives, RIGHT, visible_to=log_writers, hidden=False,
              tab_with=("incidents",), menu="incidents",
              action=QT_TRANSLATE_NOOP("panels", "&Directives and daily reports"),
              shortcut="Ctrl+Shift+D", attr="directives_panel", on_open=_open_directives,
              on_shown=_directives_shown, action_name="showDirectivesAction"),
    PanelSpec("sources", QT_TRANSLATE_NOOP("panels", "Data sources"), _sources, RIGHT,
              tab_with=("health",), menu="data",
              action=QT_TRANSLATE_NOOP("panels", "Data &sources and refused records"),
              shortcut="Ctrl+Shift+O", attr="sources_panel"),
    PanelSpec("declarations", QT_TRANSLATE_NOOP("panels", "Declarations"), _declarations,
              RIGHT, visible_to=log_writers, tab_with=("sources",), menu="data",
              action=QT_TRANSLATE_NOOP("panels", "&Declarations (VCIS, V5)"),
              shortcut="Ctrl+Shift+T", attr="declarations_panel"),
    PanelSpec("controlled", QT_TRANSLATE_NOOP("panels", "Controlled area"), _controlled,
              RIGHT, visible_to=log_writers, tab_with=("sources",), menu="data",
              action=QT_TRANSLATE_NOOP("panels", "Goods through the &controlled area"),
              shortcut="Ctrl+Shift+U", attr="controlled_panel"),
    PanelSpec("manifest", QT_TRANSLATE_NOOP("panels", "E-Manifest"), _manifest, RIGHT,
              visible_to=log_writers, tab_with=("sources",), menu="data",
              action=QT_TRANSLATE_NOOP("panels", "&E-Manifest: vessels, bills, containers"),
              shortcut="Ctrl+Shift+Y", attr="manifest_panel"),
    PanelSpec("gate", QT_TRANSLATE_NOOP("panels", "Gate recognition"), _gate, RIGHT,
              visible_to=log_writers, tab_with=("sources",), menu="data",
              action=QT_TRANSLATE_NOOP("panels", "&Gate recognition against clearance"),
              shortcut="Ctrl+Shift+B", attr="gate_panel"),
    PanelSpec("alerts", QT_TRANSLATE_NOOP("panels", "Data alerts"), _data_alerts, RIGHT,
              visible_to=log_writers, tab_with=("sources",), menu="data",
              action=QT_TRANSLATE_NOOP("panels", "Data &alerts"), shortcut="Ctrl+Shift+A",
              attr="data_alerts_panel", on_login=_load),
)

#: the docks raised over the others of their tab group after building, in order
RAISED = ("shift", "incidents", "supervisor")


__all__ = ["PANELS", "RAISED", "administrators", "leaders", "log_writers"]
