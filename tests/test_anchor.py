"""The duty log's anchor outside the database (issue 11 item 3): shift leaders'
Ed25519 keys, signed checkpoints (handover, every N, print), the desks' witnesses,
the workstation's store, and a verification that catches what a database
administrator can do to the chain and names the first entry no valid signature
covers — on SQLite and PostgreSQL."""

from __future__ import annotations

import io
import os
import stat
from datetime import timedelta

import pytest
from sqlalchemy import delete, select, text, update

import forms
from app.anchor import LocalHeadStore, SignedHead
from app.db.models import Handover, LogChainHead, LogCheckpoint, LogEntry, LogWitness
from app.documents.printouts import duty_log_pdf
from app.dutylog import HASHED_COLUMNS, EntryDraft
from app.dutylog.service import entry_hash, search_text_of
from app.errors import AuthenticationFailed, PermissionDenied, ValidationError
from app.handover import handover_signature
from app.roster import MemberSpec
from main import main

PASSWORD = "demo123"


@pytest.fixture
def leader(ctx, users):
    """truongca with a registered key, unlocked by his log-in; checkpoints every 5."""
    ctx.anchor.every_n = 5
    ctx.signing_keys.create(users["truongca"], users["truongca"].id, PASSWORD)
    key = ctx.signing_keys.current(users["truongca"].id)
    ctx.signing_keys.register(users["admin"], key.key_id)
    ctx.signing_keys.lock()
    ctx.accounts.authenticate("truongca", PASSWORD)
    assert ctx.signing_keys.ready_signer() is not None
    return users["truongca"]


def _write(ctx, user, desk, n):
    for i in range(n):
        ctx.clock.advance(timedelta(minutes=1))
        ctx.dutylog.append(user, desk.id, EntryDraft(kind="work", content=f"Kiểm tra số {i}"))


def _rechain(ctx, desk, from_seq: int) -> None:
    """What a forger with the database does: recompute every hash from `from_seq` on
    and the chain head, so that the chain alone holds again."""
    with ctx.db.write() as s:
        rows = list(s.scalars(select(LogEntry).where(LogEntry.desk_id == desk.id)
                              .order_by(LogEntry.seq)))
        prev = "0" * 64
        for e in rows:
            if e.seq >= from_seq:
                e.prev_hash = prev
                values = {c: getattr(e, c) for c in HASHED_COLUMNS}
                e.search_text = search_text_of(values)
                e.hash = entry_hash(values)
                s.flush()
            prev = e.hash
        s.execute(update(LogChainHead).where(LogChainHead.desk_id == desk.id).values(
            seq=rows[-1].seq if rows else 0, hash=prev))


def _checkpoints(ctx, desk):
    with ctx.db.read() as s:
        return [(c.seq, c.reason) for c in s.scalars(select(LogCheckpoint).where(
            LogCheckpoint.desk_id == desk.id).order_by(LogCheckpoint.id))]


def _signed_shift(ctx, users, desk):
    shift = ctx.roster.current_shift(desk.id)
    return ctx.roster.set_members(users["truongca"], shift.id, shift.version, [
        MemberSpec(users["truongca"].id, "shift_leader")])


# -- keys ---------------------------------------------------------------------------
def test_wrong_password_cannot_unlock_the_key(ctx, users, leader):
    ctx.signing_keys.lock()
    with pytest.raises(AuthenticationFailed):
        ctx.signing_keys.unlock(leader.id, "not his password")
    assert ctx.signing_keys.signer(leader.id) is None
    with pytest.raises(AuthenticationFailed):        # nor does a failed log-in
        ctx.accounts.authenticate("truongca", "not his password")
    assert ctx.signing_keys.signer(leader.id) is None
    ctx.accounts.authenticate("truongca", PASSWORD)
    assert ctx.signing_keys.signer(leader.id) is not None
    with pytest.raises(AuthenticationFailed):        # a key is made under his own password
        ctx.signing_keys.create(leader, leader.id, "someone else's")


def test_the_key_is_stored_encrypted_and_registered_by_the_admin(ctx, users):
    leader = users["truongca"]
    info = ctx.signing_keys.create(users["admin"], leader.id, PASSWORD)  # on his behalf
    assert ctx.signing_keys.signer(leader.id) is None     # the admin keeps nothing
    with ctx.db.engine.connect() as c:
        row = c.execute(text("SELECT * FROM signing_key WHERE key_id = :k"),
                        {"k": info.key_id}).mappings().one()
    assert row["private_key"].startswith("scrypt-aesgcm/1$") and row["registered_at"] is None
    assert ctx.signing_keys.ready_signer(leader.id) is None
    with pytest.raises(PermissionDenied):
        ctx.signing_keys.register(users["truongca2"], info.key_id)
    with pytest.raises(ValidationError):                  # not a shift leader
        ctx.signing_keys.create(users["admin"], users["giamsat1"].id, PASSWORD)
    done = ctx.signing_keys.register(users["admin"], info.key_id)
    assert done.registered_at == ctx.clock.now()
    with ctx.db.engine.connect() as c:
        assert c.execute(text("SELECT registered_by FROM signing_key WHERE key_id = :k"),
                         {"k": info.key_id}).scalar_one() == users["admin"].id
    ctx.signing_keys.unlock(leader.id, PASSWORD)
    assert ctx.signing_keys.ready_signer(leader.id).key_id == info.key_id


