"""The read models of the printed shift papers: a shift's duty log (Appendix I) and
its handover report from the database, as the print models of
app.documents.papers (one STT row per case or standalone entry), and their PDF."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

from app.clock import fmt_local, to_local
from app.context import AppContext
from app.db.models import Desk, Handover, LogEntry, OrgUnit, Shift
from app.documents.papers import DutyLogPrintout, HandoverPrintout, LogRow, OpenItemLine, Para
from app.documents.rendering import render
from app.dutylog import CHANNEL_NAMES, EntryKind, shift_rows
from app.handover import open_items_of
from app.roster import SHIFT_ROLE_NAMES


def _t(value: datetime | None) -> str:
    return fmt_local(value, with_date=False) if value else ""


def shift_label(shift: Shift) -> str:
    s, e = to_local(shift.starts_at), to_local(shift.ends_at)
    return f"Ca trực từ {s:%H:%M} ngày {s:%d/%m/%Y} đến {e:%H:%M} ngày {e:%d/%m/%Y}"


def _agency(ctx: AppContext, desk: Desk) -> str:
    with ctx.db.read() as s:
        name = s.scalar(select(OrgUnit.name).where(OrgUnit.id == desk.unit_id)) or desk.name
    return name.upper()


def _cells(e: LogEntry) -> dict[str, list[Para]]:
    cells: dict[str, list[Para]] = {"work": [], "incident": [], "directive": [], "result": [],
                                    "note": []}
    kind = e.kind
    if kind in (EntryKind.WORK, EntryKind.HANDOVER):
        cells["work"].append(Para(e.content))
        if e.scope:
            cells["work"].append(Para(f"Phạm vi: {e.scope}", "italic"))
    elif kind in (EntryKind.INCIDENT, EntryKind.SYSTEM_FAULT):
        if kind == EntryKind.SYSTEM_FAULT:
            cells["incident"].append(Para("Sự cố hệ thống", "bold"))
        times = []
        if e.occurred_at:
            times.append(f"phát sinh {_t(e.occurred_at)}")
        if e.received_at:
            times.append(f"tiếp nhận {_t(e.received_at)}")
        if times:
            cells["incident"].append(Para("Thời gian: " + ", ".join(times)))
        if e.place:
            cells["incident"].append(Para(f"Địa điểm: {e.place}"))
        related = [f"Tờ khai {e.declaration_no}" if e.declaration_no else "",
                   f"Container {e.container_no}" if e.container_no else "",
                   f"Phương tiện {e.vehicle_plate}" if e.vehicle_plate else ""]
        if any(related):
            cells["incident"].append(
                Para("Thông tin liên quan: " + ", ".join(r for r in related if r)))
        cells["incident"].append(Para(e.content))
    elif kind == EntryKind.DIRECTIVE:
        channel = CHANNEL_NAMES.get(e.channel or "", e.channel or "")
        cells["directive"].append(Para(f"{_t(e.entry_time)} – {channel}", "bold"))
        cells["directive"].append(Para(e.content))
        if e.unit_name:
            cells["directive"].append(Para(f"Đầu mối tiếp nhận: {e.unit_name}", "italic"))
    elif kind == EntryKind.RESULT:
        cells["result"].append(Para(e.content))
        tail = []
        if e.reported_at:
            tail.append(f"Báo cáo lúc {_t(e.reported_at)}")
        if e.unit_name:
            tail.append(f"đơn vị: {e.unit_name}")
        if tail:
            cells["result"].append(Para(", ".join(tail), "italic"))
    else:
        cells["note"].append(Para(e.content))
    if e.note:
        cells["note"].append(Para(e.note))
    if e.offline:
        cells["note"].append(Para(
            f"Ghi khi mất kết nối lúc {fmt_local(e.local_time)} (giờ máy trạm), "
            f"lưu vào CSDL lúc {fmt_local(e.recorded_at)}", "italic"))
    return cells


def build_duty_log(ctx: AppContext, desk: Desk, shift: Shift, printed_by: str) -> DutyLogPrintout:
    entries = ctx.dutylog.entries(desk.id, shift_id=shift.id, limit=100_000)
    names = ctx.dutylog.author_names({e.author_id for e in entries})
    in_shift = {e.id for e in entries}
    rows: list[dict] = []
    for group in shift_rows(entries):   # the same rows (STT) as on screen
        row: dict = {"when": group[0].entry_time, "entries": [], "authors": []}
        for e in group:
            if e.corrects_id is not None and e.corrects_id in in_shift:
                row.setdefault("corrections", []).append((e, _cells(e)))
            else:
                row["entries"].append(e)
            row["authors"].append(e.author_id)
        rows.append(row)

    superseded = {e.corrects_id for e in entries if e.corrects_id is not None}
    out_rows: list[LogRow] = []
    for stt, row in enumerate(rows, start=1):
        merged: dict[str, list[Para]] = {k: [] for k in ("work", "incident", "directive",
                                                         "result", "note")}
        for e in row["entries"]:
            for k, paras in _cells(e).items():
                if e.id in superseded and k != "note" and paras:
                    # the text it replaced stays legible, struck, and says so
                    paras = [*(Para(p.text, "struck") for p in paras),
                             Para("(đã đính chính – nội dung đúng ghi ở dưới)", "italic")]
                merged[k].extend(paras)
            if e.corrects_id is not None:  # corrects an entry of an earlier shift
                merged["note"].append(Para(f"Đính chính mục trước (id {e.corrects_id}): "
                                           f"{e.correction_reason or ''}", "italic"))
        for corr, cells in row.get("corrections", []):
            for k, paras in cells.items():
                merged[k].extend(paras)
            merged["note"].append(Para(
                f"Đính chính lúc {fmt_local(corr.recorded_at)} "
                f"bởi {names.get(corr.author_id, '')}: "
                f"{corr.correction_reason or ''}", "italic"))
        authors = list(dict.fromkeys(names.get(a, "") for a in row["authors"]))
        local = to_local(row["when"])
        out_rows.append(LogRow(stt=stt, when=f"{local:%d/%m/%Y}\n{local:%H:%M}",
                               members=[Para(a) for a in authors if a],
                               work=merged["work"], incident=merged["incident"],
                               directive=merged["directive"], result=merged["result"],
                               note=merged["note"]))
    shift_members = ctx.roster.members(shift.id)
    members = [(SHIFT_ROLE_NAMES.get(m.role, m.role), u.full_name) for m, u in shift_members]
    by_role = {m.role: u.full_name for m, u in shift_members}
    last = max(entries, key=lambda e: e.seq) if entries else None
    seq, chain_hash = (last.seq, last.hash or "") if last else ctx.dutylog.head(desk.id)
    duty_unit = ""
    if shift.duty_unit_id:
        with ctx.db.read() as s:
            duty_unit = s.scalar(select(OrgUnit.name).where(OrgUnit.id == shift.duty_unit_id)) or ""
    signed = ctx.anchor.sign_print(desk.id, seq, chain_hash) if seq else None
    now = ctx.clock.now()
    return DutyLogPrintout(
        signed_head=signed.token if signed else "",
        head_signer=ctx.anchor.holder(signed.key_id) if signed else "", desk_code=desk.code,
        agency=_agency(ctx, desk), desk_name="TRỰC BAN", place=desk.place,
        printed_on=to_local(now).date(), shift_label=shift_label(shift), members=members,
        rows=out_rows, chain_seq=seq, chain_hash=chain_hash, printed_by=printed_by,
        printed_at=fmt_local(now), duty_unit=duty_unit,
        recorder_name=by_role.get("clerk", ""), leader_name=by_role.get("shift_leader", ""))


def duty_log_pdf(ctx: AppContext, desk: Desk, shift: Shift, printed_by: str) -> bytes:
    return render(build_duty_log(ctx, desk, shift, printed_by))


HANDOVER_STATUS = {"draft": "Bản nháp", "signed": "Đã ký bàn giao",
                   "acknowledged": "Đã tiếp nhận (khóa)"}


def build_handover(ctx: AppContext, desk: Desk, shift: Shift, h: Handover,
                   printed_by: str) -> HandoverPrintout:
    names = ctx.dutylog.author_names({i for i in (h.signed_by, h.acknowledged_by) if i})
    members = [(SHIFT_ROLE_NAMES.get(m.role, m.role), u.full_name)
               for m, u in ctx.roster.members(shift.id)]
    now = ctx.clock.now()
    return HandoverPrintout(
        agency=_agency(ctx, desk), desk_name="TRỰC BAN", place=desk.place,
        printed_on=to_local(now).date(), shift_label=shift_label(shift), members=members,
        summary=h.summary,
        open_items=[OpenItemLine(i.source, i.title, i.detail, i.since) for i in open_items_of(h)],
        chain_seq=h.chain_seq or 0, chain_hash=h.chain_hash or "",
        status=HANDOVER_STATUS.get(h.status, h.status),
        signed_by=names.get(h.signed_by or 0, ""), signed_at=fmt_local(h.signed_at),
        signature=h.signature or "", acknowledged_by=names.get(h.acknowledged_by or 0, ""),
        acknowledged_at=fmt_local(h.acknowledged_at), printed_by=printed_by,
        printed_at=fmt_local(now))


def handover_pdf(ctx: AppContext, desk: Desk, shift: Shift, h: Handover, printed_by: str) -> bytes:
    return render(build_handover(ctx, desk, shift, h, printed_by))
