"""Live workflow alerts (issue 4 point 9): a new incident awaiting the shift leader's
decision and a request whose 30-minute acknowledgement passes are shown (blinking in
the status bar) and heard (the chime, through a recording player), each once."""

from __future__ import annotations

from datetime import timedelta

import numpy as np
from PySide6.QtCore import Qt

from tests.gui_helpers import console
from tests.test_gui_supervisor import _proposed
from widgets.alerts import AlertBanner, AlertCenter, AlertSound, chime


def test_chime_is_two_tones():
    samples = chime()
    assert samples.dtype == np.float32 and 0.25 < np.abs(samples).max() <= 0.3
    assert 0.4 < len(samples) / 48000 < 0.5


def test_new_approval_and_overdue_request_alert_once_each(qtbot, ctx, users, desk):
    played: list[int] = []
    sound = AlertSound(player=lambda samples: played.append(len(samples)))
    room = users["lanhdaophong"]
    ctx.requests.create(room, desk.id, subject="Phối hợp kiểm tra container", channel="fax",
                        unit_name="Hải quan cửa khẩu cảng Đình Vũ",
                        received_at=ctx.clock.now())
    with console(ctx, users["truongca"]) as session:
        center = AlertCenter(session, sound=sound, poll_ms=100_000)
        banner = AlertBanner(center)
        qtbot.addWidget(banner)
        alerts: list[tuple[str, str]] = []
        center.alertRaised.connect(lambda kind, text: alerts.append((kind, text)))
        with qtbot.waitSignal(center.checked, timeout=10000):
            center.start()
        assert not alerts                                 # nothing awaits yet
        _proposed(ctx, users, desk)                      # another console's officer
        with qtbot.waitSignal(center.alertRaised, timeout=10000) as raised:
            center.check()                               # the change feed calls this too
        assert raised.args[0] == "approval" and "1" in raised.args[1]
        sound.join()
        assert played and banner.blinking()
        with qtbot.waitSignal(center.checked, timeout=10000):
            center.check()                               # nothing new: no second alert
        assert [k for k, _ in alerts] == ["approval"]
        ctx.clock.advance(timedelta(minutes=31))         # the 30 minutes pass
        with qtbot.waitSignal(center.alertRaised, timeout=10000) as late:
            center.check()
        assert late.args[0] == "overdue"
        sound.join()
        assert len(played) == 2
        with qtbot.waitSignal(banner.activated) as clicked:
            qtbot.mouseClick(banner, Qt.MouseButton.LeftButton)
        assert clicked.args == ["overdue"] and not banner.blinking()
        center.stop()


def test_no_sound_card_stays_silent_and_says_so_once():
    def broken(_samples):  # type: ignore[no-untyped-def]
        raise OSError("no default output device")

    sound = AlertSound(player=broken)
    sound.play()
    sound.join()
    assert sound.unavailable == "no default output device" and sound.played == 0
    sound.play()                                          # not tried again
    assert sound._thread is not None and not sound._thread.is_alive()
