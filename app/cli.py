"""The command-line actions that need no window: --verify-log and --print-log.
Exit codes (main.py's --help lists them): 0 success, 1 the log is broken, 2 bad
arguments, settings or input, 3 database unreachable, 4 an unexpected error — a
fault of the program, never to be read as "the log is broken" (Python's own exit
code for an uncaught exception is 1)."""

from __future__ import annotations

import argparse
import getpass
import logging
import os
import sys
from datetime import date
from pathlib import Path

from app import logs
from app.context import AppContext
from app.errors import AuthenticationFailed, DatabaseUnavailable, DomainError, SettingsError
from app.settings import Settings, load

log = logs.get("ui")

EXIT_OK = 0
EXIT_LOG_BROKEN = 1
EXIT_USAGE = 2
EXIT_DATABASE = 3
EXIT_CRASH = 4

ENV_PASSWORD = "CUSTOMS_LOGIN_PASSWORD"


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


def login_password(prompt: str) -> str:
    """A password for a command without a window: CUSTOMS_LOGIN_PASSWORD, or asked."""
    if os.environ.get(ENV_PASSWORD):
        return os.environ[ENV_PASSWORD]
    return getpass.getpass(prompt)


def open_context(args: argparse.Namespace, settings: Settings) -> AppContext:
    ctx = AppContext.create(settings)
    if ctx.accounts.personal:       # one database login per person: log in first
        if not args.user:
            ctx.close()
            raise CliError("Cơ sở dữ liệu yêu cầu đăng nhập cá nhân: thêm --user TÊN / "
                           "the database needs your own login: add --user NAME")
        ctx.accounts.authenticate(args.user, login_password(
            f"Mật khẩu của / password of {args.user}: "))
    ctx.connect()
    if args.demo:
        from app import demo  # noqa: PLC0415

        demo.seed(ctx)
    if args.user and not ctx.accounts.personal and (
            getattr(args, "create_key", False) or getattr(args, "register_key", None)
            or args.print_log or getattr(args, "print_doc", None)):
        # log in: a shift leader's key unlocks (his print is signed), the admin acts
        args.password = login_password(f"Mật khẩu của / password of {args.user}: ")
        ctx.accounts.logged_in = ctx.accounts.authenticate(args.user, args.password)
    return ctx


def given_heads(values: list[str] | None, desk_code: str) -> list:
    """--head: signed heads (DESK:SEQ:HASH:KEY:SIGNATURE), each given as such or as a
    file holding one per line (the text under a printed log, an exported head)."""
    from app.anchor import SignedHead  # noqa: PLC0415

    out = []
    for value in values or []:
        path = Path(value)
        lines = (path.read_text(encoding="utf-8").split() if ":" not in value and path.exists()
                 else [value])
        out += [SignedHead.parse(line, desk_code) for line in lines if line.strip()]
    return out


def _key_action(ctx: AppContext, args: argparse.Namespace) -> int:
    """--create-key (the logged-in leader's own) and --register-key NAME (the admin)."""
    actor = ctx.accounts.logged_in
    if actor is None:
        _fail("--create-key / --register-key cần --user TÊN / need --user NAME")
        return EXIT_USAGE
    if args.create_key:
        info = ctx.signing_keys.create(actor, actor.id, getattr(args, "password", None)
                                       or login_password(f"Mật khẩu của / password of "
                                                         f"{args.user}: "))
        print(f"Khóa ký / signing key {info.key_id} ({actor.full_name}); "  # noqa: T201
              f"chờ quản trị đăng ký / to be registered by the admin")
        return EXIT_OK
    current = ctx.signing_keys.current(ctx.reference.user_by_username(args.register_key).id)
    if current is None:
        _fail(f"{args.register_key}: không có khóa ký / has no signing key")
        return EXIT_USAGE
    info = ctx.signing_keys.register(actor, current.key_id)
    print(f"Đã đăng ký khóa / registered key {info.key_id} ({info.holder})")  # noqa: T201
    return EXIT_OK


