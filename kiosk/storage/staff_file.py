"""The staff file, `attendant.json` in the data folder: each staff member's salted scrypt
hash, and the count of wrong PINs in a row with the time before which no try is taken.

It is read bounded (a regular file of at most 64 KiB, opened without waiting, so a pipe at
its place is refused at once) and written whole through a temporary file of mode 600 and
`os.replace`. Anything that cannot be read as a staff file is `StaffFileDamaged`. The first
format (one hash, no version) is read as the member "attendant".
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import math
import os
import secrets
import stat
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kiosk.logic.pin_policy import ATTENDANT, name_problem, staff_name

NAME = "attendant.json"
MAX_BYTES = 64 * 1024  # a file for dozens of staff takes a few kilobytes
VERSION = 2
SCRYPT = {"n": 2**14, "r": 8, "p": 1}
MAXMEM = 64 * 1024 * 1024  # scrypt's memory at most (SCRYPT takes 16 MiB)


class StaffFileDamaged(Exception):
    """The staff file is there but cannot be used (the message says why)."""


@dataclass(frozen=True)
class Member:
    """One staff member's PIN, as a salted scrypt hash (never the PIN)."""

    salt: bytes
    digest: bytes
    scrypt: dict[str, int] = field(default_factory=lambda: dict(SCRYPT))

    @classmethod
    def of_pin(cls, pin: str) -> Member:
        """A new salt and the hash of `pin` under it."""
        salt = secrets.token_bytes(16)
        return cls(salt, _scrypt(pin, salt, SCRYPT, 64))

    def matches(self, pin: str) -> bool:
        """Whether `pin` is this member's PIN."""
        digest = _scrypt(pin, self.salt, self.scrypt, len(self.digest))
        return hmac.compare_digest(digest, self.digest)

    def to_json(self) -> dict[str, Any]:
        """The member as kept in the file."""
        return {"salt": self.salt.hex(), "hash": self.digest.hex(), "scrypt": dict(self.scrypt)}


def _scrypt(pin: str, salt: bytes, params: dict[str, int], length: int) -> bytes:
    return hashlib.scrypt(
        pin.encode("utf-8"),
        salt=salt,
        n=params["n"],
        r=params["r"],
        p=params["p"],
        maxmem=MAXMEM,
        dklen=length,
    )


@dataclass
class StaffFile:
    """The staff members and the tries: `failures` wrong PINs in a row; no try is taken
    before `deadline` on the monotonic clock of the boot `boot`."""

    members: dict[str, Member] = field(default_factory=dict)
    failures: int = 0
    deadline: float | None = None
    boot: str = ""

    def copy(self) -> StaffFile:
        """A copy to change."""
        return StaffFile(dict(self.members), self.failures, self.deadline, self.boot)

    def to_json(self) -> dict[str, Any]:
        """The file's content."""
        return {
            "version": VERSION,
            "staff": {name: member.to_json() for name, member in self.members.items()},
            "failures": self.failures,
            "deadline": self.deadline,
            "boot": self.boot,
        }

    @classmethod
    def from_json(cls, data: Any) -> StaffFile:
        """Read a parsed file of either format; StaffFileDamaged says what is wrong."""
        if not isinstance(data, dict):
            raise StaffFileDamaged("not a JSON object")
        if "version" not in data and "hash" in data:  # the first format: one PIN
            member = _member(data, "the PIN")
            return cls({ATTENDANT: member}, failures=_count(data.get("failures", 0)))
        if data.get("version") != VERSION:
            raise StaffFileDamaged(f"unknown format version {data.get('version')!r}")
        staff = data.get("staff")
        if not isinstance(staff, dict):
            raise StaffFileDamaged("no list of staff members")
        members = {}
        for name, entry in staff.items():
            problem = name_problem(name) if isinstance(name, str) else "not a name"
            if problem or staff_name(name) != name:
                raise StaffFileDamaged(f"a staff member's name: {problem or 'not normalised'}")
            members[name] = _member(entry, f"member {name!r}")
        deadline = data.get("deadline")
        if deadline is not None and not (
            isinstance(deadline, (int, float))
            and not isinstance(deadline, bool)
            and math.isfinite(deadline)
        ):
            raise StaffFileDamaged("the time of the next try is not a number")
        boot = data.get("boot", "")
        if not isinstance(boot, str) or len(boot) > 64:
            raise StaffFileDamaged("the boot id is not a short text")
        return cls(members, _count(data.get("failures", 0)), deadline, boot)


