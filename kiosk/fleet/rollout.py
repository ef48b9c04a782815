"""Catalogue versions: published by head office, fetched by each kiosk, checked again there.

A version is the catalogue's files (each YAML file by its path in the folder) with the
catalogue's own digest. A kiosk fetches the newest version meant for its centre (or for
every centre), writes it into `fleet-catalogues/<version>` in its data folder, checks it
with the same check as `kiosk catalogue check`, and only then offers it to be switched to,
between two visitors. A version that fails the check is never offered; the kiosk remembers
it was refused and runs on what it has.
"""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass
from datetime import date
from pathlib import Path, PurePosixPath
from typing import Any

import psycopg

from kiosk.logic.catalogue import CatalogueError, Problem, load_catalogue
from kiosk.logic.check import check_folder

FOLDER = "fleet-catalogues"
CURRENT = "current"  # the file naming the version a kiosk switched to last


@dataclass(frozen=True)
class Fetched:
    """A version checked clean and ready in `folder`."""

    version: int
    digest: str
    folder: Path


@dataclass(frozen=True)
class Published:
    """What `publish` stored, what the check warned of, and centres no kiosk is in."""

    version: int
    digest: str
    summary: str
    centres: tuple[str, ...]
    warnings: tuple[str, ...] = ()
    empty_centres: tuple[str, ...] = ()


class PublishError(Exception):
    """The catalogue did not check clean: nothing was published (the problems say why)."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__(f"{len(problems)} problem(s)")
        self.problems = problems


def publish(
    db: psycopg.Connection[Any], folder: Path, centres: tuple[str, ...], today: date
) -> Published:
    """Check `folder` as `kiosk catalogue check` does and store it as a new version for
    `centres` (every centre when empty); raise PublishError and store nothing otherwise."""
    report = check_folder(folder, today=today)
    if not report.ok:
        raise PublishError([str(problem) for problem in report.problems])
    catalogue = load_catalogue(folder)
    row = db.execute(
        "INSERT INTO catalogue_versions (digest, summary, centres, files)"
        " VALUES (%s, %s, %s, %s) RETURNING version",
        (
            catalogue.version,
            report.summary(),
            list(centres) or None,
            json.dumps(catalogue.texts, ensure_ascii=False),
        ),
    ).fetchone()
    known = {str(r[0]) for r in db.execute("SELECT DISTINCT centre FROM kiosks").fetchall()}
    db.commit()
    assert row is not None
    return Published(
        int(row[0]),
        catalogue.version,
        report.summary(),
        centres,
        tuple(str(warning) for warning in report.warnings),
        tuple(centre for centre in centres if centre not in known),
    )


def newest_for(db: psycopg.Connection[Any], after: int) -> tuple[int, str] | None:
    """The newest version after `after` meant for this kiosk's centre, and its digest, if
    any (run as the kiosk's role: row-level security shows it only its centre's)."""
    row = db.execute(
        "SELECT version, digest FROM catalogue_versions WHERE version > %s"
        " ORDER BY version DESC LIMIT 1",
        (after,),
    ).fetchone()
    return (int(row[0]), str(row[1])) if row is not None else None


def files_of(db: psycopg.Connection[Any], version: int) -> dict[str, str]:
    """A version's files (path in the catalogue → text); CatalogueError if they are not."""
    row = db.execute("SELECT files FROM catalogue_versions WHERE version = %s", (version,))
    found = row.fetchone()
    files = found[0] if found is not None else None
    if isinstance(files, str):
        files = json.loads(files)
    if not isinstance(files, dict) or not all(isinstance(v, str) for v in files.values()):
        raise CatalogueError([Problem(f"version {version}", "", "not a catalogue's files")])
    return {str(path): text for path, text in files.items()}


def unpack(data_folder: Path, version: int, files: dict[str, str], today: date) -> Fetched:
    """Write a version's files and check them; raise CatalogueError when they fail."""
    root = data_folder / FOLDER
    final = root / str(version)
    partial = root / f"{version}.partial"
    shutil.rmtree(partial, ignore_errors=True)
    for relative, text in files.items():
        path = PurePosixPath(relative)
        if path.is_absolute() or ".." in path.parts or not path.parts:
            raise CatalogueError([Problem(str(relative), "", "not a path inside a catalogue")])
        target = partial.joinpath(*path.parts)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    report = check_folder(partial, today=today)
    if not report.ok:
        shutil.rmtree(partial, ignore_errors=True)
        raise CatalogueError(list(report.problems))
    shutil.rmtree(final, ignore_errors=True)
    partial.rename(final)
    return Fetched(version, load_catalogue(final).version, final)


def switched(data_folder: Path, version: int) -> None:
    """Note that the kiosk now runs `version` (its next start runs it too)."""
    root = data_folder / FOLDER
    partial = root / f"{CURRENT}.partial"
    partial.write_text(str(version), encoding="ascii")
    os.replace(partial, root / CURRENT)  # whole or not at all
    for old in root.iterdir():  # the versions before the one kept as last known good
        if old.is_dir() and old.name.isdigit() and int(old.name) < version:
            shutil.rmtree(old, ignore_errors=True)


def current(data_folder: Path) -> tuple[int, Path] | None:
    """The fleet version this kiosk switched to last and its folder, if any."""
    root = data_folder / FOLDER
    try:
        version = int((root / CURRENT).read_text(encoding="ascii").strip())
    except (OSError, ValueError):
        return None
    folder = root / str(version)
    return (version, folder) if folder.is_dir() else None
