"""The lock files the README's commands install from: exact versions, each with its hashes,
within pyproject.toml's ranges, and what this very test run is using."""

from __future__ import annotations

import re
import tomllib
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[1]
LOCKS = [ROOT / "requirements" / "test.lock", ROOT / "requirements" / "cups.lock"]


def locked(path: Path) -> dict[str, tuple[str, list[str]]]:
    """name -> (version, hashes) of a pip-compile lock file."""
    found: dict[str, tuple[str, list[str]]] = {}
    for block in re.split(r"\n(?=[A-Za-z0-9])", path.read_text(encoding="utf-8")):
        pin = re.match(r"([A-Za-z0-9_.\-]+)==([^\s\\]+)", block)
        if pin:
            hashes = re.findall(r"--hash=sha256:([0-9a-f]{64})", block)
            found[canonicalize_name(pin.group(1))] = (pin.group(2), hashes)
    return found


def test_every_pin_is_exact_and_hashed() -> None:
    for path in LOCKS:
        pins = locked(path)
        assert pins, path
        for name, (_, hashes) in pins.items():
            assert hashes, f"{path.name}: {name} has no hash"
        assert "--index-url" not in path.read_text(encoding="utf-8")  # no machine's index


def test_the_lock_keeps_within_pyprojects_ranges() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = [
        *project["dependencies"],
        *project["optional-dependencies"]["test"],
        *project["optional-dependencies"]["cups"],
    ]
    pins = {**locked(LOCKS[0]), **locked(LOCKS[1])}
    for line in wanted:
        requirement = Requirement(line)
        name = canonicalize_name(requirement.name)
        assert name in pins, f"{name} is not locked"
        assert requirement.specifier.contains(pins[name][0], prereleases=True), (
            f"{name} {pins[name][0]} is outside {requirement.specifier}"
        )


def test_the_tests_run_on_the_locked_versions() -> None:
    for name, (pinned, _) in locked(LOCKS[0]).items():
        if name in {"pip", "setuptools"}:  # the installer's own, upgraded by itself
            continue
        try:
            installed = version(name)
        except PackageNotFoundError:
            raise AssertionError(f"{name} {pinned} is locked but not installed") from None
        assert installed == pinned, f"{name}: {installed} installed, {pinned} locked"