def _count(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 1000:
        raise StaffFileDamaged("the count of wrong PINs is not a small whole number")
    return value


def _member(entry: Any, what: str) -> Member:
    if not isinstance(entry, dict):
        raise StaffFileDamaged(f"{what}: not a JSON object")
    salt, digest = entry.get("salt"), entry.get("hash")
    if not isinstance(salt, str) or not isinstance(digest, str):
        raise StaffFileDamaged(f"{what}: no salt or hash")
    try:
        member = Member(bytes.fromhex(salt), bytes.fromhex(digest), _params(entry))
    except ValueError:
        raise StaffFileDamaged(f"{what}: the salt or hash is not hexadecimal") from None
    if not (8 <= len(member.salt) <= 64 and 16 <= len(member.digest) <= 128):
        raise StaffFileDamaged(f"{what}: the salt or hash has the wrong length")
    return member


def _params(entry: dict[str, Any]) -> dict[str, int]:
    params = entry.get("scrypt", SCRYPT)
    if not isinstance(params, dict):
        raise StaffFileDamaged("the scrypt parameters are not an object")
    n, r, p = params.get("n"), params.get("r"), params.get("p")
    if not all(isinstance(v, int) and not isinstance(v, bool) for v in (n, r, p)):
        raise StaffFileDamaged("the scrypt parameters are not whole numbers")
    assert isinstance(n, int) and isinstance(r, int) and isinstance(p, int)
    sound = 2**10 <= n <= 2**16 and n & (n - 1) == 0 and 1 <= r <= 16 and 1 <= p <= 4
    if not sound or 128 * n * r > MAXMEM // 2:
        raise StaffFileDamaged("the scrypt parameters are out of bounds")
    return {"n": n, "r": r, "p": p}


def read(path: Path) -> StaffFile | None:
    """The staff file; None when there is none. Raises StaffFileDamaged when it is there
    but is not a regular file of at most MAX_BYTES holding a staff file."""
    try:
        handle = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        return None
    except OSError as error:
        raise StaffFileDamaged(f"cannot be opened: {error.strerror or error}") from None
    try:
        if not stat.S_ISREG(os.fstat(handle).st_mode):
            raise StaffFileDamaged("not a regular file")
        chunks, size = [], 0
        while size <= MAX_BYTES:
            chunk = os.read(handle, MAX_BYTES + 1 - size)
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as error:
        raise StaffFileDamaged(f"cannot be read: {error.strerror or error}") from None
    finally:
        os.close(handle)
    if size > MAX_BYTES:
        raise StaffFileDamaged(f"larger than {MAX_BYTES // 1024} KiB")
    try:
        data = json.loads(b"".join(chunks).decode("utf-8"))
    except (ValueError, RecursionError):
        raise StaffFileDamaged("not valid JSON") from None
    return StaffFile.from_json(data)


def write(path: Path, staff: StaffFile) -> None:
    """Replace the file whole (mode 600 from the start); raises OSError."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, partial = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump(staff.to_json(), out, ensure_ascii=False)
            out.flush()
            os.fsync(out.fileno())
        os.replace(partial, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(partial)
        raise
    with contextlib.suppress(OSError):  # not every file system keeps modes
        os.chmod(path, 0o600)


def move_aside(path: Path) -> Path:
    """Move a damaged staff file out of the way (kept, never deleted); returns where."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    aside = path.with_name(f"{path.name}.damaged-{stamp}")
    number = 1
    while os.path.lexists(aside):
        number += 1
        aside = path.with_name(f"{path.name}.damaged-{stamp}-{number}")
    os.replace(path, aside)
    return aside
