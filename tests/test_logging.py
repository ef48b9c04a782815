"""The log as operators read it: one line per event with the kiosk's id, the level a setting
gives, a file in the data folder rotated by size, and the same lines on stderr (where the
system journal takes them under systemd)."""

from __future__ import annotations

import logging
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.settings import SettingsError, load_settings
from kiosk.ui.logs import setup_logging
from tests.kiosk_process import environment, wait_for_log


@pytest.fixture
def root_log() -> Iterator[logging.Logger]:
    """The root logger, put back as it was after the test."""
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield root
    for handler in root.handlers:
        if handler not in handlers:
            root.removeHandler(handler)
            handler.close()
    root.setLevel(level)


def test_one_line_per_event_with_the_kiosk_id_at_the_set_level(
    tmp_path: Path, root_log: logging.Logger
) -> None:
    setup_logging(tmp_path, stderr=False, kiosk_id="K07", level="WARNING")
    log = logging.getLogger("kiosk.test")
    log.info("not at this level")
    log.warning("the printer is low on paper")
    try:
        raise RuntimeError("boom")
    except RuntimeError:
        log.exception("a slot failed")
    lines = (tmp_path / "kiosk.log").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2, lines
    assert " K07 WARNING kiosk.test: the printer is low on paper" in lines[0]
    assert " K07 ERROR kiosk.test: a slot failed ⏎ Traceback" in lines[1]
    assert "RuntimeError: boom" in lines[1]


def test_the_file_is_rotated_by_size(tmp_path: Path, root_log: logging.Logger) -> None:
    setup_logging(tmp_path, stderr=False, file_bytes=100_000, files=2)
    log = logging.getLogger("kiosk.test")
    for number in range(3_000):
        log.info("event %05d %s", number, "x" * 80)
    kept = sorted(path.name for path in tmp_path.glob("kiosk.log*"))
    assert kept == ["kiosk.log", "kiosk.log.1", "kiosk.log.2"]
    assert all(path.stat().st_size <= 100_000 for path in tmp_path.glob("kiosk.log*"))
    assert "event 02999" in (tmp_path / "kiosk.log").read_text(encoding="utf-8")


def test_set_up_again_it_replaces_its_handlers(tmp_path: Path, root_log: logging.Logger) -> None:
    setup_logging(tmp_path / "a", stderr=False)
    setup_logging(tmp_path / "b", stderr=False, kiosk_id="K02")
    logging.getLogger("kiosk.test").warning("once")
    assert "once" not in (tmp_path / "a" / "kiosk.log").read_text(encoding="utf-8")
    [line] = (tmp_path / "b" / "kiosk.log").read_text(encoding="utf-8").splitlines()
    assert " K02 WARNING " in line


def test_a_bad_level_names_the_key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KIOSK_LOGGING__LEVEL", "LOUD")
    with pytest.raises(SettingsError, match=r"setting logging\.level: .*KIOSK_LOGGING__LEVEL"):
        load_settings()


def test_a_running_kiosk_logs_to_its_file_and_to_stderr_alike(tmp_path: Path) -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "kiosk", "--windowed"],
        env=environment(KIOSK_DATA_FOLDER=str(tmp_path), KIOSK_KIOSK_ID="K42"),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    log = tmp_path / "kiosk.log"
    try:
        wait_for_log(process, log, "kiosk K42 started")
    finally:
        process.terminate()
        _, stderr = process.communicate(timeout=30)
    [started] = [line for line in log.read_text("utf-8").splitlines() if "started" in line]
    assert " K42 INFO kiosk: kiosk K42 started" in started
    assert started in stderr.splitlines()
