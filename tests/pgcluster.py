"""A throw-away PostgreSQL cluster for the tests, from Debian's PostgreSQL 15 binaries.

initdb refuses to run as root, so as root every server command runs as the ``postgres``
user. The cluster lives in a temporary directory, listens on 127.0.0.1 on a free port (and
on a socket in that directory), trusts local connections, and is stopped and removed at
the end of the run whatever happens.
"""

from __future__ import annotations

import atexit
import itertools
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

PG_BIN = Path(os.environ.get("PG_BIN", "/usr/lib/postgresql/15/bin"))
# Durability is pointless for a cluster deleted after the run; turning it off makes it fast.
SERVER_OPTIONS = "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"


class ClusterError(RuntimeError):
    """The cluster could not be set up; the message says why and what to do."""


class PostgresCluster:
    """A running cluster: create and drop databases, give their SQLAlchemy URLs."""

    def __init__(self) -> None:
        if not (PG_BIN / "initdb").exists():
            raise ClusterError(
                f"PostgreSQL binaries not found in {PG_BIN}: the persistence tests need "
                "Debian's postgresql package (`make test` installs it)"
            )
        self.root = Path(tempfile.mkdtemp(prefix="drafting-pg-"))
        self.data = self.root / "data"
        self.port = 0
        self._names = itertools.count(1)
        self._running = False
        if os.geteuid() == 0:
            shutil.chown(self.root, "postgres", "postgres")
        atexit.register(self.stop)  # a safety net when the session fixture cannot run

    def start(self) -> None:
        """Create the cluster and start the server."""
        self._run(PG_BIN / "initdb", "-D", self.data, "-U", "postgres", "--auth=trust",
                  "-E", "UTF8", "--locale=C.UTF-8", "--no-sync")
        for _attempt in range(3):  # the free port may be taken between choosing and binding
            self.port = _free_port()
            options = (f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 "
                       f"{SERVER_OPTIONS}")
            try:
                self._run(PG_BIN / "pg_ctl", "-D", self.data, "-l", self.root / "server.log",
                          "-o", options, "-w", "-t", "60", "start")
            except ClusterError:
                continue
            self._running = True
            return
        raise ClusterError(f"PostgreSQL did not start: {self._log_tail()}")

    def stop(self) -> None:
        """Stop the server and delete the cluster (safe to call twice)."""
        if self._running:
            self._running = False
            subprocess.run(_as_postgres(PG_BIN / "pg_ctl", "-D", self.data, "-m", "immediate",
                                        "-w", "stop"), capture_output=True, check=False)
        shutil.rmtree(self.root, ignore_errors=True)

    def url(self, database: str) -> str:
        """Return the SQLAlchemy URL of *database*, over TCP like a real deployment."""
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{database}"

    def create_database(self) -> str:
        """Create an empty database and return its name."""
        name = f"test_{next(self._names)}"
        self._execute(f'CREATE DATABASE "{name}"')
        return name

    def drop_database(self, name: str) -> None:
        """Drop *name*, disconnecting whoever still uses it."""
        self._execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def _execute(self, sql: str) -> None:
        import psycopg

        with psycopg.connect(host="127.0.0.1", port=self.port, user="postgres",
                             dbname="postgres", autocommit=True) as connection:
            connection.execute(sql)

    def _run(self, *command) -> None:
        result = subprocess.run(_as_postgres(*command), capture_output=True, text=True,
                                check=False)
        if result.returncode != 0:
            raise ClusterError(f"{Path(command[0]).name} failed: {result.stderr.strip()}")

    def _log_tail(self) -> str:
        log = self.root / "server.log"
        return log.read_text(errors="replace")[-2000:] if log.exists() else "(no server log)"


def _as_postgres(*command) -> list[str]:
    command = [str(part) for part in command]
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *command]
    return command


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
