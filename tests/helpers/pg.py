"""PostgreSQL for the tests: the machine's server (CUSTOMS_TEST_PG, default
postgres@127.0.0.1:5432), or a throwaway cluster started from the server
binaries when none answers."""

from __future__ import annotations

import glob
import os
import shutil
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


class PgServer:
    """An admin connection string to a server, and the databases made on it."""

    def __init__(self) -> None:
        self.admin = os.environ.get("CUSTOMS_TEST_PG", DEFAULT)
        self._tmp: str | None = None
        if not _reachable(self.admin):
            self._start_throwaway()

    def _start_throwaway(self) -> None:
        bins = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
        if not bins:
            raise RuntimeError("no PostgreSQL server reachable and no server binaries installed")
        bindir = os.path.dirname(bins[-1])
        self._tmp = tempfile.mkdtemp(prefix="customs-pg-")
        os.chmod(self._tmp, 0o777)
        run_as = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        data = os.path.join(self._tmp, "data")
        subprocess.run(run_as + [f"{bindir}/initdb", "-D", data, "-A", "trust", "-U", "postgres"],
                       check=True, capture_output=True)
        port = 55432
        subprocess.run(run_as + [f"{bindir}/pg_ctl", "-D", data, "-w", "-l",
                                 os.path.join(self._tmp, "log"), "-o",
                                 f"-p {port} -k {self._tmp} -c fsync=off "
                                 "-c listen_addresses=127.0.0.1",
                                 "start"], check=True, capture_output=True)
        self._bindir, self._data, self._run_as = bindir, data, run_as
        self.admin = f"postgresql://postgres@127.0.0.1:{port}/postgres"
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
