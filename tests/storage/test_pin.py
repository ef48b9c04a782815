"""Staff PINs against guessing: a delay that doubles after each wrong PIN, a lock after ten
that only `set-pin` lifts, counted on the monotonic clock of the boot (never the wall
clock) and kept in the staff file; a damaged staff file refused, never half-read."""

from __future__ import annotations

import hashlib
import json
import os
import secrets
import stat
import time
from pathlib import Path

import pytest

from kiosk.storage import staff_file
from kiosk.storage.pin import LOCK_AFTER, PinError, PinStore
from kiosk.storage.staff_file import Member

PIN = "482916"
OTHER = "735204"


class Clock:
    """A monotonic clock the test steps by hand, and the boot it belongs to."""

    def __init__(self) -> None:
        self.now = 5000.0
        self.boot = "boot-1"

    def __call__(self) -> float:
        return self.now


def store(folder: Path, clock: Clock) -> PinStore:
    return PinStore(folder, clock=clock, boot=lambda: clock.boot)


def stored(folder: Path) -> dict:
    return json.loads((folder / "attendant.json").read_text(encoding="utf-8"))


def test_the_delay_doubles_and_the_tenth_wrong_pin_locks(tmp_path) -> None:
    clock = Clock()
    pins = store(tmp_path, clock)
    pins.set_pin(PIN)
    for number in range(1, LOCK_AFTER):
        verdict = pins.check("111111")
        assert (verdict.reason, verdict.wait) == ("wrong", 2 ** (number - 1))
        assert verdict.tries_left == LOCK_AFTER - number and verdict.checked
        clock.now += verdict.wait - 0.25
        assert pins.status().reason == "wait"  # not yet
        clock.now += 0.25
        assert pins.status().reason == "ready"
    last = pins.check("111111")
    assert (last.reason, last.checked) == ("locked", True)
    clock.now += 10**9  # no time lifts it
    for verdict in (pins.check(PIN), PinStore(tmp_path).check(PIN), pins.status()):
        assert verdict.reason == "locked" and not verdict.ok and not verdict.checked


def test_a_try_within_the_delay_is_refused_unchecked_and_not_counted(tmp_path, monkeypatch) -> None:
    clock = Clock()
    pins = store(tmp_path, clock)
    pins.set_pin(PIN)
    assert pins.check("111111").wait == 1
    compared = []
    real = Member.matches
    monkeypatch.setattr(Member, "matches", lambda self, pin: compared.append(1) or real(self, pin))
    clock.now += 0.5
    for _ in range(20):
        refused = pins.check(PIN)  # even the right PIN
        assert (refused.reason, refused.wait, refused.checked) == ("wait", 1, False)
    assert compared == [] and stored(tmp_path)["failures"] == 1
    clock.now += 0.5
    assert pins.check("111111").wait == 2  # the second wrong PIN, not the 22nd


def test_a_right_pin_resets_the_count(tmp_path) -> None:
    clock = Clock()
    pins = store(tmp_path, clock)
    pins.set_pin(PIN)
    for wait in (1, 2, 4):
        assert pins.check("111111").wait == wait
        clock.now += wait
    verdict = pins.check(PIN)
    assert verdict.ok and verdict.staff == "attendant"
    assert stored(tmp_path)["failures"] == 0
    assert pins.check("111111").wait == 1


def test_the_count_and_the_delay_survive_a_restart_of_the_kiosk(tmp_path) -> None:
    clock = Clock()
    store(tmp_path, clock).set_pin(PIN)
    for wait in (1, 2, 4):
        assert store(tmp_path, clock).check("111111").wait == wait
        clock.now += wait
    assert store(tmp_path, clock).check("111111").wait == 8
    clock.now += 5
    restarted = store(tmp_path, clock)  # the same boot: 3 s are left, no less, no more
    assert (restarted.status().reason, restarted.status().wait) == ("wait", 3)
    assert restarted.check(PIN).reason == "wait"
    clock.now += 3
    assert restarted.check(PIN).ok


def test_a_new_boot_starts_the_whole_delay_again(tmp_path) -> None:
    clock = Clock()
    pins = store(tmp_path, clock)
    pins.set_pin(PIN)
    for wait in (1, 2):
        assert pins.check("111111").wait == wait
        clock.now += wait
    assert pins.check("111111").wait == 4
    clock.now += 3  # 1 s left; then the machine restarts: its monotonic clock starts low
    clock.boot, clock.now = "boot-2", 12.0
    again = store(tmp_path, clock)
    assert (again.status().reason, again.status().wait) == ("wait", 4)
    clock.now += 3.5
    assert again.check(PIN).reason == "wait"
    assert store(tmp_path, clock).check(PIN).reason == "wait"  # kept, not started again
    clock.now += 0.5
    assert again.check(PIN).ok


