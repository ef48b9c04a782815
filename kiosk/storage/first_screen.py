"""What the first screen showed after the last full start, kept to show it again at once.

A kiosk starts by validating its settings and catalogue and building every screen: a few
hundred milliseconds of pydantic, YAML and Qt before a visitor sees anything. The welcome
screen those produce is the same until something they were made from changes, so a full
start leaves it here (`first-screen.pickle` in the data folder): the header's and the welcome
screen's content, their style sheets, the date as each language says it that day, and a
fingerprint of everything they came from. The next start with the same fingerprint paints it
before loading any of that, then validates and builds the rest as always.

The fingerprint covers the settings file, the `KIOSK_*` environment, the command line's
language, the catalogue and the shipped assets (their bytes; large files by size and time;
folders linked in are walked), the kiosk's own code (by size and time) and the libraries
installed (by name and version). A different anything is a full start.

The file is read back with an unpickler that builds nothing but this module's snapshot, the
screen content's plain values and decimals: a file that names anything else is not used.
"""

from __future__ import annotations

import dataclasses
import hashlib
import io
import logging
import os
import pickle
import site
import stat
import sys
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from kiosk.logic import content
from kiosk.logic.content import ScreenContent
from kiosk.logic.language import Language

log = logging.getLogger(__name__)

FILE = "first-screen.pickle"
FORMAT = 1
CODE = Path(__file__).resolve().parent.parent  # the kiosk package
SMALL = 256 * 1024  # bytes: files up to this are fingerprinted by their bytes


@dataclass(frozen=True)
class FirstScreen:
    """The welcome screen and header as a full start painted them, and what painted them."""

    fingerprint: str
    data_folder: str
    header: ScreenContent
    welcome: ScreenContent
    stylesheets: dict[bool, str]  # compact or not → the QSS
    day: str  # ISO date the dates were said on
    dates: dict[str, str]  # language → that day as the header says it
    sources: tuple[str, ...] = ()  # files and folders the fingerprint read

    def date_text(self, day: date, language: Language) -> str | None:
        """The header's date, when it is the day this screen was kept on."""
        return self.dates.get(language) if day.isoformat() == self.day else None


def fingerprint(sources: list[Path], arguments: tuple[str, ...]) -> str:
    """One digest of `sources` (files, or folders walked), the kiosk's code, the `KIOSK_*`
    environment and `arguments`."""
    digest = hashlib.sha256()
    digest.update(f"{FORMAT}\0{sys.version}\0{arguments!r}\0".encode())
    for name in sorted(os.environ):
        if name.upper().startswith("KIOSK_"):
            digest.update(f"{name}={os.environ[name]}\0".encode())
    for source in dict.fromkeys(sources):  # the catalogue may be among the assets
        digest.update(f"source {source}\0".encode())
        for path in _files(source):
            _add(digest, path, by_bytes=True)
    for path in _files(CODE):
        if path.suffix == ".py":
            _add(digest, path, by_bytes=False)
    for folder in site.getsitepackages():  # every library installed, by name and version
        try:
            names = sorted(name for name in os.listdir(folder) if name.endswith(".dist-info"))
        except OSError:
            continue
        digest.update("\0".join(names).encode())
    return digest.hexdigest()


def _files(root: Path) -> list[Path]:
    """`root` if it is a file, else every file under it, in a stable order."""
    if not root.is_dir():
        return [root]
    found: list[Path] = []
    stack = [root]
    seen = {os.path.realpath(root)}
    while stack:
        folder = stack.pop()
        try:
            entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
        except OSError:
            continue
        for entry in entries:
            if entry.is_dir():  # a folder linked in is walked too (once)
                real = os.path.realpath(entry.path)
                if entry.name != "__pycache__" and real not in seen:
                    seen.add(real)
                    stack.append(Path(entry.path))
            else:
                found.append(Path(entry.path))
    return found


def _add(digest: Any, path: Path, *, by_bytes: bool) -> None:
    try:
        status = path.stat()
    except OSError:
        digest.update(f"{path} missing\0".encode())
        return
    digest.update(f"{path}\0{status.st_mode}\0{status.st_size}\0".encode())
    if by_bytes and stat.S_ISREG(status.st_mode) and status.st_size <= SMALL:
        try:
            digest.update(path.read_bytes())
            return
        except OSError:
            digest.update(b"unreadable\0")
    digest.update(f"{status.st_mtime_ns}\0".encode())


# The only classes a kept first screen is made of: nothing else is ever built from the file.
ALLOWED = {
    (__name__, "FirstScreen"): FirstScreen,
    ("decimal", "Decimal"): Decimal,
    **{
        ("kiosk.logic.content", name): kind
        for name, kind in vars(content).items()
        if isinstance(kind, type) and dataclasses.is_dataclass(kind)
    },
}
LARGEST = 4 * 1024 * 1024  # bytes: a kept first screen is some 16 KiB


class _Unpickler(pickle.Unpickler):
    """Builds only a snapshot, screen content and decimals (named exactly: a dotted name,
    which could reach anything through a function's globals, is refused)."""

    def find_class(self, module: str, name: str) -> Any:
        kind = ALLOWED.get((module, name))
        if kind is None:
            raise pickle.UnpicklingError(f"{module}.{name} is not part of a first screen")
        return kind


def _read(path: Path) -> bytes | None:
    """The file's bytes, if it is a regular file of a sensible size (a FIFO or a device put
    in its place is not waited on)."""
    try:
        handle = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError:
        return None
    with os.fdopen(handle, "rb") as file:
        status = os.fstat(file.fileno())
        if not stat.S_ISREG(status.st_mode) or status.st_size > LARGEST:
            return None
        return file.read(LARGEST + 1)


def load(folder: Path, settings_file: Path, arguments: tuple[str, ...]) -> FirstScreen | None:
    """The first screen kept in `folder`, if what it was made from is unchanged; else None."""
    path = folder / FILE
    data = _read(path)
    if data is None or len(data) > LARGEST:
        return None
    try:
        kept = _Unpickler(io.BytesIO(data)).load()
    except Exception as error:  # an old or damaged file: a full start writes a new one
        log.info("the kept first screen %s is not used: %s", path, error)
        return None
    if not isinstance(kept, FirstScreen) or Path(kept.data_folder) != folder:
        return None
    sources = [Path(source) for source in kept.sources]
    if not sources or sources[0] != settings_file:
        return None
    if fingerprint(sources, arguments) != kept.fingerprint:
        return None
    return kept


def save(kept: FirstScreen) -> None:
    """Keep `kept` in its data folder (whole or not at all); a failure is only logged."""
    import tempfile  # not before the first screen

    folder = Path(kept.data_folder)
    try:
        handle, name = tempfile.mkstemp(prefix=".first-screen-", dir=folder)
        with os.fdopen(handle, "wb") as file:
            pickle.dump(kept, file, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(name, folder / FILE)
    except Exception as error:  # never a reason for a start to fail
        log.warning("the first screen could not be kept in %s: %s", folder, error)


def forget(folder: Path) -> None:
    """Remove the kept first screen (its start failed after all)."""
    try:
        (folder / FILE).unlink(missing_ok=True)
    except OSError as error:
        log.warning("the kept first screen in %s could not be removed: %s", folder, error)
