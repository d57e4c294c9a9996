"""A throwaway PostgreSQL server for the test run (initdb + pg_ctl in a temp dir).

initdb refuses to run as root, so as root the server runs as the unprivileged
``postgres`` user (made by Debian's package) or ``nobody``.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path


def find_pg_bin() -> Path | None:
    found = shutil.which("pg_ctl")
    if found:
        return Path(os.path.realpath(found)).parent
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"), reverse=True)
    return Path(candidates[0]).parent if candidates else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class PostgresServer:
    def __init__(self) -> None:
        bindir = find_pg_bin()
        if bindir is None:
            raise RuntimeError("PostgreSQL is not installed (no pg_ctl found)")
        self.bindir = bindir
        self.port = _free_port()
        self.tmp = Path(tempfile.mkdtemp(prefix="casefile-pg-"))
        self.data = self.tmp / "data"
        self.run_as: str | None = None
        if os.geteuid() == 0:
            self.run_as = _unprivileged_user()
            uid = pwd.getpwnam(self.run_as).pw_uid
            os.chown(self.tmp, uid, -1)
            os.chmod(self.tmp, 0o700)

    def _run(self, *cmd: str) -> None:
        full = [str(self.bindir / cmd[0]), *cmd[1:]]
        if self.run_as:
            full = ["runuser", "-u", self.run_as, "--", *full]
        subprocess.run(full, check=True, capture_output=True, cwd=self.tmp)

    def start(self) -> PostgresServer:
        self._run("initdb", "-D", str(self.data), "-U", "casefile", "--auth=trust",
                  "-E", "UTF8", "--locale=C.UTF-8")
        opts = (f"-c listen_addresses=127.0.0.1 -c port={self.port} "
                f"-c unix_socket_directories={self.tmp} -c fsync=off "
                "-c synchronous_commit=off -c full_page_writes=off")
        self._run("pg_ctl", "-D", str(self.data), "-o", opts, "-w", "-t", "30",
                  "-l", str(self.tmp / "log"), "start")
        return self

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://casefile@127.0.0.1:{self.port}/{database}"

    def create_database(self, name: str) -> str:
        import psycopg

        with psycopg.connect(f"host=127.0.0.1 port={self.port} user=casefile dbname=postgres",
                             autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def stop(self) -> None:
        try:
            self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "stop")
        except subprocess.CalledProcessError:
            pass
        shutil.rmtree(self.tmp, ignore_errors=True)


def _unprivileged_user() -> str:
    for name in ("postgres", "nobody"):
        try:
            pwd.getpwnam(name)
            return name
        except KeyError:
            continue
    raise RuntimeError("no unprivileged user to run PostgreSQL as")


if __name__ == "__main__":  # a quick manual check
    server = PostgresServer().start()
    print(server.url())
    time.sleep(1)
    server.stop()