def test_a_new_boot_long_up_still_waits_the_whole_delay(tmp_path) -> None:
    clock = Clock()
    pins = store(tmp_path, clock)
    pins.set_pin(PIN)
    assert pins.check("111111").wait == 1
    clock.now += 0.5
    assert pins.check("111111").reason == "wait"
    clock.now += 0.5
    assert pins.check("111111").wait == 2
    # Another boot whose monotonic clock is already far past the old deadline.
    clock.boot, clock.now = "boot-2", clock.now + 10**7
    assert store(tmp_path, clock).check(PIN).reason == "wait"
    clock.now += 2
    assert store(tmp_path, clock).check(PIN).ok


def test_no_more_than_the_whole_delay_whatever_the_file_says(tmp_path) -> None:
    clock = Clock()
    pins = store(tmp_path, clock)
    pins.set_pin(PIN)
    pins.check("111111")
    data = stored(tmp_path)
    data["deadline"] = clock.now + 10**9
    (tmp_path / "attendant.json").write_text(json.dumps(data), encoding="utf-8")
    assert pins.status().wait == 1
    clock.now += 1
    assert pins.check(PIN).ok


def test_the_wall_clock_changes_nothing(tmp_path, monkeypatch) -> None:
    clock = Clock()
    pins = store(tmp_path, clock)
    pins.set_pin(PIN)
    assert pins.check("111111").wait == 1
    real = time.time()
    for shift in (-10 * 365 * 86400, 3600, 10 * 365 * 86400):  # the clock set back, forward
        monkeypatch.setattr(time, "time", lambda shift=shift: real + shift)
        monkeypatch.setattr(time, "time_ns", lambda shift=shift: int((real + shift) * 1e9))
        assert pins.check(PIN).reason == "wait"
        assert PinStore(tmp_path, clock=clock, boot=lambda: clock.boot).status().wait == 1
    assert "locked_until" not in stored(tmp_path)  # no wall-clock date kept at all
    clock.now += 1
    assert pins.check(PIN).ok


def test_set_pin_lifts_the_lock(tmp_path) -> None:
    clock = Clock()
    pins = store(tmp_path, clock)
    pins.set_pin(PIN, "Bolat")
    for _ in range(LOCK_AFTER):
        clock.now += 1000
        pins.check("111111")
    assert pins.check(PIN).reason == "locked"
    done = store(tmp_path, clock).set_pin(OTHER, "Aigerim")  # any member's PIN
    assert done.unlocked and not done.replaced and done.moved_aside is None
    assert pins.check(PIN).staff == "Bolat" and pins.check(OTHER).staff == "Aigerim"


def test_each_member_has_their_own_pin_and_a_pin_says_who(tmp_path) -> None:
    pins = PinStore(tmp_path)
    pins.set_pin(PIN, "Айгерім")
    pins.set_pin(OTHER, "Bolat")
    assert pins.staff() == ["Bolat", "Айгерім"]
    assert pins.check(PIN).staff == "Айгерім" and pins.check(OTHER).staff == "Bolat"
    before = (tmp_path / "attendant.json").read_bytes()
    with pytest.raises(PinError, match="another staff member has this PIN"):
        pins.set_pin(PIN, "Dana")
    assert (tmp_path / "attendant.json").read_bytes() == before  # nothing changed
    assert pins.set_pin(PIN, "Айгерім").replaced  # the same member may keep theirs
    for bad, said in (("123456", "going up"), ("4829", "at least 6"), ("٤٨٢٩١٦", "0 to 9")):
        with pytest.raises(PinError, match=said):
            pins.set_pin(bad, "Dana")
    with pytest.raises(PinError, match="staff name"):
        pins.set_pin("583920", "Dana/2")
    assert (tmp_path / "attendant.json").read_bytes() != before
    assert pins.staff() == ["Bolat", "Айгерім"]


def test_the_file_holds_hashes_only_and_is_private(tmp_path) -> None:
    pins = PinStore(tmp_path)
    pins.set_pin(PIN, "Bolat")
    pins.check("111111")
    path = tmp_path / "attendant.json"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    text = path.read_text(encoding="utf-8")
    assert PIN not in text and "111111" not in text
    assert [p.name for p in tmp_path.iterdir()] == ["attendant.json"]  # no temporary left