def test_password_change_reencrypts_the_key(ctx, users, leader):
    key_id = ctx.signing_keys.current(leader.id).key_id
    ctx.accounts.set_password(leader, leader.id, "a-new-password-1")
    ctx.signing_keys.lock()
    with pytest.raises(AuthenticationFailed):
        ctx.signing_keys.unlock(leader.id, PASSWORD)
    assert ctx.signing_keys.unlock(leader.id, "a-new-password-1").key_id == key_id
    # reset by the admin while the key is locked: nobody can decrypt it, it is revoked
    ctx.signing_keys.lock()
    ctx.accounts.set_password(users["admin"], leader.id, "another-password-2")
    assert ctx.signing_keys.current(leader.id) is None
    assert ctx.signing_keys.all_keys()[key_id].revoked_at is not None


# -- signing ------------------------------------------------------------------------
def test_handover_signs_the_chain_head_with_the_leaders_key(ctx, users, desk, leader):
    shift = _signed_shift(ctx, users, desk)
    _write(ctx, users["giamsat1"], desk, 3)
    h = ctx.handover.save_draft(leader, shift.id, "Bình thường")
    h = ctx.handover.sign(leader, h.id, h.version)
    assert h.signing_key_id == ctx.signing_keys.current(leader.id).key_id
    assert len(h.signature) == 86 and ctx.handover.signature_status(h) == "signed"
    assert (3, "handover") in _checkpoints(ctx, desk)
    assert ctx.anchor.verify(desk.id).ok
    with ctx.db.engine.begin() as c:
        c.execute(text("UPDATE handover SET summary = 'khác' WHERE id = :i"), {"i": h.id})
    assert ctx.handover.signature_status(ctx.handover.get(h.id)) == "invalid"


def test_a_locked_key_cannot_sign_and_a_leader_without_one_signs_unkeyed(ctx, users, desk,
                                                                          leader):
    shift = _signed_shift(ctx, users, desk)
    h = ctx.handover.save_draft(leader, shift.id, "Bình thường")
    ctx.signing_keys.lock()
    with pytest.raises(ValidationError):
        ctx.handover.sign(leader, h.id, h.version)
    # a report of before the keys: unkeyed SHA-256, still checked, "unsigned"
    with ctx.db.engine.begin() as c:
        c.execute(text("DELETE FROM signing_key"))
    h = ctx.handover.sign(leader, h.id, h.version)
    assert h.signing_key_id is None and h.signature == handover_signature(h)
    assert ctx.handover.signature_status(h) == "unsigned"
    assert ctx.handover.verify_signature(h)
    assert ctx.anchor.verify(desk.id).ok


def test_a_checkpoint_every_n_entries_while_a_key_is_unlocked(ctx, users, desk, leader):
    _write(ctx, users["giamsat1"], desk, 12)
    assert _checkpoints(ctx, desk) == [(5, "every_n"), (10, "every_n")]
    ctx.signing_keys.lock()
    _write(ctx, users["giamsat1"], desk, 6)
    assert _checkpoints(ctx, desk) == [(5, "every_n"), (10, "every_n")]
    result = ctx.anchor.verify(desk.id)
    assert result.ok and result.covered_seq == 10 and result.checked == 18


def test_printed_log_carries_the_signed_head_on_every_page(ctx, users, desk, leader):
    import pypdfium2
    from pypdf import PdfReader

    forms.install()
    shift = ctx.roster.current_shift(desk.id)
    _write(ctx, users["giamsat1"], desk, 7)
    pdf = duty_log_pdf(ctx, desk, shift, printed_by="Nguyễn Văn Hùng")
    assert (7, "print") in _checkpoints(ctx, desk)
    token = next(line.split("signature: ")[1] for line in
                 PdfReader(io.BytesIO(pdf)).pages[0].extract_text().splitlines()
                 if "signature: " in line)
    head = SignedHead.parse(token, desk.code)
    assert (head.seq, head.head) == ctx.dutylog.head(desk.id)
    for page in PdfReader(io.BytesIO(pdf)).pages:
        assert token in page.extract_text().replace("\n", "")
    # the QR code says the same, on every page (zxing-cpp reads it; a wrong reading
    # fails as surely as none)
    import zxingcpp

    for page in pypdfium2.PdfDocument(pdf):
        codes = zxingcpp.read_barcodes(page.render(scale=300 / 72).to_pil(),
                                       formats=zxingcpp.BarcodeFormat.QRCode)
        assert [c.text for c in codes] == [token]
    assert ctx.anchor.verify(desk.id, [head]).ok


