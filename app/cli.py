"""The command-line actions that need no window: --verify-log and --print-log.
Exit codes: 0 success, 1 the log is broken, 2 bad input, 3 database unreachable."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from app import logs
from app.context import AppContext
from app.errors import DatabaseUnavailable, DomainError, SettingsError
from app.settings import Settings, load

log = logs.get("ui")


class CliError(Exception):
    pass


def load_settings(args: argparse.Namespace) -> Settings:
    try:
        settings = load()
    except SettingsError as exc:
        raise CliError(f"Cấu hình không hợp lệ / invalid settings: {exc.message()}") from exc
    if args.demo:
        demo_dir = settings.resolved_data_dir() / "demo"
        settings.database_url = f"sqlite:///{demo_dir / 'demo.sqlite'}"
        settings.data_dir = str(demo_dir)
        settings.desk_code = "HQ"
    if args.db:
        settings.database_url = args.db
    if args.desk:
        settings.desk_code = args.desk
    if getattr(args, "lang", None):
        settings.language = args.lang
    try:
        settings.validate()
    except SettingsError as exc:
        raise CliError(f"Cấu hình không hợp lệ / invalid settings: {exc.message()}") from exc
    logs.configure(settings.resolved_data_dir() / "logs")
    return settings


def open_context(args: argparse.Namespace, settings: Settings) -> AppContext:
    ctx = AppContext.create(settings)
    ctx.connect()
    if args.demo:
        from app import demo  # noqa: PLC0415

        demo.seed(ctx)
    return ctx


def _fail(text: str) -> None:
    print(text, file=sys.stderr)  # noqa: T201


def _shift(ctx: AppContext, desk, ref: str):
    if ref == "current":
        return ctx.roster.current_shift(desk.id)
    try:
        day = date.fromisoformat(ref)
    except ValueError:
        _fail(f"Ngày không hợp lệ / invalid date: {ref} (YYYY-MM-DD)")
        return None
    shift = ctx.roster.shift_on(desk.id, day)
    if shift is None:
        _fail(f"Không có ca trực ngày {day:%d/%m/%Y} / no shift on that day")
    return shift


def _paper(ctx: AppContext, desk, kind: str, ref: str) -> bytes | None:
    """The PDF of a paper: the duty log or handover report of a shift, rendered now;
    an issued document as archived at issue (its SHA-256 checked)."""
    if kind in ("log", "handover"):
        shift = _shift(ctx, desk, ref)
        if shift is None:
            return None
        if kind == "log":
            from app.documents.printouts import duty_log_pdf  # noqa: PLC0415

            return duty_log_pdf(ctx, desk, shift, printed_by="")
        from app.documents.printouts import handover_pdf  # noqa: PLC0415

        handover = ctx.handover.for_shift(shift.id)
        if handover is None:
            _fail(f"Ca trực ngày {shift.duty_date:%d/%m/%Y} chưa có biên bản bàn giao / "
                  "no handover for that shift")
            return None
        return handover_pdf(ctx, desk, shift, handover, printed_by="")
    try:
        doc_id = int(ref)
    except ValueError:
        _fail(f"Số hiệu văn bản không hợp lệ / invalid document id: {ref}")
        return None
    doc = ctx.issuer.load(doc_id)
    if kind != "document" and doc.appendix != kind:
        _fail(f"Văn bản {doc_id} ({doc.number}) là Phụ lục {doc.appendix}, không phải "
              f"Phụ lục {kind} / the document is appendix {doc.appendix}")
        return None
    return doc.pdf


def run_batch(args: argparse.Namespace, settings: Settings) -> int:
    try:
        ctx = open_context(args, settings)
    except DatabaseUnavailable as exc:
        print(f"Không kết nối được cơ sở dữ liệu / database unreachable: {exc.message()}",  # noqa: T201
              file=sys.stderr)
        return 3
    try:
        desk = ctx.reference.desk_by_code(settings.desk_code)
        if args.verify_log:
            result = ctx.dutylog.verify(desk.id)
            if result.ok:
                print(f"Nhật ký trực ban {desk.code}: toàn vẹn, {result.checked} mục "  # noqa: T201
                      f"(log intact, {result.checked} entries)")
                return 0
            print(f"Nhật ký trực ban {desk.code} BỊ THAY ĐỔI / LOG BROKEN at entry "  # noqa: T201
                  f"#{result.broken_seq}"
                  + (f" (id {result.broken_id})" if result.broken_id else "")
                  + f": {result.reason}", file=sys.stderr)
            return 1
        kind, ref = (args.print_doc if getattr(args, "print_doc", None)
                     else ("log", args.print_log))
        pdf = _paper(ctx, desk, kind, ref)
        if pdf is None:
            return 2
        out = Path(args.pdf)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(pdf)
        print(f"Đã ghi / written: {out}")  # noqa: T201
        return 0
    except DatabaseUnavailable as exc:
        print(f"Mất kết nối cơ sở dữ liệu / database lost: {exc.message()}", file=sys.stderr)  # noqa: T201
        return 3
    except DomainError as exc:
        print(exc.message(), file=sys.stderr)  # noqa: T201
        return 2
    finally:
        ctx.close()
