"""Real storage faults for tests: a folder made read-only, a small disk filled up.

As root (who may write anywhere) the folder is bind-mounted read-only and the small disk
is a tmpfs; otherwise the folder's permissions are taken away and a full disk cannot be
made, so those tests say why they cannot run."""

from __future__ import annotations

import contextlib
import errno
import functools
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest


@functools.cache
def can_mount() -> bool:
    """Whether this process may mount file systems (root with the capability)."""
    return (
        os.geteuid() == 0
        and _run("mount", "-t", "tmpfs", "none", _probe()) == 0
        and (_run("umount", _probe()) == 0)
    )


def _probe() -> str:
    path = Path("/tmp/kiosk-mount-probe")
    path.mkdir(exist_ok=True)
    return str(path)


def _run(*command: str) -> int:
    return subprocess.run(command, capture_output=True, check=False).returncode


@contextlib.contextmanager
def read_only(folder: Path) -> Iterator[None]:
    """`folder` cannot be written inside the block."""
    if os.geteuid() != 0:
        folder.chmod(0o500)
        try:
            yield
        finally:
            folder.chmod(0o700)
        return
    if not can_mount():
        pytest.fail("root without the right to mount: cannot make a folder read-only")
    subprocess.run(["mount", "--bind", str(folder), str(folder)], check=True)
    try:
        subprocess.run(["mount", "-o", "remount,bind,ro", str(folder)], check=True)
        yield
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=True)


@contextlib.contextmanager
def small_disk(folder: Path, size: str = "4m") -> Iterator[Path]:
    """`folder` on a file system of its own, `size` big."""
    if not can_mount():
        pytest.skip("a full disk needs a tmpfs: run the tests as root")
    folder.mkdir(parents=True, exist_ok=True)
    subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "none", str(folder)], check=True)
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=True)


def fill(folder: Path) -> Path:
    """Fill the disk under `folder` to the last byte; returns the filler (delete it to make
    room again)."""
    filler = folder / "filler"
    descriptor = os.open(filler, os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        for size in (1 << 20, 4096, 1):
            try:
                while True:
                    os.write(descriptor, b"\0" * size)
            except OSError as error:
                assert error.errno == errno.ENOSPC, error
    finally:
        os.close(descriptor)
    return filler
