"""Staff PINs: named staff members, each with a PIN of their own, and the tries.

After a wrong PIN no try is taken for a delay that doubles (1 s, 2 s, 4 s, ...); a try
within it is refused unchecked and not counted. After ten wrong PINs in a row staff mode
is locked until an operator runs `kiosk set-pin`: no clock lifts it. The delay runs on the
monotonic clock of this boot, never on the wall clock: the deadline is kept with the boot
id, and after a restart (another boot id) the whole delay starts again. The count is kept
in the staff file, so a restart does not reset it; a right PIN does.
"""

from __future__ import annotations

import logging
import math
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from kiosk.logic.pin_policy import ATTENDANT, name_problem, pin_problem, staff_name
from kiosk.storage import staff_file
from kiosk.storage.staff_file import Member, StaffFile, StaffFileDamaged

LOCK_AFTER = 10  # wrong PINs in a row
MAX_STAFF = 20  # each PIN try is checked against each member's hash (about 40 ms each)
FIRST_DELAY = 1.0  # seconds after the first wrong PIN; doubled after each further one
BOOT_ID = Path("/proc/sys/kernel/random/boot_id")
log = logging.getLogger(__name__)


def boot_id() -> str:
    """This boot's id (Linux), or "" where there is none."""
    try:
        return BOOT_ID.read_text(encoding="ascii").strip()[:64]
    except (OSError, UnicodeError):
        return ""


def delay_after(failures: int) -> float:
    """Seconds no try is taken after `failures` wrong PINs in a row (below LOCK_AFTER)."""
    return FIRST_DELAY * 2 ** (failures - 1) if failures > 0 else 0.0


class PinError(ValueError):
    """A PIN or staff name that cannot be used (the message says why, without the PIN)."""


@dataclass(frozen=True)
class Verdict:
    """What came of a PIN try, or what a try would meet now (`PinStore.status`).

    `reason`: "ok" (`staff` is who), "ready" (a try is taken now), "wrong" (`wait`
    seconds before the next try, `tries_left` before the lock), "wait" (a try within the
    delay: refused unchecked), "locked" (until `kiosk set-pin`), "not-set" (no staff file)
    or "damaged" (a staff file that cannot be read). `checked`: this try was compared and
    counted (the try that locks is)."""

    ok: bool
    reason: str
    staff: str = ""
    wait: int = 0
    tries_left: int = 0
    checked: bool = False
    weak: bool = False  # a right PIN that today's rules would refuse (set under older ones)


@dataclass(frozen=True)
class PinSet:
    """What `set_pin` did: whose PIN, whether it replaced one, whether it lifted the lock,
    and where a damaged staff file was moved (None: it was not)."""

    staff: str
    replaced: bool
    unlocked: bool
    moved_aside: Path | None = None


