"""`kiosk doctor`: one line per check, non-zero when any fails, and nothing written, even
beside a live kiosk on the same data folder."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from kiosk.storage.pin import PinStore
from tests.kiosk_process import environment, wait_for_log

CHECKS = ["settings", "catalogue", "last good catalogue", "data folder", "journal", "staff"]
CHECKS += ["printer", "speech", "fleet", "display", "fonts"]


def in_folder(data: Path, **more: str) -> dict[str, str]:
    return environment(KIOSK_DATA_FOLDER=str(data), **more)


def doctor(data: Path, *args: str, **more: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kiosk", *args, "doctor"],
        env=in_folder(data, **more),
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture
def kiosk_folder(tmp_path: Path) -> Path:
    """A data folder a kiosk has run in, with a staff PIN."""
    data = tmp_path / "data"
    done = subprocess.run(
        [sys.executable, "-m", "kiosk", "--smoke"],
        env=in_folder(data),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    PinStore(data).set_pin("482916", "Айгерім")
    return data


def snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    return {
        str(path.relative_to(folder)): (path.stat().st_size, path.stat().st_mtime_ns)
        for path in sorted(folder.rglob("*"))
    }


def test_a_sound_kiosk_passes_every_check_one_line_each(kiosk_folder: Path) -> None:
    before = snapshot(kiosk_folder)
    done = doctor(kiosk_folder)
    assert snapshot(kiosk_folder) == before  # not even a -wal or -shm beside an idle journal
    assert done.returncode == 0, done.stdout
    lines = done.stdout.splitlines()
    assert [line.split(":")[0][5:] for line in lines[:-1]] == CHECKS
    assert all(line.startswith("OK   ") for line in lines[:-1]), lines
    assert lines[-1] == "11 checks: all OK"
    assert "1 member(s): Айгерім" in done.stdout


@contextmanager
def live_kiosk(data: Path) -> Iterator[None]:
    """A kiosk running on `data` (started, its log says so) for the body's time."""
    live = subprocess.Popen(
        [sys.executable, "-m", "kiosk", "--windowed"],
        env=in_folder(data),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for_log(live, data / "kiosk.log", "kiosk K01 started")  # type: ignore[arg-type]
        yield
    finally:
        live.terminate()
        live.communicate(timeout=30)


def test_it_writes_nothing_beside_a_live_kiosk(kiosk_folder: Path) -> None:
    with live_kiosk(kiosk_folder):
        time.sleep(4)  # past the kiosk's own first work after start (it keeps a good copy)
        before = snapshot(kiosk_folder)
        done = doctor(kiosk_folder)
        after = snapshot(kiosk_folder)
    assert done.returncode == 0, done.stdout
    assert after == before


def test_each_failure_is_a_failed_line_and_exit_1(kiosk_folder: Path, tmp_path: Path) -> None:
    (kiosk_folder / "attendant.json").write_text("not json", encoding="utf-8")
    catalogue = tmp_path / "catalogue"
    (catalogue / "services").mkdir(parents=True)
    (catalogue / "fees.yaml").write_text("mci: [", encoding="utf-8")
    done = doctor(kiosk_folder, KIOSK_CATALOGUE=str(catalogue))
    assert done.returncode == 1
    failed = [line for line in done.stdout.splitlines() if line.startswith("FAIL")]
    assert [line.split(":")[0] for line in failed] == ["FAIL catalogue", "FAIL staff"]
    assert "fees.yaml" in failed[0] and "damaged" in failed[1]
    assert done.stdout.splitlines()[-1] == "11 checks, 2 failed"


def test_bad_settings_are_the_first_failed_check(tmp_path: Path) -> None:
    done = doctor(tmp_path, KIOSK_TIMING__IDLE="inf")
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert done.stdout.splitlines()[0].startswith("FAIL settings: setting timing.idle")


def test_a_sound_device_that_does_not_open_fails_the_speech_line(kiosk_folder: Path) -> None:
    done = doctor(kiosk_folder, KIOSK_SPEECH__DEVICE="no-such-device")
    assert done.returncode == 1
    failed = [line for line in done.stdout.splitlines() if line.startswith("FAIL")]
    assert len(failed) == 1 and failed[0].startswith("FAIL speech")
    assert "no-such-device" in failed[0]


def test_a_live_kiosks_new_journal_is_read_through_its_wal(tmp_path: Path) -> None:
    data = tmp_path / "data"  # the kiosk's first start: its tables may be only in the WAL
    with live_kiosk(data):
        assert Path(f"{data / 'journal.sqlite3'}-wal").exists()
        done = doctor(data)
    journal = next(line for line in done.stdout.splitlines() if line[5:12] == "journal")
    assert journal.startswith("OK   journal") and "schema 5" in journal, journal
