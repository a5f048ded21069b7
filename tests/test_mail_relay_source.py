"""The e-mail relay as a source, end to end against its simulator process (real
SMTP, datasources/sim/mail_relay.py through app/simulators.py): live while it
answers; the simulator stopped → down → one outage opened (a second console gets
the same), with its duty-log entry, notice and handover item; started again →
live → the outage closed. A wrong password is "auth failed", a server that is not
SMTP a "protocol error"; and a document still goes out through it (app/mail.py)."""

from __future__ import annotations

import socket
import threading
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from app.db.engine import Database
from app.db.models import SourceOutage
from app.dutylog import DutyLog
from app.mail import DocumentMailer, MailSettings, Outgoing
from app.source_health import SourceOutages, SourceWatch
from app.sources import SourceState
from datasources.mail_relay import MailRelaySettings, MailRelaySimulator, MailRelaySource
from datasources.mail_relay import source_info as relay_info
from tests.helpers.subproc import wait_until

FAST = dict(interval_s=0.2, timeout_s=5.0, backoff_initial_s=0.1, backoff_max_s=0.5)


def _started(sim: MailRelaySimulator) -> MailRelaySimulator:
    if sim.start(30) is None:
        pytest.fail(f"mail relay simulator: {sim.stderr_path.read_text(errors='replace')}")
    return sim


@pytest.fixture
def relay(tmp_path):  # type: ignore[no-untyped-def]
    """The site's relay as app/mail.py uses it (no login on the internal network)."""
    sim = _started(MailRelaySimulator(maildir=tmp_path / "mail"))
    yield sim
    sim.stop()


@pytest.fixture
def relay_with_login():  # type: ignore[no-untyped-def]
    sim = _started(MailRelaySimulator(user="trucban", password="demo123"))
    yield sim
    sim.stop()


def _source(ctx, sim, user=None, password=None):  # type: ignore[no-untyped-def]
    settings = MailRelaySettings(source_id="mail-relay", name="Máy chủ thư", unit_code="CNTT",
                                 host="127.0.0.1", port=sim.port, user=user,
                                 password=password, **FAST)
    return settings, MailRelaySource(settings, ctx.clock)


def test_the_relay_down_opens_one_outage_and_back_closes_it(ctx, users, desk, relay, tmp_path):
    settings, source = _source(ctx, relay)
    ctx.source_outages.describe(relay_info(settings))
    watch = SourceWatch(ctx.source_outages, ctx.clock, threshold_s=60)
    source.on_health(lambda h: watch.observe(h, settings.stale_after))
    officer = users["giamsat1"]
    source.start()
    try:
        wait_until(lambda: source.health().state is SourceState.LIVE, 30,
                   what=lambda: f"live ({source.health()})")
        # The relay carries a document meanwhile.
        mailer = DocumentMailer(MailSettings(host="127.0.0.1", port=relay.port,
                                             sender="trucban@customs.gov.vn"))
        mailer.send(Outgoing("kv3@customs.gov.vn", "Điện fax số 1/FAX-TB-HQ", "Kính gửi",
                             b"%PDF-1.4", "II-1.pdf"))
        assert len(list((tmp_path / "mail").glob("*.eml"))) == 1

        relay.stop()
        wait_until(lambda: source.health().state is SourceState.DOWN, 30,
                   what=lambda: f"down ({source.health()})")
        assert source.health().reason
        assert watch.run_once(officer, desk.id).opened == []      # not yet: threshold
        ctx.clock.advance(timedelta(seconds=61))
        first = watch.run_once(officer, desk.id)
        assert len(first.opened) == 1 and first.opened[0].state == "down"
        ctx.clock.advance(timedelta(seconds=61))
        assert watch.run_once(officer, desk.id).opened == []      # opens once
        # A second console watching the same relay gets the same outage.
        db2 = Database(str(ctx.db.url))
        try:
            other = SourceOutages(db2, ctx.clock, DutyLog(db2, ctx.clock))
            other.describe(relay_info(settings))
            again = other.open_outage(users["giamsat2"], desk.id, "mail-relay", "down")
            assert not again.created and again.outage.id == first.opened[0].id
        finally:
            db2.dispose()
        shift = ctx.roster.current_shift(desk.id)
        assert [i.ref for i in ctx.handover.collect_open_items(desk.id, shift.id)
                if i.source == "source_outage"] == [str(first.opened[0].id)]

        assert relay.start(30) == settings.port      # same port: the relay is back
        source.poll_now()
        wait_until(lambda: source.health().state is SourceState.LIVE, 30,
                   what=lambda: f"live again ({source.health()})")
        done = watch.run_once(officer, desk.id)
        assert [o.id for o in done.closed] == [first.opened[0].id]
        assert ctx.source_outages.open_outages() == []
        with ctx.db.read() as s:
            assert s.scalar(select(func.count()).select_from(SourceOutage)) == 1
        assert ctx.dutylog.open_cases(desk.id) == []
    finally:
        assert source.stop()


def test_a_wrong_password_is_auth_failed(ctx, relay_with_login):
    _settings, source = _source(ctx, relay_with_login, "trucban", "wrong")
    source.start()
    try:
        wait_until(lambda: source.health().state is SourceState.AUTH_FAILED, 30,
                   what=lambda: f"auth failed ({source.health()})")
        assert "535" in source.health().reason
    finally:
        assert source.stop()
    _settings, source = _source(ctx, relay_with_login, "trucban", "demo123")
    source.start()
    try:
        wait_until(lambda: source.health().state is SourceState.LIVE, 30,
                   what=lambda: f"live ({source.health()})")
    finally:
        assert source.stop()


def test_a_server_that_is_not_smtp_is_a_protocol_error(ctx):
    srv = socket.socket()
    srv.bind(("127.0.0.1", 0))
    srv.listen()
    srv.settimeout(0.2)
    stop = threading.Event()

    def serve() -> None:
        while not stop.is_set():
            try:
                conn, _ = srv.accept()
            except OSError:
                continue
            with conn:
                conn.sendall(b"HTTP/1.0 400 Bad Request\r\n\r\n")

    t = threading.Thread(target=serve, name="not smtp")
    t.start()
    settings = MailRelaySettings(source_id="mail-relay", name="x", port=srv.getsockname()[1],
                                 **FAST)
    source = MailRelaySource(settings, ctx.clock)
    source.start()
    try:
        wait_until(lambda: source.health().state is SourceState.PROTOCOL_ERROR, 30,
                   what=lambda: f"protocol error ({source.health()})")
    finally:
        assert source.stop()
        stop.set()
        t.join(10)
        srv.close()


def test_nothing_listening_is_down(ctx):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    settings = MailRelaySettings(source_id="mail-relay", name="x", port=port, **FAST)
    source = MailRelaySource(settings, ctx.clock)
    source.start()
    try:
        wait_until(lambda: source.health().state is SourceState.DOWN, 30, what="down")
        assert source.backoff.attempts >= 1
    finally:
        assert source.stop()