def test_the_workstations_store_is_private_and_pins_the_keys(ctx, users, desk, leader,
                                                             tmp_path):
    old = os.umask(0)
    try:
        _write(ctx, users["giamsat1"], desk, 5)
    finally:
        os.umask(old)
    path = ctx.anchor.store.path
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    heads = ctx.anchor.store.heads(desk.code)
    assert [h.seq for h in heads] == [5]
    key_id = heads[0].key_id
    assert ctx.anchor.store.pinned()[key_id] == ctx.signing_keys.current(leader.id).public_key
    # the database's key is replaced by another: what this workstation saw says no
    other = LocalHeadStore(tmp_path / "other.json")
    other.add([], {key_id: "00" * 32})
    ctx.anchor.store = other
    result = ctx.anchor.verify(desk.id)
    assert not result.ok and "differs" in result.reason and result.broken_seq == 1


def test_desks_witness_each_others_signed_heads(ctx, users, desk, leader):
    kv3 = ctx.reference.desk_by_code("KV3")
    kv3_leader = users["kv3.truongca"]
    ctx.signing_keys.create(kv3_leader, kv3_leader.id, PASSWORD)
    ctx.signing_keys.register(users["admin"], ctx.signing_keys.current(kv3_leader.id).key_id)
    _write(ctx, users["giamsat1"], desk, 5)              # HQ checkpoint #5 (truongca)
    _write(ctx, users["kv3.giamsat"], kv3, 2)
    ctx.anchor.checkpoint(kv3.id, "every_n", user_id=kv3_leader.id)
    with ctx.db.read() as s:
        rows = [(w.desk_id, w.witnessed_desk_id, w.seq, w.signed_by)
                for w in s.scalars(select(LogWitness))]
    assert rows == [(kv3.id, desk.id, 5, kv3_leader.id)]
    # HQ's checkpoints deleted, this workstation's store lost, HQ's log rewritten:
    # KV3's witness still knows entry #5
    with ctx.db.write() as s:
        s.execute(delete(LogCheckpoint).where(LogCheckpoint.desk_id == desk.id))
        s.execute(update(LogEntry).where(LogEntry.desk_id == desk.id, LogEntry.seq == 3)
                  .values(content="đã sửa"))
    _rechain(ctx, desk, 3)
    ctx.anchor.store = LocalHeadStore(ctx.data_dir / "fresh.json")
    result = ctx.anchor.verify(desk.id)
    assert not result.ok and "witness" in result.reason and result.broken_seq == 1


# -- what a database administrator can do ----------------------------------------------
def test_rewrite_and_recompute_is_caught(ctx, users, desk, leader, capsys, monkeypatch):
    _write(ctx, users["giamsat1"], desk, 12)
    with ctx.db.write() as s:
        s.execute(update(LogEntry).where(LogEntry.desk_id == desk.id, LogEntry.seq == 7)
                  .values(content="Nội dung bị sửa lén"))
    _rechain(ctx, desk, 7)
    assert ctx.dutylog.verify(desk.id).ok                # the chain alone holds
    result = ctx.anchor.verify(desk.id)
    assert not result.ok and result.broken_seq == 6 and result.covered_seq == 5
    assert "rewritten" in result.reason and "#10" in result.reason
    db_url = ctx.db.url.render_as_string(hide_password=False)
    # the command runs on this test's workstation (its store of signed heads), not on
    # the folder every test of the run shares
    monkeypatch.setenv("CUSTOMS_DATA_DIR", str(ctx.data_dir))
    assert main(["--db", db_url, "--verify-log"]) == 1
    assert "#6" in capsys.readouterr().err


def test_truncate_after_handover_and_rewind_is_caught(ctx, users, desk, leader):
    shift = _signed_shift(ctx, users, desk)
    _write(ctx, users["giamsat1"], desk, 4)
    h = ctx.handover.save_draft(leader, shift.id, "Bình thường")
    ctx.handover.sign(leader, h.id, h.version)          # signs #4, writes #5
    _write(ctx, users["giamsat1"], desk, 6)             # to #11, checkpoint at #9
    assert _checkpoints(ctx, desk) == [(4, "handover"), (9, "every_n")]
    with ctx.db.write() as s:                           # back to the handover, no trace
        keep = s.scalar(select(LogEntry.hash).where(LogEntry.desk_id == desk.id,
                                                    LogEntry.seq == 5))
        s.execute(delete(LogEntry).where(LogEntry.desk_id == desk.id, LogEntry.seq > 5))
        s.execute(delete(LogCheckpoint).where(LogCheckpoint.seq > 5))
        s.execute(update(LogChainHead).where(LogChainHead.desk_id == desk.id)
                  .values(seq=5, hash=keep))
    assert ctx.dutylog.verify(desk.id).ok
    result = ctx.anchor.verify(desk.id)
    assert not result.ok and result.broken_seq == 5
    assert "deleted" in result.reason and "store" in result.reason


