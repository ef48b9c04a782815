"""A private PostgreSQL server for the fleet tests and benchmark: Debian's server programs,
a cluster in a temporary folder, listening on 127.0.0.1 only, a password for every role.

As root the server runs as the `postgres` user (PostgreSQL refuses to run as root).
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

import psycopg

SUPERUSER = "postgres"


def server_programs() -> Path | None:
    """The folder of the newest installed PostgreSQL's initdb and pg_ctl, if any."""
    found = sorted(
        Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"),
        key=lambda path: int(path.parent.parent.name) if path.parent.parent.name.isdigit() else 0,
    )
    return found[-1].parent if found else None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


class Postgres:
    """One cluster: `start()`, `stop()` (fast), `kill()` (as a crash), `url(database)`."""

    def __init__(self) -> None:
        programs = server_programs()
        if programs is None:
            raise RuntimeError("PostgreSQL's server is not installed: apt-get install postgresql")
        self.programs = programs
        self.folder = Path(tempfile.mkdtemp(prefix="kiosk-postgres-"))
        self.data = self.folder / "data"
        self.sockets = self.folder / "sockets"
        self.sockets.mkdir()
        self.port = _free_port()
        self.password = secrets.token_hex(12)
        self.as_user = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        if self.as_user:
            shutil.chown(self.folder, "postgres")
            shutil.chown(self.sockets, "postgres")
            self.folder.chmod(0o700)
        secret = self.folder / "password"
        secret.write_text(self.password, encoding="ascii")
        if self.as_user:
            shutil.chown(secret, "postgres")
        self._run(
            "initdb",
            "-D",
            str(self.data),
            "-U",
            SUPERUSER,
            "--auth=scram-sha-256",
            f"--pwfile={secret}",
            "--encoding=UTF8",
            "--locale=C",
        )
        secret.unlink()
        with (self.data / "postgresql.conf").open("a", encoding="utf-8") as conf:
            conf.write(
                f"\nlisten_addresses = '127.0.0.1'\nport = {self.port}\n"
                f"unix_socket_directories = '{self.sockets}'\n"
                "fsync = on\nmax_connections = 400\nshared_buffers = 128MB\n"
            )

    def _run(self, program: str, *args: str) -> None:
        subprocess.run(
            [*self.as_user, str(self.programs / program), *args],
            check=True,
            capture_output=True,
            text=True,
        )

    def start(self) -> None:
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.folder / "log"), "-w", "start")

    def running(self) -> bool:
        completed = subprocess.run(
            [*self.as_user, str(self.programs / "pg_ctl"), "-D", str(self.data), "status"],
            capture_output=True,
        )
        return completed.returncode == 0

    def start_if_stopped(self) -> None:
        if not self.running():
            self.start()

    def stop(self) -> None:
        self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")

    def kill(self) -> None:
        """Stop at once, as a crash or a pulled cable would: no clean shut-down."""
        self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")

    def url(self, database: str = "postgres", user: str = SUPERUSER, password: str = "") -> str:
        return f"postgresql://{user}:{password or self.password}@127.0.0.1:{self.port}/{database}"

    def new_database(self) -> str:
        """A fresh database's name."""
        name = f"fleet_{secrets.token_hex(4)}"
        with psycopg.connect(self.url(), autocommit=True) as admin:
            admin.execute(f'CREATE DATABASE "{name}"')
        return name

    def drop_database(self, name: str) -> None:
        """Drop `name` and the kiosk roles enrolled in it."""
        with psycopg.connect(self.url(name), autocommit=True) as db:
            try:
                roles = [row[0] for row in db.execute("SELECT role_name FROM kiosks").fetchall()]
            except psycopg.errors.UndefinedTable:
                roles = []
        with psycopg.connect(self.url(), autocommit=True) as admin:
            admin.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s",
                (name,),
            )
            admin.execute(f'DROP DATABASE "{name}"')
            for role in roles:
                admin.execute(f'DROP ROLE IF EXISTS "{role}"')

    def remove(self) -> None:
        """Stop the server (if it runs) and delete the cluster."""
        with contextlib.suppress(subprocess.CalledProcessError):
            self.stop()
        shutil.rmtree(self.folder, ignore_errors=True)