class PinStore:
    """The staff file in `folder`. `clock` is the monotonic clock and `boot` gives the
    boot id (both replaceable, so tests step time without sleeping)."""

    def __init__(
        self,
        folder: Path,
        *,
        clock: Callable[[], float] = time.monotonic,
        boot: Callable[[], str] = boot_id,
    ) -> None:
        self.path = folder / staff_file.NAME
        self.clock, self.boot = clock, boot
        self._unsaved: StaffFile | None = None  # tries the disk would not take

    def _load(self) -> StaffFile | None:
        if self._unsaved is not None:
            return self._unsaved.copy()
        return staff_file.read(self.path)

    def _keep(self, staff: StaffFile) -> None:
        """Save the tries; a disk that will not take them (read-only, full) must not stop
        staff, so they are kept in memory until it does. PINs set meanwhile by `kiosk
        set-pin` win over the tries counted before."""
        try:
            fresh = staff_file.read(self.path)
        except (StaffFileDamaged, OSError):
            fresh = None
        if fresh is not None and fresh.members != staff.members:
            self._unsaved = None
            return
        try:
            staff_file.write(self.path, staff)
        except OSError as error:
            log.error("staff file %s not written (%s): tries kept in memory", self.path, error)
            self._unsaved = staff
        else:
            self._unsaved = None

    def is_set(self) -> bool:
        """Whether a readable staff file holds at least one PIN (there is no default)."""
        try:
            staff = self._load()
        except StaffFileDamaged:
            return False
        return staff is not None and bool(staff.members)

    def staff(self) -> list[str]:
        """The staff members' names (none when the file is missing or damaged)."""
        try:
            staff = self._load()
        except StaffFileDamaged:
            return []
        return sorted(staff.members) if staff else []

    def status(self) -> Verdict:
        """What a try would meet now: "ready", or why it would be refused unchecked."""
        barred = self._barred()
        if isinstance(barred, Verdict):
            return barred
        return Verdict(False, "ready", tries_left=LOCK_AFTER - barred.failures)

    def _barred(self) -> Verdict | StaffFile:
        """The reason a try is refused unchecked, or the staff file to check it against."""
        try:
            staff = self._load()
        except StaffFileDamaged as error:
            log.error("staff file %s is damaged (%s): staff mode unavailable", self.path, error)
            return Verdict(False, "damaged")
        if staff is None or not staff.members:
            return Verdict(False, "not-set")
        if staff.failures >= LOCK_AFTER:
            return Verdict(False, "locked")
        wait = self._waiting(staff)
        if wait > 0:
            left = LOCK_AFTER - staff.failures
            return Verdict(False, "wait", wait=math.ceil(wait), tries_left=left)
        return staff

    def _waiting(self, staff: StaffFile) -> float:
        """Seconds before a try is taken. A deadline of another boot (its monotonic clock
        is not this one's) starts the whole delay again from now; within one boot no more
        than the whole delay is left, whatever the file says."""
        if staff.deadline is None or staff.failures == 0:
            return 0.0
        delay, now, boot = delay_after(staff.failures), self.clock(), self.boot()
        if staff.boot != boot or staff.deadline - now > delay:
            staff.deadline, staff.boot = now + delay, boot
            self._keep(staff)
            return delay
        return max(staff.deadline - now, 0.0)

    def check(self, pin: str) -> Verdict:
        """Try a PIN against every staff member's (the first that matches is who)."""
        barred = self._barred()
        if isinstance(barred, Verdict):
            return barred
        staff = barred
        who = next((name for name, member in staff.members.items() if member.matches(pin)), "")
        if who:
            if staff.failures or staff.deadline is not None:
                staff.failures, staff.deadline, staff.boot = 0, None, ""
                self._keep(staff)
            weak = pin_problem(pin) is not None  # set before today's rules: still valid
            if weak:
                log.warning("staff member %s logged in with a PIN below today's rules", who)
            return Verdict(True, "ok", staff=who, checked=True, weak=weak)
        staff.failures += 1
        if staff.failures >= LOCK_AFTER:
            staff.deadline, staff.boot = None, ""
            self._keep(staff)
            log.warning("staff mode locked after %d wrong PINs", LOCK_AFTER)
            return Verdict(False, "locked", checked=True)
        delay = delay_after(staff.failures)
        staff.deadline, staff.boot = self.clock() + delay, self.boot()
        self._keep(staff)
        left = LOCK_AFTER - staff.failures
        return Verdict(False, "wrong", wait=math.ceil(delay), tries_left=left, checked=True)

    def set_pin(self, pin: str, staff: str = ATTENDANT) -> PinSet:
        """Give `staff` the PIN `pin` (the plain attendant PIN when no name is given). It
        clears the count of wrong PINs and the lock. A PIN another member has is refused,
        so that a PIN says who. A damaged staff file is moved aside and a new one started
        (the other members then set theirs again). Raises PinError, changing nothing."""
        name = staff_name(staff)
        problem = name_problem(name) or pin_problem(pin)
        if problem:
            raise PinError(problem)
        try:
            current = staff_file.read(self.path)
            damaged = False
        except StaffFileDamaged as error:
            log.error("staff file %s is damaged (%s): moved aside for a new one", self.path, error)
            current, damaged = None, True
        members = dict(current.members) if current else {}
        if any(other != name and member.matches(pin) for other, member in members.items()):
            raise PinError("another staff member has this PIN: choose another")
        if name not in members and len(members) >= MAX_STAFF:
            raise PinError(f"the staff file holds {MAX_STAFF} members at most")
        moved = staff_file.move_aside(self.path) if damaged else None
        unlocked = current is not None and current.failures >= LOCK_AFTER
        replaced = name in members
        members[name] = Member.of_pin(pin)
        staff_file.write(self.path, StaffFile(members))
        self._unsaved = None
        return PinSet(name, replaced, unlocked, moved)