def test_an_emptied_log_is_caught(ctx, users, desk, leader, tmp_path, monkeypatch):
    monkeypatch.setenv("CUSTOMS_DATA_DIR", str(ctx.data_dir))   # this workstation
    shift = ctx.roster.current_shift(desk.id)
    _write(ctx, users["giamsat1"], desk, 6)
    forms.install()
    duty_log_pdf(ctx, desk, shift, printed_by="")
    printed = ctx.anchor.store.heads(desk.code)[-1]
    with ctx.db.write() as s:
        for table in (LogWitness, LogCheckpoint, Handover):
            s.execute(delete(table))
        s.execute(text("DELETE FROM change_event"))
        s.execute(delete(LogEntry).where(LogEntry.desk_id == desk.id))
        s.execute(delete(LogChainHead).where(LogChainHead.desk_id == desk.id))
    assert ctx.dutylog.verify(desk.id).ok and ctx.dutylog.verify(desk.id).checked == 0
    result = ctx.anchor.verify(desk.id)
    assert not result.ok and result.broken_seq == 1 and "ends at #0" in result.reason
    # another workstation, with only the printed head: --verify-log --head
    ctx.anchor.store = LocalHeadStore(tmp_path / "elsewhere.json")
    assert ctx.anchor.verify(desk.id).ok                 # nothing outside: undetectable
    result = ctx.anchor.verify(desk.id, [printed])
    assert not result.ok and result.broken_seq == 1 and "given head" in result.reason
    db_url = ctx.db.url.render_as_string(hide_password=False)
    (tmp_path / "head.txt").write_text(printed.token + "\n", encoding="utf-8")
    assert main(["--db", db_url, "--verify-log", "--head", str(tmp_path / "head.txt")]) == 1
    assert main(["--db", db_url, "--verify-log", "--head", "garbage"]) == 2


@pytest.mark.parametrize("downgrade", [False, True], ids=["keyed", "made-unkeyed"])
def test_a_forged_handover_hash_is_caught(ctx, users, desk, leader, downgrade):
    shift = _signed_shift(ctx, users, desk)
    _write(ctx, users["giamsat1"], desk, 4)
    h = ctx.handover.save_draft(leader, shift.id, "Bình thường")
    ctx.handover.sign(leader, h.id, h.version)
    with ctx.db.write() as s:
        s.execute(update(LogEntry).where(LogEntry.desk_id == desk.id, LogEntry.seq == 2)
                  .values(content="đã sửa"))
    _rechain(ctx, desk, 2)
    with ctx.db.write() as s:
        s.execute(delete(LogCheckpoint))                 # only the handover is left
        new_hash = s.scalar(select(LogEntry.hash).where(LogEntry.desk_id == desk.id,
                                                        LogEntry.seq == 4))
        forged = s.get(Handover, h.id)
        forged.chain_hash = new_hash
        if downgrade:
            forged.signing_key_id = None
            forged.signature = handover_signature(forged)
        s.flush()
    ctx.anchor.store = LocalHeadStore(ctx.data_dir / "fresh.json")
    assert ctx.dutylog.verify(desk.id).ok
    result = ctx.anchor.verify(desk.id)
    assert not result.ok and result.broken_seq == 1
    assert f"handover {h.id}" in result.reason and "not validly signed" in result.reason
    if downgrade:
        assert "unkeyed" in result.reason


def test_a_reordered_sequence_is_caught(ctx, users, desk, leader):
    _write(ctx, users["giamsat1"], desk, 12)
    with ctx.db.write() as s:
        ids = dict(s.execute(select(LogEntry.seq, LogEntry.id).where(
            LogEntry.desk_id == desk.id, LogEntry.seq.in_((7, 8)))).all())
        s.execute(update(LogEntry).where(LogEntry.id == ids[7]).values(seq=-7))
        s.execute(update(LogEntry).where(LogEntry.id == ids[8]).values(seq=7))
        s.execute(update(LogEntry).where(LogEntry.id == ids[7]).values(seq=8))
    _rechain(ctx, desk, 7)
    assert ctx.dutylog.verify(desk.id).ok
    result = ctx.anchor.verify(desk.id)
    assert not result.ok and result.broken_seq == 6 and "reordered" in result.reason
