"""Entry point of the duty-room client.

  python main.py --demo                      the demo site (SQLite, seeded)
  python main.py --db URL                    any SQLAlchemy URL (SQLite file or PostgreSQL)
  python main.py --demo --screenshot F [--view main|log|supervisor|wall|declarations|controlled|
                                              manifest|gate|sources|alerts]
  python main.py [--demo|--db URL] --print-log current|YYYY-MM-DD --pdf FILE
  python main.py [--demo|--db URL] --print log|handover current|YYYY-MM-DD --pdf FILE
  python main.py [--demo|--db URL] --print document|II|III|IV|V ID --pdf FILE
  python main.py [--demo|--db URL] --verify-log

Exit codes: see EXIT_CODES (also in --help) and app/cli.py.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

PRINT_KINDS = ("log", "handover", "document", "II", "III", "IV", "V")
# --view names of the data panels (widgets/registry.py ids), screenshot alone
DATA_VIEWS = ("declarations", "controlled", "manifest", "gate", "sources", "alerts")
# app/cli.py's EXIT_* constants, spelled out here so that --help imports nothing.
EXIT_CODES = """exit codes:
  0 success
  1 the duty log is broken (--verify-log found a changed or missing entry)
  2 bad arguments, settings or input (the message says which)
  3 the database cannot be reached
  4 an unexpected error (a fault of the program; the details are in the log file)"""


def parse_args(argv: list[str]) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="main.py",
                                description="Trực ban, giám sát trực tuyến hải quan",
                                epilog=EXIT_CODES,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--demo", action="store_true", help="run on the demo site (SQLite, seeded)")
    p.add_argument("--db", metavar="URL", help="SQLAlchemy database URL")
    p.add_argument("--desk", metavar="CODE", help="duty desk code (default from settings)")
    p.add_argument("--user", metavar="NAME", help="log in as this user (demo and checks)")
    p.add_argument("--screenshot", metavar="FILE", help="render a view after start-up to PNG, exit")
    p.add_argument("--view", choices=("main", "log", "supervisor", "wall") + DATA_VIEWS,
                   default="main", help="with --screenshot: the window, the duty log, the "
                   "supervisor console, the wall, or a data panel (" + ", ".join(DATA_VIEWS) + ")")
    p.add_argument("--panel", metavar="ID", help="with --screenshot: open this panel of the "
                   "registry first (widgets/registry.py ids: sources, health, checklist…)")
    p.add_argument("--print-log", metavar="DAY", help="'current' or YYYY-MM-DD")
    p.add_argument("--print", nargs=2, metavar=("KIND", "ID"), dest="print_doc",
                   help="a paper as PDF: 'log' or 'handover' with current|YYYY-MM-DD; an "
                        "issued document ('document', or its appendix II–V) with its id")
    p.add_argument("--pdf", metavar="FILE", help="output of --print-log and --print")
    p.add_argument("--verify-log", action="store_true", help="check the duty log's hash chain")
    p.add_argument("--head", action="append", metavar="HEAD|FILE",
                   help="with --verify-log: a signed head printed or exported earlier "
                        "(DESK:SEQ:HASH:KEY:SIGNATURE), or a file of them; repeatable")
    p.add_argument("--create-key", action="store_true",
                   help="with --user LEADER: create his signing key, encrypted under his "
                        "password (asked, or CUSTOMS_LOGIN_PASSWORD)")
    p.add_argument("--register-key", metavar="NAME",
                   help="with --user ADMIN: register the signing key of shift leader NAME")
    p.add_argument("--lang", choices=("vi", "en"), help="interface language")
    p.add_argument("--db-setup", action="store_true",
                   help="database administrator, with --db as a PostgreSQL superuser: run the "
                        "migrations, then the roles, grants and row-level security "
                        "(docs/security.md); --admin NAME also gives that account its login "
                        "(password from CUSTOMS_LOGIN_PASSWORD or asked)")
    p.add_argument("--admin", metavar="NAME", help="with --db-setup: the first admin's login")
    args = p.parse_args(argv)
    # An empty value would read as "not given": --print-log '' started the GUI and
    # --db '' silently opened the local SQLite file.
    for flag, value in (("--db", args.db), ("--desk", args.desk), ("--user", args.user),
                        ("--screenshot", args.screenshot), ("--panel", args.panel),
                        ("--print-log", args.print_log), ("--pdf", args.pdf),
                        ("--print", args.print_doc[1] if args.print_doc else None)):
        if value is not None and not value.strip():
            p.error(f"{flag}: giá trị rỗng / empty value")
    if args.head and not args.verify_log:
        p.error("--head goes with --verify-log")
    if (args.create_key or args.register_key) and not args.user:
        p.error("--create-key and --register-key need --user NAME")
    if args.db_setup and not args.db:
        p.error("--db-setup needs --db URL (a PostgreSQL superuser)")
    if args.admin is not None and not args.db_setup:
        p.error("--admin goes with --db-setup")
    if (args.print_log or args.print_doc) and not args.pdf:
        p.error("--print-log and --print need --pdf FILE")
    if args.print_doc and args.print_doc[0] not in PRINT_KINDS:
        p.error(f"--print KIND: one of {', '.join(PRINT_KINDS)}")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    try:
        return _run(args)
    except Exception as exc:  # noqa: BLE001 - the one place a fault becomes exit code 4
        from app import cli  # noqa: PLC0415

        return cli.crashed(exc)


def _run(args: argparse.Namespace) -> int:
    import forms  # noqa: PLC0415
    from app import cli  # noqa: PLC0415 - keep --help fast

    forms.install()   # the core prints through the forms' renderers

    try:
        ctx_settings = cli.load_settings(args)
    except cli.CliError as exc:
        print(exc, file=sys.stderr)  # noqa: T201
        if not (args.verify_log or args.print_log or args.print_doc or args.screenshot
                or args.db_setup or args.create_key or args.register_key):
            from widgets.application import show_startup_error  # noqa: PLC0415

            show_startup_error(str(exc))
        return 2
    if args.db_setup:
        return cli.run_db_setup(args, ctx_settings)
    if args.verify_log or args.print_log or args.print_doc or args.create_key \
            or args.register_key:
        return cli.run_batch(args, ctx_settings)
    if args.screenshot and "QT_QPA_PLATFORM" not in os.environ:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from widgets.application import run_gui  # noqa: PLC0415

    simulator = None
    args.sim_ports = None
    if args.demo and (not args.screenshot or args.view == "wall"):
        # The demo command starts the demo site's simulators as processes of their own
        # (the application itself never starts programs) and stops them at the end.
        from video.sim.demo_site import DemoSite  # noqa: PLC0415

        simulator = DemoSite()
        simulator.launch()           # ready while the client starts (seeding waits for it)
        args.sim_ports = simulator
    relay = None
    if args.demo and not ctx_settings.smtp_host and (
            not args.screenshot or args.panel or args.view in DATA_VIEWS):
        # The site's e-mail relay, simulated (real SMTP on 127.0.0.1): issued documents
        # are mailed through it, and its health is a data source's.
        from datasources.mail_relay import MailRelaySimulator  # noqa: PLC0415

        relay = MailRelaySimulator(
            2525, maildir=Path(ctx_settings.resolved_data_dir()) / "mail-relay")
        port = relay.start()
        if port is not None:
            relay.keep_alive()
            ctx_settings.smtp_host, ctx_settings.smtp_port = "127.0.0.1", port
            ctx_settings.smtp_sender = ctx_settings.smtp_sender or "trucban@demo.customs.vn"
    gateway = None
    if args.demo and not ctx_settings.customs_gateway_url and (
            not args.screenshot or args.view in DATA_VIEWS or args.panel):
        # The customs integration gateway, simulated (its contract over HTTP on
        # 127.0.0.1): declarations, the controlled area, the e-Manifest, gate reads and
        # the risk blacklist of one seeded world, with its planted anomalies.
        from datasources.customs_gateway.simulator import CustomsGatewaySimulator  # noqa: PLC0415

        gateway = CustomsGatewaySimulator(8890)
        if gateway.start() is not None:
            gateway.keep_alive()
            ctx_settings.customs_gateway_url = gateway.base_url
            ctx_settings.customs_gateway_token = gateway.token
            ctx_settings.customs_gateway_unit = ctx_settings.customs_gateway_unit or "CNTT"
            ctx_settings.customs_poll_s = 2.0
    try:
        return run_gui(args, ctx_settings)
    finally:
        if gateway is not None:
            gateway.stop()
        if relay is not None:
            relay.stop()
        if simulator is not None:
            simulator.stop()


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    sys.exit(main())
