"""`kiosk set-pin [--staff NAME]`: a PIN for the attendant or a named staff member, asked
twice; a refusal changes nothing; any PIN set lifts the lock after too many wrong PINs; a
damaged staff file is moved aside for a new one. Each is in the audit log, with the name."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.storage.journal import Journal
from kiosk.storage.pin import LOCK_AFTER, PinStore

PIN = "482916"
OTHER = "735204"


def set_pin(monkeypatch, capsys, folder: Path, typed: str, *args: str) -> tuple[int, str, str]:
    """`kiosk set-pin ARGS` with `typed` on standard input (not a terminal)."""
    monkeypatch.setenv("KIOSK_DATA_FOLDER", str(folder))
    monkeypatch.setattr(sys, "stdin", io.StringIO(typed))
    code = main(["set-pin", *args])
    out, err = capsys.readouterr()
    return code, out, err


def audit(folder: Path) -> list[tuple[str, str]]:
    journal = Journal(folder / "journal.sqlite3")
    try:
        return [(entry.staff, entry.action) for entry in journal.audit_entries()]
    finally:
        journal.close()


def test_named_staff_members_each_get_a_pin(tmp_path, monkeypatch, capsys) -> None:
    code, out, err = set_pin(monkeypatch, capsys, tmp_path, f"{PIN}\n{PIN}\n", "--staff", "Айгерім")
    assert code == 0, err
    assert "the PIN of Айгерім is set" in out and PIN not in out + err
    code, _, err = set_pin(monkeypatch, capsys, tmp_path, f"{OTHER}\n{OTHER}\n")
    assert code == 0, err
    pins = PinStore(tmp_path)
    assert pins.staff() == ["attendant", "Айгерім"]
    assert pins.check(PIN).staff == "Айгерім" and pins.check(OTHER).staff == "attendant"
    assert audit(tmp_path) == [("attendant", "PIN set"), ("Айгерім", "PIN set")]


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("123456\n123456\n", "going up or down"),
        ("111111\n111111\n", "one digit repeated"),
        ("12345\n12345\n", "at least 6 digits"),
        ("٤٨٢٩١٦\n٤٨٢٩١٦\n", "digits 0 to 9 only"),
        (f"{PIN}\n{OTHER}\n", "the two PINs differ"),
        (f"{OTHER}\n{OTHER}\n", "another staff member has this PIN"),
        ("", "no PIN was given"),
        (f"{PIN}\n", "given once, not twice"),
    ],
)
def test_a_refused_pin_changes_nothing(tmp_path, monkeypatch, capsys, typed, said) -> None:
    PinStore(tmp_path).set_pin(OTHER, "Bolat")
    before = (tmp_path / "attendant.json").read_bytes()
    code, out, err = set_pin(monkeypatch, capsys, tmp_path, typed, "--staff", "Dana")
    assert code == 1 and out == ""
    assert said in err and err.count("\n") == 1 and "nothing was changed" in err
    assert PIN not in err and OTHER not in err
    assert (tmp_path / "attendant.json").read_bytes() == before
    assert not (tmp_path / "journal.sqlite3").exists()


@pytest.mark.parametrize("name", ["", " Dana", "Dana/2", "x" * 33])
def test_a_bad_name_is_a_bad_argument(tmp_path, monkeypatch, capsys, name) -> None:
    with pytest.raises(SystemExit) as exit:
        set_pin(monkeypatch, capsys, tmp_path, f"{PIN}\n{PIN}\n", "--staff", name)
    assert exit.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("kiosk set-pin: error:") and err.count("\n") == 1
    assert not (tmp_path / "attendant.json").exists()


def test_set_pin_lifts_the_lock(tmp_path, monkeypatch, capsys) -> None:
    clock = iter(range(0, 10**9, 10**6))  # each try a long while after the one before
    pins = PinStore(tmp_path, clock=lambda: float(next(clock)), boot=lambda: "b")
    pins.set_pin(PIN, "Bolat")
    for _ in range(LOCK_AFTER):
        pins.check("111111")
    assert pins.check(PIN).reason == "locked"
    code, out, err = set_pin(monkeypatch, capsys, tmp_path, f"{OTHER}\n{OTHER}\n")
    assert code == 0, err
    assert "open again" in out
    assert pins.check(PIN).staff == "Bolat"  # Bolat's PIN kept, the lock gone
    assert audit(tmp_path) == [("attendant", "PIN set (staff mode unlocked)")]


def test_a_damaged_file_is_moved_aside(tmp_path, monkeypatch, capsys) -> None:
    (tmp_path / "attendant.json").write_bytes(b"\x00not json")
    code, out, err = set_pin(monkeypatch, capsys, tmp_path, f"{PIN}\n{PIN}\n", "--staff", "Bolat")
    assert code == 0, err
    [aside] = tmp_path.glob("attendant.json.damaged-*")
    assert aside.read_bytes() == b"\x00not json"
    assert f"moved aside to {aside.name}" in out
    assert PinStore(tmp_path).check(PIN).staff == "Bolat"


def test_in_a_real_process_from_a_pipe(tmp_path) -> None:
    env = {**os.environ, "KIOSK_DATA_FOLDER": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-m", "kiosk", "set-pin", "--staff", "Bolat"],
        input=f"{PIN}\n{PIN}\n",
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert PinStore(tmp_path).check(PIN).staff == "Bolat"
