"""PostgreSQL for the tests: the machine's server (CUSTOMS_TEST_PG, default
postgres@127.0.0.1:5432), or a throwaway cluster started from the server
binaries when none answers."""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import uuid

import psycopg

DEFAULT = "postgresql://postgres@127.0.0.1:5432/postgres"


def _reachable(conninfo: str) -> bool:
    try:
        with psycopg.connect(conninfo, connect_timeout=3):
            return True
    except psycopg.Error:
        return False


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class PgServer:
    """An admin connection string to a server, and the databases made on it."""

    def __init__(self, *, scram: bool = False) -> None:
        """The machine's server, or with `scram` always a throwaway cluster of its own
        that asks every connection for a SCRAM-SHA-256 password (the machine's server
        trusts every local one, so nothing about passwords is proven on it)."""
        self.admin = os.environ.get("CUSTOMS_TEST_PG", DEFAULT)
        self._tmp: str | None = None
        self.password: str | None = None
        if scram:
            self.password = uuid.uuid4().hex
            self._start_throwaway(scram=True)
        elif not _reachable(self.admin):
            self._start_throwaway()

    def _start_throwaway(self, scram: bool = False) -> None:
        bins = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
        if not bins:
            raise RuntimeError("no PostgreSQL server reachable and no server binaries installed")
        bindir = os.path.dirname(bins[-1])
        self._tmp = tempfile.mkdtemp(prefix="customs-pg-")
        os.chmod(self._tmp, 0o777)
        run_as = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        data = os.path.join(self._tmp, "data")
        auth = ["-A", "trust"]
        if scram:
            pwfile = os.path.join(self._tmp, "pw")
            with open(pwfile, "w") as f:
                f.write(self.password or "")
            os.chmod(pwfile, 0o644)
            auth = ["-A", "scram-sha-256", f"--pwfile={pwfile}"]
        subprocess.run(run_as + [f"{bindir}/initdb", "-D", data, *auth, "-U", "postgres"],
                       check=True, capture_output=True)
        if scram:
            os.remove(pwfile)
        port = _free_port() if scram else 55432
        subprocess.run(run_as + [f"{bindir}/pg_ctl", "-D", data, "-w", "-l",
                                 os.path.join(self._tmp, "log"), "-o",
                                 f"-p {port} -k {self._tmp} -c fsync=off "
                                 "-c listen_addresses=127.0.0.1",
                                 "start"], check=True, capture_output=True)
        self._bindir, self._data, self._run_as = bindir, data, run_as
        secret = f":{self.password}" if self.password else ""
        self.admin = f"postgresql://postgres{secret}@127.0.0.1:{port}/postgres"
        self.host, self.port = "127.0.0.1", port
        # `pg_ctl start -w` returns once the server accepts connections
        if not _reachable(self.admin):
            raise RuntimeError("the throwaway PostgreSQL cluster did not start")

    def url(self, dbname: str) -> str:
        base = self.admin.rsplit("/", 1)[0]
        return f"{base.replace('postgresql://', 'postgresql+psycopg://', 1)}/{dbname}"

    def create(self, template: str | None = None) -> str:
        name = f"customs_t_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(self.admin, autocommit=True) as conn:
            tmpl = f" TEMPLATE {template}" if template else ""
            conn.execute(f"CREATE DATABASE {name}{tmpl}")
        return name

    def drop(self, name: str) -> None:
        with psycopg.connect(self.admin, autocommit=True) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")

    def terminate_listeners(self, dbname: str, application_name: str) -> int:
        """Kill the server side of matching connections (as a DBA or a crash would)."""
        with psycopg.connect(self.admin, autocommit=True) as conn:
            rows = conn.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = %s AND application_name = %s", (dbname, application_name)
            ).fetchall()
        return len(rows)

    def stop(self) -> None:
        if self._tmp:
            subprocess.run(self._run_as + [f"{self._bindir}/pg_ctl", "-D", self._data, "-m",
                                           "immediate", "stop"], capture_output=True)
            shutil.rmtree(self._tmp, ignore_errors=True)
