"""The attendant PIN: a salted scrypt hash in the data folder, and the lock after five
wrong tries (five minutes, kept in the same file so a restart does not lift it)."""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import logging
import os
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

TRIES = 5
LOCK = timedelta(minutes=5)
SCRYPT = {"n": 2**14, "r": 8, "p": 1}
log = logging.getLogger(__name__)


class PinError(ValueError):
    """A PIN that cannot be used (not 4 to 8 digits)."""


@dataclass(frozen=True)
class Verdict:
    """What came of a PIN try: ok, wrong (tries left), locked (until), or no PIN set."""

    ok: bool
    reason: str  # "ok" | "wrong" | "locked" | "not-set"
    tries_left: int = 0
    locked_until: datetime | None = None


class PinStore:
    """Reads and writes `attendant.json`."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / "attendant.json"
        self._unsaved: dict[str, object] | None = None  # tries the disk would not take

    def _load(self) -> dict[str, object]:
        if self._unsaved is not None:
            return dict(self._unsaved)
        try:
            return dict(json.loads(self.path.read_text(encoding="utf-8")))
        except (FileNotFoundError, ValueError):
            return {}

    def _save(self, data: dict[str, object]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        partial = self.path.with_suffix(".tmp")
        partial.write_text(json.dumps(data), encoding="utf-8")
        os.replace(partial, self.path)
        with contextlib.suppress(OSError):  # not every file system keeps modes
            os.chmod(self.path, 0o600)

    def _keep(self, data: dict[str, object]) -> None:
        """Save the tries; a disk that will not take them (read-only, full) must not stop
        staff, so they are kept in memory until it does."""
        try:
            self._save(data)
        except OSError as error:
            log.error("attendant file %s not written (%s): tries kept in memory", self.path, error)
            self._unsaved = data
        else:
            self._unsaved = None

    def is_set(self) -> bool:
        """Whether a PIN has been set (there is no default PIN)."""
        return "hash" in self._load()

    def set_pin(self, pin: str) -> None:
        """Store a new PIN (4 to 8 digits); clears any lock."""
        if not (pin.isdigit() and 4 <= len(pin) <= 8):
            raise PinError("the PIN must be 4 to 8 digits")
        salt = secrets.token_bytes(16)
        digest = hashlib.scrypt(pin.encode(), salt=salt, **SCRYPT)  # type: ignore[arg-type]
        self._save({"salt": salt.hex(), "hash": digest.hex(), "scrypt": SCRYPT, "failures": 0})

    def check(self, pin: str, now: datetime) -> Verdict:
        """Try a PIN; five wrong tries lock entry for five minutes."""
        data = self._load()
        if "hash" not in data:
            return Verdict(False, "not-set")
        locked = data.get("locked_until")
        if isinstance(locked, str) and datetime.fromisoformat(locked) > now:
            return Verdict(False, "locked", locked_until=datetime.fromisoformat(locked))
        params = data.get("scrypt", SCRYPT)
        assert isinstance(params, dict)
        digest = hashlib.scrypt(pin.encode(), salt=bytes.fromhex(str(data["salt"])), **params)
        if hmac.compare_digest(digest.hex(), str(data["hash"])):
            data.update(failures=0, locked_until=None)
            self._keep(data)
            return Verdict(True, "ok")
        failures = int(str(data.get("failures", 0))) + 1
        if failures >= TRIES:
            until = now + LOCK
            data.update(failures=0, locked_until=until.isoformat())
            self._keep(data)
            return Verdict(False, "locked", locked_until=until)
        data.update(failures=failures)
        self._keep(data)
        return Verdict(False, "wrong", tries_left=TRIES - failures)
