"""One kiosk per data folder: a second one says which process has it and exits with 3, and
a smoke check never writes into a live kiosk's folder."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kiosk.storage.folder_lock import FolderInUse, FolderLock
from tests.kiosk_process import environment

from .test_commands import kiosk_env


def kiosk(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    """The kiosk command, offscreen (as a kiosk with a display would run)."""
    return kiosk_env(*args, QT_QPA_PLATFORM="offscreen", **env)


def run_python(code: str, **env: str) -> subprocess.CompletedProcess[str]:
    """Python code run as the kiosk command would be, offscreen."""
    return subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=180,
        env=environment(**env),
    )


@pytest.fixture
def running(tmp_path: Path):
    """A kiosk serving (offscreen, full screen) on its own data folder."""
    folder = tmp_path / "live"
    process = subprocess.Popen(
        [sys.executable, "-m", "kiosk"],
        env=environment(KIOSK_DATA_FOLDER=str(folder)),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    log = folder / "kiosk.log"
    deadline = time.monotonic() + 60
    while not (log.exists() and "started" in log.read_text(encoding="utf-8")):
        assert process.poll() is None, "the kiosk did not start"
        assert time.monotonic() < deadline, "the kiosk did not start in time"
        time.sleep(0.1)
    yield folder, process
    process.kill()
    process.wait(timeout=30)


def test_a_second_kiosk_on_a_folder_in_use_exits_with_3_naming_both(running) -> None:
    folder, process = running
    for args in (("--smoke",), ()):
        started = time.monotonic()
        done = kiosk(*args, KIOSK_DATA_FOLDER=str(folder))
        assert time.monotonic() - started < 10
        assert done.returncode == 3, done.stderr
        [line] = done.stderr.strip().splitlines()
        assert str(folder) in line and f"process {process.pid}" in line
    assert process.poll() is None  # the live kiosk goes on serving


def test_the_folder_is_free_again_when_the_kiosk_is_killed(running) -> None:
    folder, process = running
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    done = kiosk("--smoke", KIOSK_DATA_FOLDER=str(folder))
    assert done.returncode == 0, done.stderr


def test_smoke_writes_nothing_into_the_default_data_folder(tmp_path: Path) -> None:
    home = tmp_path / "xdg"
    done = kiosk("--smoke", XDG_DATA_HOME=str(home), HOME=str(tmp_path / "home"))
    assert done.returncode == 0, done.stderr
    assert not (home / "kiosk").exists()
    assert not list(Path(tmp_path).glob("**/journal.sqlite3"))


def test_a_lock_is_held_until_released(tmp_path: Path) -> None:
    first = FolderLock(tmp_path)
    first.acquire()
    with pytest.raises(FolderInUse) as refused:
        FolderLock(tmp_path).acquire()
    assert refused.value.pid == str(os.getpid())
    first.release()
    again = FolderLock(tmp_path)
    again.acquire()
    again.release()


def test_a_start_up_failure_is_said_plainly_and_logged_with_its_traceback(tmp_path: Path) -> None:
    catalogue = tmp_path / "catalogue"
    (catalogue / "services").mkdir(parents=True)
    (catalogue / "fees.yaml").write_text("mci: [", encoding="utf-8")  # broken YAML
    data = tmp_path / "data"
    done = kiosk("--smoke", KIOSK_CATALOGUE=str(catalogue), KIOSK_DATA_FOLDER=str(data))
    assert done.returncode == 1
    assert "fees.yaml" in done.stderr and "Traceback" not in done.stderr
    logged = (data / "kiosk.log").read_text(encoding="utf-8")
    assert "the kiosk cannot start" in logged and "Traceback" in logged


def test_a_journal_that_cannot_be_written_fails_the_smoke_check(tmp_path: Path) -> None:
    data = tmp_path / "data"
    (data / "journal.sqlite3").mkdir(parents=True)  # a folder where the journal should be
    done = kiosk("--smoke", KIOSK_DATA_FOLDER=str(data))
    assert done.returncode == 1
    [line] = done.stderr.strip().splitlines()
    assert str(data / "journal.sqlite3") in line and "cannot be written" in line


BROKEN_SCREEN = (
    "import sys; from kiosk.ui.screens import welcome; from kiosk.cli import main\n"
    "def broken(self, parent=None): raise RuntimeError('the welcome screen broke')\n"
    "welcome.WelcomeScreen.__init__ = broken\n"
    "sys.exit(main(['--smoke']))"
)


def test_an_unforeseen_start_up_failure_is_one_line_naming_the_log(tmp_path: Path) -> None:
    data = tmp_path / "data"
    done = run_python(BROKEN_SCREEN, KIOSK_DATA_FOLDER=str(data))
    assert done.returncode == 1
    [line] = done.stderr.strip().splitlines()
    assert "could not start" in line and str(data / "kiosk.log") in line
    logged = (data / "kiosk.log").read_text(encoding="utf-8")
    assert "the kiosk failed to start" in logged and "Traceback" in logged
