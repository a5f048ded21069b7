"""The data-sources panel (the example source of the adapter foundation): the e-mail
relay, a real SMTP simulator process, watched by the console; the officer opens the
panel from its menu key and sees it live; the relay stops → "Down" with the reason,
then, past the threshold, one outage written (duty log, notice) and listed; started
again → live and the outage closed. A console nobody sits at writes nothing."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from datasources.mail_relay import MailRelaySettings, MailRelaySimulator, MailRelaySource
from datasources.mail_relay import source_info as relay_info
from tests.gui_helpers import console
from widgets.main_window import MainWindow
from widgets.sources.console import SourceConsole
from widgets.sources.panel import SourcesPanel

FAST = dict(interval_s=0.2, timeout_s=5.0, backoff_initial_s=0.1, backoff_max_s=0.5)


@pytest.fixture
def relay():  # type: ignore[no-untyped-def]
    sim = MailRelaySimulator()
    if sim.start(30) is None:
        pytest.fail(f"mail relay simulator: {sim.stderr_path.read_text(errors='replace')}")
    yield sim
    sim.stop()


def _relay_source(ctx, sim):  # type: ignore[no-untyped-def]
    settings = MailRelaySettings(source_id="mail-relay", name="Máy chủ thư", unit_code=None,
                                 host="127.0.0.1", port=sim.port, **FAST)
    return MailRelaySource(settings, ctx.clock), relay_info(settings)


def _state(panel: SourcesPanel) -> str:
    item = panel.table.item(0, 1)
    return item.text() if item is not None else ""


def test_the_relay_down_and_back_in_the_panel(qtbot, ctx, users, relay):
    with console(ctx, users["giamsat1"]) as session:
        sources = SourceConsole(session, console="console-test")
        sources.add(*_relay_source(ctx, relay))
        panel = SourcesPanel(session, sources)
        qtbot.addWidget(panel)
        panel.show()
        try:
            sources.start()
            qtbot.waitUntil(lambda: _state(panel) == "Live", timeout=30_000)
            assert panel.table.item(0, 0).text().startswith("Máy chủ chuyển tiếp thư")
            relay.stop()
            qtbot.waitUntil(lambda: _state(panel) == "Down", timeout=30_000)
            assert panel.table.item(0, 6).text()              # the reason is said
            assert ctx.source_outages.open_outages() == []    # not yet: the threshold
            ctx.clock.advance(timedelta(seconds=ctx.settings.camera_outage_after_s + 1))
            with qtbot.waitSignal(sources.outageRecorded, timeout=30_000):
                pass
            (outage,) = ctx.source_outages.open_outages()
            assert outage.source_id == "mail-relay" and outage.open_entry_id is not None
            qtbot.waitUntil(lambda: panel.outages.rowCount() == 1, timeout=20_000)
            assert panel.outages.item(0, 1).text() == "Down"
            assert relay.start(30) is not None                # the same port again
            qtbot.waitUntil(lambda: _state(panel) == "Live", timeout=30_000)
            qtbot.waitUntil(lambda: ctx.source_outages.open_outages() == [], timeout=30_000)
            qtbot.waitUntil(lambda: panel.outages.rowCount() == 0, timeout=20_000)
        finally:
            sources.stop()


def test_an_unattended_console_shows_and_writes_nothing(qtbot, ctx, users, relay):
    with console(ctx, users["giamsat1"]) as session:
        session.unattended = True
        sources = SourceConsole(session, console="console-test")
        sources.add(*_relay_source(ctx, relay))
        panel = SourcesPanel(session, sources)
        qtbot.addWidget(panel)
        panel.show()
        try:
            sources.start()
            qtbot.waitUntil(lambda: _state(panel) == "Live", timeout=30_000)
            relay.stop()
            qtbot.waitUntil(lambda: _state(panel) == "Down", timeout=30_000)
            ctx.clock.advance(timedelta(seconds=ctx.settings.camera_outage_after_s + 1))
            with qtbot.waitSignal(sources.healthChanged, timeout=20_000):
                pass                                          # a round went by
            with qtbot.waitSignal(sources.healthChanged, timeout=20_000):
                pass
            assert ctx.source_outages.open_outages() == []
        finally:
            sources.stop()


def test_the_panel_opens_from_its_key_and_says_when_no_source_is_set_up(qtbot, ctx, users):
    with console(ctx, users["giamsat1"]) as session:
        w = MainWindow(session, persist_layout=False)
        qtbot.addWidget(w)
        w.show()
        assert "sources" in w.docks and not w.docks["sources"].isVisible()
        w.activateWindow()
        qtbot.waitUntil(w.isActiveWindow, timeout=5000)
        qtbot.keyClick(QApplication.focusWidget() or w, Qt.Key.Key_O,
                       Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
        qtbot.waitUntil(lambda: w.docks["sources"].isVisible(), timeout=5000)
        # the test settings name no e-mail relay: the panel says so, no empty table
        assert w.sources_panel.none.isVisible() and not w.sources_panel.table.isVisible()
        # F1 lists the data panels' keys with the rest
        said: list[str] = []

        def read_and_close() -> None:
            box = QApplication.activeModalWidget()
            if isinstance(box, QMessageBox):
                said.append(box.text())
                box.accept()

        QTimer.singleShot(200, read_and_close)
        w.activateWindow()
        qtbot.waitUntil(w.isActiveWindow, timeout=5000)
        qtbot.keyClick(QApplication.focusWidget() or w, Qt.Key.Key_F1)
        qtbot.waitUntil(lambda: bool(said), timeout=5000)
        assert "Ctrl+Shift+O Data sources and refused records" in said[0]
        w.close()
