"""A private CUPS server for the tests: its own configuration, spool and logs in a temporary
folder, listening on a free port of 127.0.0.1 only, never shared or browsed, its queues
printing through cups-pdf into a folder of the test's.

cups-pdf reads its settings from /etc/cups (compiled in), so the server's queues print
through a cups-pdf instance of their own whose settings file there names the temporary
folder; that file is removed with the server. cups-pdf runs only as root (mode 0700), so
the server does.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

# cups-pdf reads /etc/cups/cups-pdf-<instance>.conf for a queue whose device is
# cups-pdf:/<instance> (its own way to run several PDF printers).
CUPS_PDF_CONFIG = Path("/etc/cups")
SHIPPED_PPD = Path("/usr/share/ppd/cups-pdf/CUPS-PDF_noopt.ppd")
# The Debian packages the server and its queues need, and files they provide.
PACKAGES = "cups printer-driver-cups-pdf"
NEEDED = ("/usr/sbin/cupsd", "/usr/sbin/lpadmin", "/usr/lib/cups/backend/cups-pdf", SHIPPED_PPD)
START_TIMEOUT = 10.0  # seconds for cupsd to answer
INSTANCE_PREFIX = "kiosk-test-"


def missing() -> list[str]:
    """What of CUPS and cups-pdf this machine lacks."""
    return [str(path) for path in NEEDED if not Path(path).exists()]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class CupsServer:
    """A running private cupsd; `address` is what `printer.cups_server` would say."""

    root: Path
    port: int
    process: subprocess.Popen[bytes]

    @property
    def address(self) -> str:
        return f"127.0.0.1:{self.port}"

    @property
    def output(self) -> Path:
        """Where cups-pdf writes the printed PDFs."""
        return self.root / "out"

    def admin(self, *command: str) -> None:
        """Run a CUPS administration command (lpadmin, cupsdisable, ...) on this server."""
        done = subprocess.run(
            [command[0], "-h", self.address, *command[1:]], capture_output=True, text=True
        )
        if done.returncode != 0:
            raise RuntimeError(f"{' '.join(command)}: {done.stderr.strip()}\n{self.log()}")

    @property
    def instance(self) -> str:
        """The cups-pdf instance this server's queues print through."""
        return f"{INSTANCE_PREFIX}{self.root.name}"

    def add_queue(self, name: str, *options: str) -> None:
        """A queue printing PDFs into `output` through cups-pdf, enabled and accepting."""
        device = f"cups-pdf:/{self.instance}"
        self.admin("lpadmin", "-p", name, "-E", "-v", device, "-P", str(SHIPPED_PPD), *options)

    def log(self) -> str:
        """The server's error log, for a failure's message."""
        path = self.root / "log" / "error_log"
        return path.read_text(errors="replace") if path.exists() else "(no error log)"

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(5)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def write_config(root: Path, port: int) -> tuple[Path, Path]:
    """cupsd.conf and cups-files.conf for a server kept entirely inside `root`."""
    for folder in ("spool", "spool/tmp", "cache", "state", "log", "out", "pdf-spool"):
        (root / folder).mkdir(parents=True, exist_ok=True)
    cupsd = root / "cupsd.conf"
    cupsd.write_text(
        f"""LogLevel info
Listen 127.0.0.1:{port}
Browsing No
BrowseLocalProtocols none
DefaultShared No
WebInterface No
PreserveJobHistory Yes
JobRetryInterval 1
<Location />
  Order allow,deny
  Allow all
</Location>
<Policy default>
  <Limit All>
    Order deny,allow
  </Limit>
</Policy>
""",
        encoding="ascii",
    )
    files = root / "cups-files.conf"
    files.write_text(
        f"""ServerRoot {root}
RequestRoot {root / "spool"}
TempDir {root / "spool/tmp"}
CacheDir {root / "cache"}
StateDir {root / "state"}
AccessLog {root / "log/access_log"}
ErrorLog {root / "log/error_log"}
PageLog {root / "log/page_log"}
Printcap {root / "printcap"}
SystemGroup root
FileDevice No
""",
        encoding="ascii",
    )
    return cupsd, files


def remove_stale_cups_pdf_configs() -> None:
    """Settings files of servers whose folder is gone (a test run that was killed)."""
    for config in CUPS_PDF_CONFIG.glob(f"cups-pdf-{INSTANCE_PREFIX}*.conf"):
        folder = config.stem.removeprefix(f"cups-pdf-{INSTANCE_PREFIX}")
        if not (Path(tempfile.gettempdir()) / folder).exists():
            config.unlink(missing_ok=True)


def write_cups_pdf_config(server: CupsServer) -> Path:
    """The settings of this server's cups-pdf instance: everything in its folder."""
    config = CUPS_PDF_CONFIG / f"cups-pdf-{server.instance}.conf"
    config.write_text(
        f"""Out {server.output}
Spool {server.root / "pdf-spool"}
Log {server.root / "log"}
GSTmp {server.root / "pdf-spool"}
LogType 3
Grp lp
""",
        encoding="ascii",
    )
    return config


def wait_until_answering(server: CupsServer) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(f"cupsd stopped at start:\n{server.log()}")
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", server.port), 1):
            return
        time.sleep(0.05)
    raise RuntimeError(f"cupsd did not answer within {START_TIMEOUT:g} s:\n{server.log()}")


@contextlib.contextmanager
def private_cups() -> Iterator[CupsServer]:
    """Start a private cupsd in the foreground; stop it and remove its folder afterwards."""
    remove_stale_cups_pdf_configs()
    # Outside pytest's private folders: cupsd's filters run as the user lp and must reach it.
    root = Path(tempfile.mkdtemp(prefix="kiosk-cups-"))
    os.chmod(root, 0o755)
    port = free_port()
    cupsd, files = write_config(root, port)
    process = subprocess.Popen(
        ["cupsd", "-f", "-c", str(cupsd), "-s", str(files)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    server = CupsServer(root, port, process)
    config = write_cups_pdf_config(server)
    try:
        wait_until_answering(server)
        yield server
    finally:
        server.stop()
        config.unlink(missing_ok=True)
        shutil.rmtree(root, ignore_errors=True)