def test_the_first_format_is_read_as_the_attendant(tmp_path) -> None:
    salt = secrets.token_bytes(16)
    params = {"n": 2**14, "r": 8, "p": 1}
    digest = hashlib.scrypt(PIN.encode(), salt=salt, **params)
    old = {"salt": salt.hex(), "hash": digest.hex(), "scrypt": params, "failures": 2}
    (tmp_path / "attendant.json").write_text(json.dumps(old), encoding="utf-8")
    clock = Clock()
    pins = store(tmp_path, clock)
    assert pins.is_set() and pins.staff() == ["attendant"]
    assert pins.check("111111").wait == 4  # its two wrong PINs are carried over
    clock.now += 4
    verdict = pins.check(PIN)
    assert verdict.ok and verdict.staff == "attendant"
    data = stored(tmp_path)
    assert data["version"] == 2 and list(data["staff"]) == ["attendant"]
    pins.set_pin(OTHER, "Bolat")
    assert pins.check(PIN).staff == "attendant" and pins.check(OTHER).staff == "Bolat"


def damage(path: Path, kind: str) -> None:
    good = {"version": 2, "staff": {}, "failures": 0, "deadline": None, "boot": ""}
    member = {"salt": "00" * 16, "hash": "11" * 64, "scrypt": {"n": 16384, "r": 8, "p": 1}}
    if kind == "garbage":
        path.write_bytes(b"\x00\xff\xfe garbage {{{")
    elif kind == "empty":
        path.write_bytes(b"")
    elif kind == "list":
        path.write_text("[1, 2, 3]", encoding="utf-8")
    elif kind == "fifo":
        os.mkfifo(path)
    elif kind == "folder":
        path.mkdir()
    elif kind == "large":
        padding = {"staff": {"Bolat": member}, "padding": "x" * (64 * 1024)}
        path.write_text(json.dumps({**good, **padding}), encoding="utf-8")
    elif kind == "bad-hex":
        path.write_text(json.dumps({**good, "staff": {"Bolat": {**member, "salt": "zz"}}}))
    elif kind == "version":
        path.write_text(json.dumps({**good, "version": 7}), encoding="utf-8")
    elif kind == "failures":
        path.write_text(json.dumps({**good, "failures": "none"}), encoding="utf-8")
    elif kind == "scrypt":
        huge = {**member, "scrypt": {"n": 2**30, "r": 8, "p": 1}}
        path.write_text(json.dumps({**good, "staff": {"Bolat": huge}}), encoding="utf-8")
    elif kind == "deep":
        path.write_text("[" * 30000 + "]" * 30000, encoding="utf-8")
    else:
        raise AssertionError(kind)


KINDS = [
    "garbage",
    "empty",
    "list",
    "fifo",
    "folder",
    "large",
    "bad-hex",
    "version",
    "failures",
    "scrypt",
    "deep",
]


@pytest.mark.parametrize("kind", KINDS)
def test_a_damaged_file_makes_staff_mode_unavailable(tmp_path, kind) -> None:
    damage(tmp_path / "attendant.json", kind)
    pins = PinStore(tmp_path)
    started = time.monotonic()
    assert pins.status().reason == "damaged"
    assert pins.check(PIN).reason == "damaged" and not pins.is_set() and pins.staff() == []
    assert time.monotonic() - started < 2  # a pipe is not waited on
    done = pins.set_pin(PIN, "Bolat")  # set-pin starts a new file and keeps the old one
    assert done.moved_aside is not None and done.moved_aside.name.startswith(
        "attendant.json.damaged-"
    )
    assert os.path.lexists(done.moved_aside)
    assert pins.check(PIN).staff == "Bolat"


def test_a_missing_file_is_not_set(tmp_path) -> None:
    pins = PinStore(tmp_path / "no-such-folder")
    assert pins.status().reason == "not-set" and pins.check(PIN).reason == "not-set"


def test_a_disk_that_refuses_the_tries_keeps_them_in_memory(tmp_path, monkeypatch) -> None:
    clock = Clock()
    pins = store(tmp_path, clock)
    pins.set_pin(PIN)

    def refuse(path: Path, staff: object) -> None:
        raise OSError(30, "Read-only file system")

    monkeypatch.setattr(staff_file, "write", refuse)
    assert pins.check("111111").wait == 1
    assert pins.check(PIN).reason == "wait"  # counted in memory
    clock.now += 1
    assert pins.check("111111").wait == 2
    clock.now += 2
    assert pins.check(PIN).ok