def crashed(exc: BaseException) -> int:
    """An unexpected error: logged with its traceback, one clear line on stderr that
    says where the details are, and EXIT_CRASH."""
    log.error("unexpected error: %s", exc, exc_info=exc)
    files = [str(name) for h in logging.getLogger("customs").handlers
             if (name := getattr(h, "baseFilename", None))]
    _fail(f"Lỗi không lường trước của chương trình / unexpected error: "
          f"{type(exc).__name__}: {exc}"
          + (f" — chi tiết trong / details in {', '.join(files)}" if files else ""))
    return EXIT_CRASH


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


def run_db_setup(args: argparse.Namespace, settings: Settings) -> int:
    """--db-setup: the database administrator's set-up of a shared PostgreSQL database
    (migrations, then app/db/security.py), and optionally the first admin's login."""
    from app.db import security  # noqa: PLC0415
    from app.db.engine import Database  # noqa: PLC0415

    db = Database(args.db)
    if not db.is_postgres:
        _fail("--db-setup chỉ dành cho PostgreSQL / is for PostgreSQL only (SQLite keeps the "
              "in-process checks)")
        return EXIT_USAGE
    try:
        db.migrate()
        with db.engine.begin() as conn:
            count = security.apply(conn, settings.database_role_prefix)
            if args.admin:
                login = security.bootstrap_login(
                    conn, settings.database_role_prefix, args.admin,
                    login_password(f"Mật khẩu mới của / new password of {args.admin}: "))
                print(f"Đăng nhập / login: {login}")  # noqa: T201
        print(f"Bảo mật cơ sở dữ liệu / database security: {count} bảng / tables, "  # noqa: T201
              f"prefix {settings.database_role_prefix}")
        return EXIT_OK
    except DatabaseUnavailable as exc:
        _fail(f"Không kết nối được cơ sở dữ liệu / database unreachable: {exc.message()}")
        return EXIT_DATABASE
    except DomainError as exc:
        _fail(exc.message())
        return EXIT_USAGE
    finally:
        db.dispose()


def run_batch(args: argparse.Namespace, settings: Settings) -> int:
    try:
        ctx = open_context(args, settings)
    except AuthenticationFailed as exc:
        _fail(exc.message())
        return EXIT_USAGE
    except CliError as exc:
        _fail(str(exc))
        return EXIT_USAGE
    except DatabaseUnavailable as exc:
        print(f"Không kết nối được cơ sở dữ liệu / database unreachable: {exc.message()}",  # noqa: T201
              file=sys.stderr)
        return EXIT_DATABASE
    try:
        desk = ctx.reference.desk_by_code(settings.desk_code)
        if getattr(args, "create_key", False) or getattr(args, "register_key", None):
            return _key_action(ctx, args)
        if args.verify_log:
            result = ctx.anchor.verify(desk.id, given_heads(getattr(args, "head", None),
                                                            desk.code))
            if result.ok:
                covered = result.covered_seq or 0
                print(f"Nhật ký trực ban {desk.code}: toàn vẹn, {result.checked} mục, "  # noqa: T201
                      f"có chữ ký đến mục #{covered}, {result.checked - covered} mục sau chữ "
                      f"ký cuối (log intact, {result.checked} entries, signed up to "
                      f"#{covered}, {result.checked - covered} after the last signature)")
                if result.signed_head:
                    print(f"Chữ ký mới nhất / newest signed head: {result.signed_head}")  # noqa: T201
                return EXIT_OK
            print(f"Nhật ký trực ban {desk.code} BỊ THAY ĐỔI / LOG BROKEN at entry "  # noqa: T201
                  f"#{result.broken_seq}"
                  + (f" (id {result.broken_id})" if result.broken_id else "")
                  + f": {result.reason}", file=sys.stderr)
            return EXIT_LOG_BROKEN
        kind, ref = (args.print_doc if getattr(args, "print_doc", None)
                     else ("log", args.print_log))
        pdf = _paper(ctx, desk, kind, ref)
        if pdf is None:
            return EXIT_USAGE
        out = Path(args.pdf)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(pdf)
        print(f"Đã ghi / written: {out}")  # noqa: T201
        return EXIT_OK
    except DatabaseUnavailable as exc:
        print(f"Mất kết nối cơ sở dữ liệu / database lost: {exc.message()}", file=sys.stderr)  # noqa: T201
        return EXIT_DATABASE
    except DomainError as exc:
        print(exc.message(), file=sys.stderr)  # noqa: T201
        return EXIT_USAGE
    finally:
        ctx.close()
